package dev.calsync.google;

import dev.calsync.core.calendar.CalendarRef;

/**
 * Told when a listed item is skipped because it cannot be used (an event without id). Such an item can
 * never be the source of a block (block ids derive from the source event id), so skipping it cannot make
 * the engine delete anything; it is counted so a changed API shows up in metrics.
 */
@FunctionalInterface
public interface MalformedEventListener {

    MalformedEventListener NONE = (calendar, problem) -> { };

    /** @param problem what was wrong, never event content */
    void onSkipped(CalendarRef calendar, String problem);
}
