package dev.calsync.microsoft;

import dev.calsync.core.event.EventTime;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.Weekday;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRule.Part;
import org.dmfs.rfc5545.recur.RecurrenceRule.WeekdayNum;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * RRULE lines and Graph's recurrence patterns, both ways, only where both mean the same dates. RRULEs are read
 * with lib-recur. Where Exchange and RFC 5545 differ: a monthly or yearly day past the month's end falls on the
 * month's last day in Exchange and is skipped by RFC 5545, so day 29–31 becomes
 * {@code BYMONTHDAY=28,…,d;BYSETPOS=-1} (the last of those days the month has); a week starts on Graph's
 * {@code firstDayOfWeek} (written as WKST where it matters); an endDate is a whole day, an UNTIL an instant.
 * Anything else (EXDATE, RDATE, several RRULEs, BYHOUR, BYWEEKNO, BYYEARDAY, a plain day past 28 that RFC skips)
 * has no pattern: empty.
 */
final class RecurrenceTranslation {
    private static final DateTimeFormatter UNTIL_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter UNTIL_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    /**
     * By name: touching {@link Part} before {@link RecurrenceRule} has initialised breaks lib-recur's own static
     * initialiser (a class-initialisation cycle between the two).
     */
    private static final Set<String> WRITABLE_PARTS = Set.of("FREQ", "INTERVAL", "WKST", "BYMONTH", "BYMONTHDAY",
            "BYDAY", "BYSETPOS", "UNTIL", "COUNT");
    private static final int LAST_SAFE_DAY = 28;

    private RecurrenceTranslation() {
    }

    // ---- Graph → RRULE --------------------------------------------------------------------------------------

    /**
     * The RRULE line of a Graph pattern for a series starting at {@code start} in {@code zone}.
     * Always a rule with every part said (BYDAY, BYMONTHDAY, BYMONTH), so it does not lean on DTSTART.
     */
    static List<String> toLines(GraphPattern pattern, EventTime start, ZoneId zone) {
        StringBuilder rule = new StringBuilder("RRULE:FREQ=");
        switch (pattern.type()) {
            case GraphPattern.DAILY -> rule.append("DAILY");
            case GraphPattern.WEEKLY -> rule.append("WEEKLY");
            case GraphPattern.ABSOLUTE_MONTHLY, GraphPattern.RELATIVE_MONTHLY -> rule.append("MONTHLY");
            default -> rule.append("YEARLY");
        }
        if (pattern.interval() > 1) {
            rule.append(";INTERVAL=").append(pattern.interval());
        }
        if (pattern.month() != 0) {
            rule.append(";BYMONTH=").append(pattern.month());
        }
        if (pattern.dayOfMonth() != 0) {
            appendMonthDay(rule, pattern.dayOfMonth(), pattern.month());
        }
        if (pattern.type().equals(GraphPattern.WEEKLY)) {
            rule.append(";BYDAY=").append(days(pattern.days()));
        } else if (pattern.isRelative()) {
            if (pattern.days().size() == 1) {
                rule.append(";BYDAY=").append(pattern.index()).append(days(pattern.days()));
            } else {
                rule.append(";BYDAY=").append(days(pattern.days())).append(";BYSETPOS=").append(pattern.index());
            }
        }
        if (pattern.firstDayOfWeek() != null && pattern.firstDayOfWeek() != DayOfWeek.MONDAY) {
            rule.append(";WKST=").append(weekday(pattern.firstDayOfWeek()));
        }
        if (pattern.rangeType().equals(GraphPattern.NUMBERED)) {
            rule.append(";COUNT=").append(pattern.count());
        } else if (pattern.rangeType().equals(GraphPattern.END_DATE)) {
            rule.append(";UNTIL=").append(until(pattern.endDate(), start, zone));
        }
        return List.of(rule.toString());
    }

    private static void appendMonthDay(StringBuilder rule, int day, int month) {
        boolean alwaysThere = day <= LAST_SAFE_DAY
                || (month != 0 && month != 2 && day <= Month.of(month).minLength());
        if (alwaysThere) {
            rule.append(";BYMONTHDAY=").append(day);
            return;
        }
        rule.append(";BYMONTHDAY=");
        for (int d = LAST_SAFE_DAY; d <= day; d++) {
            rule.append(d).append(d < day ? "," : "");
        }
        rule.append(";BYSETPOS=-1");
    }

    /** The last instant an occurrence on {@code endDate} may start at: the end of that day in the series' zone. */
    private static String until(LocalDate endDate, EventTime start, ZoneId zone) {
        if (start instanceof EventTime.AllDay) {
            return UNTIL_DATE.format(endDate);
        }
        return UNTIL_UTC.format(LocalDateTime.ofInstant(endDate.atTime(LocalTime.MAX.withNano(0)).atZone(zone)
                .toInstant(), ZoneOffset.UTC));
    }

    private static String days(List<DayOfWeek> days) {
        return days.stream().map(RecurrenceTranslation::weekday).collect(Collectors.joining(","));
    }

    private static String weekday(DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    // ---- RRULE → Graph --------------------------------------------------------------------------------------

    /**
     * The Graph pattern meaning the same dates as {@code lines} for a series starting at {@code start} (seen in
     * {@code zone}); empty when Graph cannot say it.
     */
    static Optional<GraphPattern> toPattern(List<String> lines, EventTime start, ZoneId zone) {
        if (lines.size() != 1 || !lines.get(0).regionMatches(true, 0, "RRULE:", 0, 6)) {
            return Optional.empty();
        }
        RecurrenceRule rule;
        try {
            rule = new RecurrenceRule(lines.get(0).substring(6), RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException | RuntimeException unreadable) {
            return Optional.empty();
        }
        for (Part part : Part.values()) {
            if (!part.name().startsWith("_") && rule.hasPart(part) && !WRITABLE_PARTS.contains(part.name())) {
                return Optional.empty();
            }
        }
        int interval = rule.getInterval();
        if (interval < 1 || interval > 999) {
            return Optional.empty();
        }
        LocalDateTime first = LocalDateTime.ofInstant(start.instant(),
                start instanceof EventTime.AllDay ? ZoneOffset.UTC : zone);
        if (!startsOnItsRule(rule, first, zone, start instanceof EventTime.AllDay)) {
            return Optional.empty();
        }
        Optional<Shape> shape = shape(rule, first.toLocalDate());
        if (shape.isEmpty()) {
            return Optional.empty();
        }
        Optional<Range> range = range(rule, first, zone, start instanceof EventTime.AllDay);
        if (range.isEmpty()) {
            return Optional.empty();
        }
        Shape s = shape.get();
        Range r = range.get();
        DayOfWeek weekStart = rule.getWeekStart() == null ? DayOfWeek.MONDAY : dayOf(rule.getWeekStart());
        return Optional.of(new GraphPattern(s.type, interval, s.days, s.dayOfMonth, s.month, s.index, weekStart,
                r.type, r.endDate, r.count));
    }

    /**
     * RFC 5545 counts DTSTART as the first occurrence even where the rule would not place it; Graph starts a series
     * on the first date its pattern places. The two agree only when DTSTART is that date.
     */
    private static boolean startsOnItsRule(RecurrenceRule rule, LocalDateTime first, ZoneId zone, boolean allDay) {
        DateTime dtstart = allDay
                ? new DateTime(first.getYear(), first.getMonthValue() - 1, first.getDayOfMonth())
                : new DateTime(TimeZone.getTimeZone(zone), first.getYear(), first.getMonthValue() - 1,
                        first.getDayOfMonth(), first.getHour(), first.getMinute(), first.getSecond());
        RecurrenceRuleIterator instances = rule.iterator(dtstart);
        return instances.hasNext() && instances.nextDateTime().getTimestamp() == dtstart.getTimestamp();
    }

    private record Shape(String type, List<DayOfWeek> days, int dayOfMonth, int month, int index) {
    }

    private record Range(String type, LocalDate endDate, int count) {
    }

    private static Optional<Shape> shape(RecurrenceRule rule, LocalDate first) {
        List<WeekdayNum> byDay = rule.hasPart(Part.BYDAY) ? rule.getByDayPart() : List.of();
        List<Integer> monthDays = rule.hasPart(Part.BYMONTHDAY) ? rule.getByPart(Part.BYMONTHDAY) : List.of();
        List<Integer> months = rule.hasPart(Part.BYMONTH) ? rule.getByPart(Part.BYMONTH) : List.of();
        List<Integer> setPos = rule.hasPart(Part.BYSETPOS) ? rule.getByPart(Part.BYSETPOS) : List.of();
        boolean plainDays = byDay.stream().allMatch(day -> day.pos == 0);
        Freq freq = rule.getFreq();
        if (freq == Freq.DAILY || freq == Freq.WEEKLY) {
            if (!monthDays.isEmpty() || !months.isEmpty() || !setPos.isEmpty() || !plainDays) {
                return Optional.empty();
            }
            if (freq == Freq.DAILY && byDay.isEmpty()) {
                return Optional.of(new Shape(GraphPattern.DAILY, List.of(), 0, 0, 0));
            }
            if (freq == Freq.DAILY && rule.getInterval() != 1) {
                return Optional.empty(); // every other day, but only on Mondays: no pattern says that
            }
            List<DayOfWeek> days = byDay.isEmpty() ? List.of(first.getDayOfWeek())
                    : byDay.stream().map(day -> dayOf(day.weekday)).toList();
            return Optional.of(new Shape(GraphPattern.WEEKLY, days, 0, 0, 0));
        }
        if (freq != Freq.MONTHLY && freq != Freq.YEARLY) {
            return Optional.empty();
        }
        if (freq == Freq.MONTHLY ? !months.isEmpty()
                : months.size() > 1 || (months.isEmpty() && (!byDay.isEmpty() || !monthDays.isEmpty()))) {
            // Without BYMONTH a yearly BYDAY or BYMONTHDAY counts through the whole year, which Graph cannot say.
            return Optional.empty();
        }
        // lib-recur counts BYMONTH values from 0.
        int month = freq == Freq.MONTHLY ? 0 : months.isEmpty() ? first.getMonthValue() : months.get(0) + 1;
        String absolute = freq == Freq.MONTHLY ? GraphPattern.ABSOLUTE_MONTHLY : GraphPattern.ABSOLUTE_YEARLY;
        String relative = freq == Freq.MONTHLY ? GraphPattern.RELATIVE_MONTHLY : GraphPattern.RELATIVE_YEARLY;
        if (!byDay.isEmpty()) {
            if (!monthDays.isEmpty()) {
                return Optional.empty();
            }
            if (byDay.size() == 1 && setPos.isEmpty() && validIndex(byDay.get(0).pos)) {
                return Optional.of(new Shape(relative, List.of(dayOf(byDay.get(0).weekday)), 0, month, byDay.get(0).pos));
            }
            if (plainDays && setPos.size() == 1 && validIndex(setPos.get(0))) {
                return Optional.of(new Shape(relative, byDay.stream().map(day -> dayOf(day.weekday)).toList(), 0,
                        month, setPos.get(0)));
            }
            return Optional.empty();
        }
        return monthDay(monthDays, setPos, first, month).map(day -> new Shape(absolute, List.of(), day, month, 0));
    }

    /** The Exchange day of month a rule's BYMONTHDAY/BYSETPOS names, where Exchange places the same dates. */
    private static Optional<Integer> monthDay(List<Integer> monthDays, List<Integer> setPos, LocalDate first,
                                              int month) {
        if (monthDays.isEmpty() && setPos.isEmpty()) {
            return exact(first.getDayOfMonth(), month);
        }
        if (monthDays.size() == 1 && setPos.isEmpty()) {
            int day = monthDays.get(0);
            return day == -1 ? Optional.of(31) : exact(day, month);
        }
        // BYMONTHDAY=28,…,d;BYSETPOS=-1: the last of those days the month has, which is how Exchange places d.
        int last = monthDays.get(monthDays.size() - 1);
        List<Integer> clamp = new ArrayList<>();
        for (int d = LAST_SAFE_DAY; d <= last; d++) {
            clamp.add(d);
        }
        return setPos.equals(List.of(-1)) && monthDays.equals(clamp) && last > LAST_SAFE_DAY ? Optional.of(last)
                : Optional.empty();
    }

    /** A plain day: the same in both only if every month (or the one month) of the series has it. */
    private static Optional<Integer> exact(int day, int month) {
        boolean alwaysThere = day >= 1 && (day <= LAST_SAFE_DAY
                || (month != 0 && month != 2 && day <= Month.of(month).minLength()));
        return alwaysThere ? Optional.of(day) : Optional.empty();
    }

    private static boolean validIndex(int index) {
        return (index >= 1 && index <= 4) || index == -1;
    }

    private static Optional<Range> range(RecurrenceRule rule, LocalDateTime first, ZoneId zone, boolean allDay) {
        if (rule.getCount() != null) {
            return Optional.of(new Range(GraphPattern.NUMBERED, null, rule.getCount()));
        }
        DateTime until = rule.getUntil();
        if (until == null) {
            return Optional.of(new Range(GraphPattern.NO_END, null, 0));
        }
        LocalDate lastDate;
        if (until.isAllDay()) {
            lastDate = LocalDate.of(until.getYear(), until.getMonth() + 1, until.getDayOfMonth());
        } else {
            LocalDateTime local = until.isFloating()
                    ? LocalDateTime.of(until.getYear(), until.getMonth() + 1, until.getDayOfMonth(),
                            until.getHours(), until.getMinutes(), until.getSeconds())
                    : LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(until.getTimestamp()),
                            allDay ? ZoneOffset.UTC : zone);
            // UNTIL ends the series at an instant; an occurrence on that day later than it does not take place.
            lastDate = local.toLocalTime().isBefore(first.toLocalTime()) ? local.toLocalDate().minusDays(1)
                    : local.toLocalDate();
        }
        return lastDate.isBefore(first.toLocalDate()) ? Optional.empty()
                : Optional.of(new Range(GraphPattern.END_DATE, lastDate, 0));
    }

    private static DayOfWeek dayOf(Weekday weekday) {
        return switch (weekday) {
            case MO -> DayOfWeek.MONDAY;
            case TU -> DayOfWeek.TUESDAY;
            case WE -> DayOfWeek.WEDNESDAY;
            case TH -> DayOfWeek.THURSDAY;
            case FR -> DayOfWeek.FRIDAY;
            case SA -> DayOfWeek.SATURDAY;
            case SU -> DayOfWeek.SUNDAY;
        };
    }
}
