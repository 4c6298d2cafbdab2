package dev.calsync.core.reconcile;

import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.recurrence.Occurrence;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.recurrence.UnsupportedRecurrenceException;
import java.time.Duration;
import java.time.Instant;

/**
 * Questions about a series' occurrences that the projection and the verifier both ask, answered through the
 * {@link Recurrences} port (never by parsing rules here).
 */
public final class SeriesOccurrences {
    private static final Duration SLACK = Duration.ofSeconds(1);

    private SeriesOccurrences() {
    }

    /** How long each occurrence of the series lasts (whole days for an all-day series); never negative. */
    public static Duration length(SourceEvent series) {
        Duration length = Duration.between(series.start().instant(), series.end().instant());
        return length.isNegative() ? Duration.ZERO : length;
    }

    /**
     * True when the series, as its lines place it now, has an occurrence named by {@code originalStart}. An
     * exception whose original start is no occurrence any more (the series' time or rule changed after it was
     * made) stands on its own, not in place of an occurrence.
     *
     * @throws UnsupportedRecurrenceException when the lines cannot be read
     */
    public static boolean hasOccurrenceAt(Recurrences recurrences, SourceEvent series, EventTime originalStart) {
        Instant at = originalStart.instant();
        for (Occurrence occurrence : recurrences.between(series, at.minus(length(series)).minus(SLACK), at.plus(SLACK))) {
            if (sameStart(occurrence.originalStart(), originalStart)) {
                return true;
            }
        }
        return false;
    }

    /** Two original starts name the same occurrence: the same date, or the same instant (zones aside). */
    public static boolean sameStart(EventTime a, EventTime b) {
        if (a instanceof EventTime.AllDay dayA && b instanceof EventTime.AllDay dayB) {
            return dayA.date().equals(dayB.date());
        }
        if (a instanceof EventTime.Timed timedA && b instanceof EventTime.Timed timedB) {
            return timedA.instant().equals(timedB.instant());
        }
        return false;
    }
}
