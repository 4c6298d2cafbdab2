package dev.calsync.core.reconcile;

import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.Window;
import dev.calsync.core.recurrence.Occurrence;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.recurrence.UnsupportedRecurrenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Until when {@link Projection#of} gives the same blocks for the same sources (valid for every moment before it;
 * it may be {@code now} itself, then nothing is): the first moment after {@code now} at which a cached event (or an occurrence of a cached series) crosses an edge of the sliding window, entering
 * at its end or leaving at its start. The projection depends on the time only through the window, so before that
 * moment projecting again changes nothing. Conservative: every time of every busy source, exception or
 * occurrence counts, whether or not crossing it would change a block; and it is never more than {@link #CAP}
 * away, so whatever it does not foresee is caught within a day.
 */
public final class ProjectionHorizon {
    /** The furthest a horizon reaches; also how far past each edge occurrences of a series are looked for. */
    public static final Duration CAP = Duration.ofDays(1);

    private final Duration past;
    private final Duration future;
    private final Instant now;
    private final Instant windowStart;
    private final Instant windowEnd;
    private Instant horizon;

    private ProjectionHorizon(Window window, Instant now) {
        this.past = Duration.ofDays(window.pastDays());
        this.future = Duration.ofDays(window.futureDays());
        this.now = now;
        this.windowStart = window.start(now);
        this.windowEnd = window.end(now);
        this.horizon = now.plus(CAP);
    }

    /** @param recurrences the series expander the projection used (null: series are not mirrored) */
    public static Instant of(SyncGroup group, Map<CalendarRef, List<SourceEvent>> sources, Instant now,
                             Recurrences recurrences) {
        ProjectionHorizon h = new ProjectionHorizon(group.window(), now);
        for (List<SourceEvent> events : sources.values()) {
            Map<String, SourceEvent> series = new HashMap<>();
            for (SourceEvent event : events) {
                if (event.isSeries()) {
                    series.put(event.id(), event);
                }
            }
            for (SourceEvent event : events) {
                if (BlockMarker.isBlock(event.privateProperties())) {
                    continue;
                }
                if (event.isSeries()) {
                    if (recurrences != null && BusyFilter.isBusy(event)) {
                        h.series(event, recurrences);
                    }
                } else if (event.isException()) {
                    h.exception(event, series.get(event.recurringEventId()));
                } else if (BusyFilter.isBusy(event)) {
                    h.span(event.start().instant(), event.end().instant());
                }
            }
        }
        return h.horizon;
    }

    /** An interval enters the window when its end reaches its start, and leaves when the start passes its end. */
    private void span(Instant start, Instant end) {
        enters(start);
        leaves(end);
    }

    /**
     * Something starting at {@code start} is in the window once the window's end is after it: from just after
     * {@code start - future}. At exactly {@code now} that is the very next moment, so nothing is valid beyond now.
     */
    private void enters(Instant start) {
        Instant at = start.minus(future);
        if (!at.isBefore(now) && at.isBefore(horizon)) {
            horizon = at;
        }
    }

    /** Something ending at {@code end} has left the window once its start has reached it: at {@code end + past}. */
    private void leaves(Instant end) {
        Instant at = end.plus(past);
        if (at.isAfter(now) && at.isBefore(horizon)) {
            horizon = at;
        }
    }

    private void exception(SourceEvent exception, SourceEvent series) {
        if (exception.start() != null && exception.end() != null) {
            span(exception.start().instant(), exception.end().instant());
        }
        if (exception.originalStartTime() != null) {
            Instant originalStart = exception.originalStartTime().instant();
            Duration length = series == null ? Duration.ZERO : SeriesOccurrences.length(series);
            span(originalStart, originalStart.plus(length));
        }
    }

    private void series(SourceEvent series, Recurrences recurrences) {
        span(series.start().instant(), series.end().instant());
        try {
            // Occurrences that leave the window before the cap, and those that enter it before the cap.
            for (Occurrence o : recurrences.between(series, windowStart, windowStart.plus(CAP))) {
                leaves(o.end().instant());
            }
            for (Occurrence o : recurrences.between(series, windowEnd, windowEnd.plus(CAP))) {
                enters(o.start().instant());
            }
        } catch (UnsupportedRecurrenceException e) {
            // mirrored verbatim: the block series does not depend on the window
        }
    }
}
