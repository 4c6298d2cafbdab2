package dev.calsync.store;

import dev.calsync.core.event.EventKind;
import java.util.Locale;

/**
 * The {@code event_type} column: core's {@link EventKind} by name. Rows cached before V30 hold Google's event
 * type words (workingLocation, outOfOffice, …); they read as the same kinds, and anything unknown as an
 * ordinary event, as the adapter would map it.
 */
final class EventKinds {
    private EventKinds() {
    }

    static EventKind read(String column) {
        if (column == null) {
            return EventKind.DEFAULT;
        }
        String name = column.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        try {
            return EventKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return EventKind.DEFAULT;
        }
    }
}
