package dev.calsync.core.store;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import java.util.List;

/**
 * What a pass learned about one calendar, stored at once after all its writes succeeded.
 *
 * @param replaceAll true after a full list: the cache becomes exactly {@code events}
 * @param events     changed events to put into the source cache (cancelled ones included); never blocks
 */
public record CalendarCommit(CalendarRef calendar, boolean replaceAll, List<SourceEvent> events,
                             CalendarSyncState state) {
    public CalendarCommit {
        events = List.copyOf(events);
    }
}
