package dev.calsync.app.web;

import dev.calsync.app.security.SignedInUser;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.store.Account;
import dev.calsync.store.AccountStore;
import dev.calsync.store.JdbcSyncStore;
import java.util.List;
import org.springframework.stereotype.Component;

/** The one place that turns ids from a request into the signed-in person's own groups, accounts and calendars. */
@Component
public class OwnedResources {

    private final JdbcSyncStore store;
    private final AccountStore accounts;

    public OwnedResources(JdbcSyncStore store, AccountStore accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    public SyncGroup group(SignedInUser user, String groupId) {
        return store.group(groupId).filter(group -> group.owner().equals(user.id()))
                .orElseThrow(() -> new NotFoundException("group"));
    }

    public List<SyncGroup> groups(SignedInUser user) {
        return store.groupsOf(user.id());
    }

    public Account account(SignedInUser user, String accountId) {
        return accounts.find(accountId).filter(account -> account.owner().equals(user.id()))
                .orElseThrow(() -> new NotFoundException("account"));
    }

    public List<Account> accounts(SignedInUser user) {
        return accounts.listByOwner(user.id());
    }

    /** A calendar named as {@code accountId/calendarId} on one of the person's own accounts. */
    public CalendarRef calendar(SignedInUser user, String key) {
        int slash = key == null ? -1 : key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) {
            throw new NotFoundException("calendar");
        }
        Account account = account(user, key.substring(0, slash));
        return new CalendarRef(account.id(), key.substring(slash + 1));
    }
}
