package dev.calsync.caldav.discovery;

import java.net.URI;

/**
 * A calendar collection found under a calendar home.
 *
 * @param access   "owner", "writer" or "reader", from current-user-privilege-set
 * @param timeZone the IANA id of the collection's calendar-timezone, or null
 */
public record DavCalendar(URI href, String displayName, String access, String timeZone) {
}
