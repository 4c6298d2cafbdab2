package dev.calsync.caldav.discovery;

import java.net.URI;
import java.util.List;

/**
 * What discovery found for an account.
 *
 * @param ownAddresses the principal's calendar-user-address-set (mailto: and other URIs): how the account's own
 *                     attendee is recognised in invitations
 */
public record DiscoveredAccount(URI principal, URI calendarHome, List<URI> ownAddresses, List<DavCalendar> calendars) {
    public DiscoveredAccount {
        ownAddresses = List.copyOf(ownAddresses);
        calendars = List.copyOf(calendars);
    }
}
