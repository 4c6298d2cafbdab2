package dev.calsync.core.push;

import dev.calsync.core.calendar.CalendarRef;
import java.time.Instant;
import java.util.Objects;

/**
 * A change channel: the provider sends a notification whenever the calendar it watches changes.
 *
 * @param id         calsync's own name for it, chosen before it is opened, so a notification that arrives before
 *                   the open call has answered still finds it
 * @param calendar   the watched calendar
 * @param handle     what the provider gave the channel when it opened it (needed to stop it and to check that a
 *                   notification is about it); null while the channel is being opened
 * @param expiration when the provider stops sending; null while being opened, or if the provider did not say
 */
public record ChangeChannel(String id, CalendarRef calendar, String handle, Instant expiration) {

    public ChangeChannel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(calendar, "calendar");
    }

    /** Filed, but its open call has not answered (yet, or ever). */
    public boolean pending() {
        return handle == null;
    }
}
