package dev.calsync.caldav;

import dev.calsync.caldav.dav.DavClient;
import dev.calsync.caldav.discovery.CalendarDiscovery;
import dev.calsync.caldav.discovery.DavCalendar;
import dev.calsync.caldav.discovery.DiscoveredAccount;
import dev.calsync.caldav.dav.Hrefs;
import dev.calsync.caldav.ical.ReadContext;
import dev.calsync.caldav.read.CollectionReader;
import dev.calsync.caldav.write.ResourceStore;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.ProviderException;
import java.net.URI;
import java.util.List;

/**
 * One account's connection: its client, reader and store, and what discovery found (the account's own addresses
 * and its calendars' zones). Discovery runs once, and only when a calendar actually has changes to read, so an
 * idle poll stays one request.
 */
final class AccountSession {
    private static final System.Logger LOG = System.getLogger(AccountSession.class.getName());

    final String accountId;
    final CaldavAccount account;
    final DavClient client;
    final CollectionReader reader;
    final ResourceStore store;
    private volatile DiscoveredAccount discovered;

    AccountSession(String accountId, CaldavAccount account, DavClient client) {
        this.accountId = accountId;
        this.account = account;
        this.client = client;
        this.reader = new CollectionReader(client);
        this.store = new ResourceStore(client, reader);
    }

    CalendarRef accountRef() {
        return new CalendarRef(accountId, "*");
    }

    DiscoveredAccount discover() {
        DiscoveredAccount found = new CalendarDiscovery(client).discover(account.url(), accountRef());
        discovered = found;
        return found;
    }

    /** How resources of {@code collection} are read; without discovery (it failed), the login stands for the account. */
    ReadContext context(URI collection) {
        DiscoveredAccount known = discovered;
        if (known == null) {
            try {
                known = discover();
            } catch (ProviderException e) {
                LOG.log(System.Logger.Level.WARNING, "CalDAV account {0}: discovery failed ({1}); own invitations are"
                        + " recognised by the login name only, floating times read in UTC", accountId, e.getMessage());
                return ReadContext.of(List.of(), account.username(), null);
            }
        }
        String zone = known.calendars().stream().filter(c -> Hrefs.samePath(c.href(), collection))
                .map(DavCalendar::timeZone).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return ReadContext.of(known.ownAddresses(), account.username(), zone);
    }
}
