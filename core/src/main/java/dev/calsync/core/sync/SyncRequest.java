package dev.calsync.core.sync;

import dev.calsync.core.calendar.CalendarRef;
import java.util.Set;

/**
 * What a pass over one group should do.
 *
 * @param calendarsToRead the calendars whose changes to read; null means all of the group
 * @param full            list everything and converge (the recovery path), whatever the mode
 */
public record SyncRequest(Set<CalendarRef> calendarsToRead, boolean full) {

    /** Read every calendar's changes: a poll. */
    public static SyncRequest poll() {
        return new SyncRequest(null, false);
    }

    /** A full reconcile: first sync, `sync --full`, cleanup, the daily safety task, the emergency button. */
    public static SyncRequest fullReconcile() {
        return new SyncRequest(null, true);
    }

    /** Read one calendar's changes: a push notification or that calendar's own poll task. */
    public static SyncRequest calendar(CalendarRef calendar) {
        return new SyncRequest(Set.of(calendar), false);
    }

    /** Read nothing: project the cache again, so events entering the window as days pass get their blocks. */
    public static SyncRequest horizon() {
        return new SyncRequest(Set.of(), false);
    }

    public boolean reads(CalendarRef calendar) {
        return calendarsToRead == null || calendarsToRead.contains(calendar);
    }
}
