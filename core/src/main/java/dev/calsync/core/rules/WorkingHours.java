package dev.calsync.core.rules;

import dev.calsync.core.event.EventTime;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The hours in which busy time makes blocks: on the given days, from one wall-clock time to a later one, in one
 * zone. Busy time outside them is cut away ({@link #clip}); an all-day event counts as its whole days in the
 * zone, so an all-day entry on a working day becomes a block from {@code from} to {@code to}.
 *
 * <p>The hours stay within one day ({@code from} before {@code to}); a day the zone's clocks change on keeps its
 * wall-clock hours.
 */
public record WorkingHours(Set<DayOfWeek> days, LocalTime from, LocalTime to, ZoneId zone) {
    /** All the time: nothing is clipped. */
    public static final WorkingHours ALWAYS = null;
    public static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /** A stretch of busy time that survives the clipping, [start, end). */
    public record Span(Instant start, Instant end) {
    }

    public WorkingHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("hours.days: name at least one day (MO, TU, WE, TH, FR, SA, SU)");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("hours: from (" + from + ") must be before to (" + to + ")");
        }
    }

    /** The busy time of [start, end) inside the hours, in time order; empty when none is. */
    public List<Span> clip(EventTime start, EventTime end) {
        Instant from0 = instantOf(start);
        Instant to0 = instantOf(end);
        List<Span> spans = new ArrayList<>();
        if (!from0.isBefore(to0)) {
            return spans;
        }
        LocalDate day = from0.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to0.atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant open = day.atTime(from).atZone(zone).toInstant();
            Instant close = day.atTime(to).atZone(zone).toInstant();
            Instant s = open.isAfter(from0) ? open : from0;
            Instant e = close.isBefore(to0) ? close : to0;
            if (s.isBefore(e)) {
                spans.add(new Span(s, e));
            }
        }
        return spans;
    }

    /** True when [start, end) lies wholly inside the hours (clipping changes nothing). */
    public boolean contains(EventTime start, EventTime end) {
        if (start instanceof EventTime.AllDay) {
            return false;
        }
        List<Span> spans = clip(start, end);
        return spans.size() == 1 && spans.get(0).start().equals(start.instant())
                && spans.get(0).end().equals(end.instant());
    }

    /** An all-day date counts from midnight in the hours' zone: the day a person sees. */
    private Instant instantOf(EventTime time) {
        return time instanceof EventTime.AllDay day ? day.date().atStartOfDay(zone).toInstant() : time.instant();
    }

    /** The day as configuration spells it: MO, TU, WE, TH, FR, SA, SU. */
    public static String dayName(DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    /** @throws IllegalArgumentException for anything but MO..SU (or a full English day name) */
    public static DayOfWeek parseDay(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (t.equals(dayName(day)) || t.equals(day.name())) {
                return day;
            }
        }
        throw new IllegalArgumentException("unknown day \"" + text + "\" (use MO, TU, WE, TH, FR, SA, SU)");
    }

    /** @throws IllegalArgumentException for anything but HH:mm */
    public static LocalTime parseTime(String field, String text) {
        try {
            return LocalTime.parse(text == null ? "" : text.trim(), HH_MM);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be a time as HH:mm (e.g. 08:00), not \"" + text + "\"");
        }
    }

    /** @throws IllegalArgumentException for a zone the JDK does not know */
    public static ZoneId parseZone(String text) {
        try {
            return ZoneId.of(text == null ? "" : text.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("hours.zone: unknown time zone \"" + text
                    + "\" (use an IANA name such as Europe/Berlin)");
        }
    }
}
