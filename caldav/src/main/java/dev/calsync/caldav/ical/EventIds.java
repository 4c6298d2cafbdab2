package dev.calsync.caldav.ical;

import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.event.EventTime;

/**
 * How CalDAV resources and their VEVENTs are named as events. A resource {@code <name>.ics} is the event
 * {@code <name>} (so the block with key {@code k} lives in {@code k.ics} and is listed as {@code k}); a VEVENT
 * with RECURRENCE-ID is the occurrence of that event at its original start, named as core names occurrences.
 */
public final class EventIds {
    private static final String SUFFIX = ".ics";

    private EventIds() {
    }

    public static String ofResource(String resourceName) {
        return resourceName.endsWith(SUFFIX) && resourceName.length() > SUFFIX.length()
                ? resourceName.substring(0, resourceName.length() - SUFFIX.length()) : resourceName;
    }

    public static String resourceName(String eventId) {
        return eventId + SUFFIX;
    }

    public static String occurrence(String seriesId, EventTime originalStart) {
        return new OccurrenceRef(seriesId, originalStart).key();
    }
}
