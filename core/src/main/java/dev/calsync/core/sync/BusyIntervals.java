package dev.calsync.core.sync;

import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.reconcile.SeriesOccurrences;
import dev.calsync.core.recurrence.Occurrence;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.recurrence.UnsupportedRecurrenceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Busy time of a calendar's events within a window, as a calendar shows it: series expanded by the
 * {@link Recurrences} port, an occurrence with an exception replaced by that exception (or dropped when the
 * exception is cancelled or free), exceptions that name no occurrence any more shown on their own. The result
 * is a sorted list of disjoint intervals: touching and overlapping ones are merged. All-day dates count from
 * midnight UTC, as {@link dev.calsync.core.event.EventTime.AllDay#instant()} does everywhere in calsync.
 */
public final class BusyIntervals {

    /** A half-open interval [start, end). */
    public record Interval(Instant start, Instant end) {
        @Override
        public String toString() {
            return start + "/" + end;
        }
    }

    /** The busy intervals, and the series whose lines could not be expanded (left out). */
    public record Result(List<Interval> intervals, List<String> unreadableSeries) {
    }

    private BusyIntervals() {
    }

    /** How an event's or occurrence's times become busy time: as they are, or cut to a group's hours. */
    public interface Shape {
        Shape AS_IS = (start, end) -> List.of(new Interval(start.instant(), end.instant()));

        List<Interval> of(EventTime start, EventTime end);
    }

    /**
     * @param events every listed event of one calendar (series, exceptions, cancelled ones)
     * @param busy   which events make busy time (source rules, or "a live block of this group")
     */
    public static Result of(List<SourceEvent> events, Predicate<SourceEvent> busy, Instant from, Instant to,
                            Recurrences recurrences) {
        return of(events, busy, from, to, recurrences, Shape.AS_IS);
    }

    /** @param shape the busy time of each event or occurrence (e.g. cut to the group's hours) */
    public static Result of(List<SourceEvent> events, Predicate<SourceEvent> busy, Instant from, Instant to,
                            Recurrences recurrences, Shape shape) {
        Map<String, List<SourceEvent>> exceptionsBySeries = new HashMap<>();
        for (SourceEvent event : events) {
            if (event.isException() && event.originalStartTime() != null) {
                exceptionsBySeries.computeIfAbsent(event.recurringEventId(), k -> new ArrayList<>()).add(event);
            }
        }
        List<Interval> intervals = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (SourceEvent event : events) {
            if (event.isException()) {
                // Modified occurrences and orphans alike show their own times; cancelled ones show nothing.
                if (busy.test(event)) {
                    intervals.addAll(shape.of(event.start(), event.end()));
                }
            } else if (!busy.test(event)) {
                continue;
            } else if (!event.isSeries()) {
                intervals.addAll(shape.of(event.start(), event.end()));
            } else if (recurrences != null) {
                try {
                    List<SourceEvent> exceptions = exceptionsBySeries.getOrDefault(event.id(), List.of());
                    for (Occurrence occurrence : recurrences.between(event, from, to)) {
                        if (exceptions.stream().noneMatch(x ->
                                SeriesOccurrences.sameStart(x.originalStartTime(), occurrence.originalStart()))) {
                            intervals.addAll(shape.of(occurrence.start(), occurrence.end()));
                        }
                    }
                } catch (UnsupportedRecurrenceException e) {
                    unreadable.add(event.id());
                }
            } else {
                unreadable.add(event.id());
            }
        }
        return new Result(merge(intervals, from, to), unreadable);
    }

    /** Clipped to [from, to), sorted, overlapping and touching intervals joined. */
    public static List<Interval> merge(List<Interval> intervals, Instant from, Instant to) {
        List<Interval> clipped = intervals.stream()
                .map(i -> new Interval(later(i.start(), from), earlier(i.end(), to)))
                .filter(i -> i.start().isBefore(i.end()))
                .sorted(Comparator.comparing(Interval::start))
                .toList();
        List<Interval> merged = new ArrayList<>();
        for (Interval next : clipped) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !next.start().isAfter(last.end())) {
                merged.set(merged.size() - 1, new Interval(last.start(), later(last.end(), next.end())));
            } else {
                merged.add(next);
            }
        }
        return merged;
    }

    /** The parts of {@code a} that {@code b} does not cover; both merged. */
    public static List<Interval> minus(List<Interval> a, List<Interval> b) {
        List<Interval> out = new ArrayList<>();
        int j = 0;
        for (Interval interval : a) {
            Instant cursor = interval.start();
            while (j < b.size() && !b.get(j).end().isAfter(cursor)) {
                j++;
            }
            int k = j;
            while (k < b.size() && b.get(k).start().isBefore(interval.end())) {
                if (b.get(k).start().isAfter(cursor)) {
                    out.add(new Interval(cursor, b.get(k).start()));
                }
                cursor = later(cursor, b.get(k).end());
                k++;
            }
            if (cursor.isBefore(interval.end())) {
                out.add(new Interval(cursor, interval.end()));
            }
        }
        return out;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
