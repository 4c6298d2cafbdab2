package dev.calsync.emulator.graph.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Expands stored events into the instances Graph lists. */
public final class Instances {
    public static final Comparator<Instance> BY_START = Comparator.comparing((Instance i) -> i.start().instant()).thenComparing(Instance::id);

    private Instances() {}

    public static Instance single(StoredEvent e) { return new Instance(e.id(), e, null, null, e.start(), e.end(), e.allDay()); }

    /** The instances of an event overlapping [from, to): the event itself, or the series' live occurrences and exceptions. */
    public static List<Instance> within(StoredEvent e, Instant from, Instant to) {
        if (!e.isSeries()) {
            Instance single = single(e);
            return single.overlaps(from, to) ? List.of(single) : List.of();
        }
        List<Instance> out = new ArrayList<>();
        Duration length = length(e);
        // Dates are the series' local dates: widen by the event length so one that began before `from` still counts.
        LocalDate until = LocalDate.ofInstant(to, e.start().zone()).plusDays(1);
        LocalDate since = LocalDate.ofInstant(from.minus(length), e.start().zone()).minusDays(1);
        for (LocalDate date : e.recurrence().datesThrough(until)) {
            if (date.isBefore(since)) continue;
            Instant original = originalStart(e, date);
            if (e.cancelled().contains(original) || e.exceptions().containsKey(original)) continue;
            Instance i = occurrence(e, original, date, length);
            if (i.overlaps(from, to)) out.add(i);
        }
        for (Map.Entry<Instant, ModifiedOccurrence> x : e.exceptions().entrySet()) {
            Instance i = exception(e, x.getKey(), x.getValue());
            if (i.overlaps(from, to)) out.add(i);
        }
        out.sort(BY_START);
        return out;
    }

    /** The occurrence or exception of a series that originally started at {@code originalStart}; null if there is none. */
    public static Instance at(StoredEvent series, Instant originalStart) {
        if (!series.isSeries() || series.cancelled().contains(originalStart)) return null;
        ModifiedOccurrence x = series.exceptions().get(originalStart);
        if (x != null) return exception(series, originalStart, x);
        LocalDate date = LocalDate.ofInstant(originalStart, series.start().zone());
        if (!series.recurrence().producesDate(date) || !originalStart(series, date).equals(originalStart)) return null;
        return occurrence(series, originalStart, date, length(series));
    }

    /** The original start of the series' occurrence on {@code date}: the master's start time on that local date. */
    public static Instant originalStart(StoredEvent series, LocalDate date) {
        LocalDateTime local = date.atTime(series.start().local().toLocalTime());
        return local.atZone(series.start().zone()).toInstant();
    }

    private static Instance occurrence(StoredEvent e, Instant original, LocalDate date, Duration length) {
        EventTime start = new EventTime(date.atTime(e.start().local().toLocalTime()), e.start().zone(), e.start().zoneName());
        EventTime end = e.allDay()
                ? new EventTime(start.local().plus(Duration.between(e.start().local(), e.end().local())), e.end().zone(), e.end().zoneName())
                : EventTime.of(start.instant().plus(length), e.end().zone(), e.end().zoneName());
        return new Instance(GraphIds.occurrenceId(e.id(), original), e, original, null, start, end, e.allDay());
    }

    private static Instance exception(StoredEvent e, Instant original, ModifiedOccurrence x) {
        return new Instance(GraphIds.occurrenceId(e.id(), original), e, original, x, x.start(), x.end(), x.allDay());
    }

    private static Duration length(StoredEvent e) { return Duration.between(e.start().instant(), e.end().instant()); }
}
