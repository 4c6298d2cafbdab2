package dev.calsync.app.accounts;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.store.Account;
import dev.calsync.store.AccountStatus;
import dev.calsync.store.AccountStore;
import dev.calsync.store.JdbcSyncStore;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one pause rule, for the CLI and the server alike: an account whose grant was refused is shown as
 * "reconnect needed" and every group using it pauses, so no pass runs on half its calendars; nothing is deleted.
 * Connecting it again (or {@code sync --resume}) resumes the groups it alone held up.
 */
public final class AccountPauses {
    private static final System.Logger LOG = System.getLogger(AccountPauses.class.getName());

    private final AccountStore accounts;
    private final JdbcSyncStore store;
    private final Function<String, Optional<Account>> declared;

    public AccountPauses(AccountStore accounts, JdbcSyncStore store) {
        this(accounts, store, id -> Optional.empty());
    }

    /** @param declared accounts declared in the configuration, for those that have no row yet */
    public AccountPauses(AccountStore accounts, JdbcSyncStore store, Function<String, Optional<Account>> declared) {
        this.accounts = accounts;
        this.store = store;
        this.declared = declared;
    }

    /** Marks the account and pauses every group using it; returns the groups paused now. */
    public List<String> reconnectNeeded(String accountId) {
        Optional<Account> account = accounts.find(accountId).or(() -> declared.apply(accountId));
        if (account.isEmpty()) {
            return List.of();
        }
        accounts.save(account.get().withStatus(AccountStatus.RECONNECT_NEEDED));
        List<String> paused = new ArrayList<>();
        for (SyncGroup group : groupsUsing(accountId)) {
            if (!store.isPaused(group.id())) {
                store.setPaused(group.id(), true);
                paused.add(group.id());
            }
        }
        LOG.log(Level.WARNING, "account {0} needs reconnecting; paused groups {1}", accountId, paused);
        return paused;
    }

    /** Marks the account connected and resumes the groups it alone held up; returns the groups resumed now. */
    public List<String> reconnected(String accountId) {
        if (accounts.find(accountId).isEmpty()) {
            return List.of();
        }
        accounts.markStatus(accountId, AccountStatus.ACTIVE);
        List<String> resumed = new ArrayList<>();
        for (SyncGroup group : groupsUsing(accountId)) {
            if (accountsNeedingReconnect(group).isEmpty() && store.isPaused(group.id())) {
                store.setPaused(group.id(), false);
                resumed.add(group.id());
            }
        }
        return resumed;
    }

    /** Resume a group now: its accounts count as connected again. */
    public void resume(SyncGroup group) {
        accountsNeedingReconnect(group).forEach(id -> accounts.markStatus(id, AccountStatus.ACTIVE));
        store.setPaused(group.id(), false);
    }

    /** The group's accounts that need reconnecting (empty when none does). */
    public List<String> accountsNeedingReconnect(SyncGroup group) {
        return group.calendars().stream().map(CalendarRef::accountId).distinct()
                .filter(id -> accounts.find(id).map(a -> a.status() == AccountStatus.RECONNECT_NEEDED).orElse(false))
                .toList();
    }

    /** A group may only name its owner's accounts, so every group using the account is the owner's. */
    private List<SyncGroup> groupsUsing(String accountId) {
        return store.groups().stream()
                .filter(g -> g.calendars().stream().anyMatch(c -> c.accountId().equals(accountId)))
                .toList();
    }
}
