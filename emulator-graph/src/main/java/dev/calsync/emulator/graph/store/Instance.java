package dev.calsync.emulator.graph.store;

import java.time.Instant;

/**
 * What calendarView, instances and delta list: a single event, or one occurrence or exception of a series (or a
 * series master, when one is read by id). {@code originalStart} is null for single events and masters.
 */
public record Instance(String id, StoredEvent event, Instant originalStart, ModifiedOccurrence exception,
                       EventTime start, EventTime end, boolean allDay) {

    public String type() {
        if (originalStart == null) return event.type();
        return exception != null ? "exception" : "occurrence";
    }

    /** Graph's calendarView rule: the event overlaps the window; an event of no length counts if it starts in it. */
    public boolean overlaps(Instant from, Instant to) {
        Instant s = start.instant();
        Instant e = end.instant();
        if (!s.isBefore(to)) return false;
        return e.isAfter(from) || (s.equals(e) && !s.isBefore(from));
    }
}
