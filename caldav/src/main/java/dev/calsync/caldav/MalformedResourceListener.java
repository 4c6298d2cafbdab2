package dev.calsync.caldav;

import dev.calsync.core.calendar.CalendarRef;

/** Told of every calendar member skipped because it cannot be read; the rest of the calendar goes on. */
@FunctionalInterface
public interface MalformedResourceListener {
    MalformedResourceListener NONE = (calendar, resource, problem) -> { };

    /**
     * @param resource the member's name
     * @param problem  what was wrong, never its content
     */
    void onSkipped(CalendarRef calendar, String resource, String problem);
}
