package dev.calsync.core.store;

import dev.calsync.core.calendar.CalendarRef;
import java.util.Map;

/**
 * The sync states of a group's calendars, read at once.
 *
 * @param validity the projection validity every one of the calendars carries, or null when one has none or
 *                 they disagree (then nothing may be skipped)
 */
public record GroupSyncStates(Map<CalendarRef, CalendarSyncState> states, ProjectionValidity validity) {
    public GroupSyncStates {
        states = Map.copyOf(states);
    }

    public CalendarSyncState of(CalendarRef calendar) {
        return states.getOrDefault(calendar, CalendarSyncState.NEW);
    }
}
