package dev.calsync.app.accounts;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.store.Account;
import dev.calsync.store.AccountStatus;
import dev.calsync.store.AccountStore;
import dev.calsync.store.JdbcSyncStore;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;

/**
 * An account whose grant was refused is shown as "reconnect needed" and every group using it pauses, so no
 * pass runs on half its calendars; nothing is deleted. Connecting it again resumes the groups it alone held up.
 */
public final class AccountPauses {
    private static final System.Logger LOG = System.getLogger(AccountPauses.class.getName());

    private final AccountStore accounts;
    private final JdbcSyncStore store;

    public AccountPauses(AccountStore accounts, JdbcSyncStore store) {
        this.accounts = accounts;
        this.store = store;
    }

    public void reconnectNeeded(String accountId) {
        Optional<Account> account = accounts.find(accountId);
        if (account.isEmpty()) {
            return;
        }
        accounts.markStatus(accountId, AccountStatus.RECONNECT_NEEDED);
        List<SyncGroup> paused = groupsUsing(account.get().owner(), accountId);
        paused.forEach(group -> store.setPaused(group.id(), true));
        LOG.log(Level.WARNING, "account {0} needs reconnecting; paused groups {1}", accountId,
                paused.stream().map(SyncGroup::id).toList());
    }

    public void reconnected(String accountId) {
        Optional<Account> account = accounts.find(accountId);
        if (account.isEmpty()) {
            return;
        }
        accounts.markStatus(accountId, AccountStatus.ACTIVE);
        for (SyncGroup group : groupsUsing(account.get().owner(), accountId)) {
            if (allActive(group)) {
                store.setPaused(group.id(), false);
            }
        }
    }

    private List<SyncGroup> groupsUsing(String owner, String accountId) {
        return store.groupsOf(owner).stream()
                .filter(g -> g.calendars().stream().anyMatch(c -> c.accountId().equals(accountId)))
                .toList();
    }

    private boolean allActive(SyncGroup group) {
        return group.calendars().stream().map(CalendarRef::accountId).distinct()
                .allMatch(id -> accounts.find(id).map(a -> a.status() == AccountStatus.ACTIVE).orElse(true));
    }
}
