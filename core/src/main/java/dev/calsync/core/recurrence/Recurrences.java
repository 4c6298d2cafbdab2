package dev.calsync.core.recurrence;

import dev.calsync.core.event.SourceEvent;
import java.time.Instant;
import java.util.List;

/**
 * Expands a series' RRULE/RDATE/EXDATE lines in the series' own time zone. Core never parses RFC 5545
 * itself: an adapter backed by a well-kept library implements this.
 */
public interface Recurrences {

    /**
     * The occurrences that end after {@code from} and start before {@code to}, in start order.
     *
     * @throws UnsupportedRecurrenceException when the lines cannot be understood
     */
    List<Occurrence> between(SourceEvent series, Instant from, Instant to);
}
