package dev.calsync.caldav.read;

import dev.calsync.caldav.dav.Hrefs;
import java.net.URI;

/**
 * A member of a calendar collection as read: where it is, its ETag and its iCalendar text.
 *
 * @param etag null when the server gave none
 */
public record CalendarResource(URI href, String etag, String ics) {

    public String name() {
        return Hrefs.name(href);
    }
}
