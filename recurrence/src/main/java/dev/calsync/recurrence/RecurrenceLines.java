package dev.calsync.recurrence;

import dev.calsync.core.recurrence.UnsupportedRecurrenceException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.RecurrenceSet;
import org.dmfs.rfc5545.iterable.ParsedDates;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;
import org.dmfs.rfc5545.recur.RecurrenceRule.Part;
import org.dmfs.rfc5545.recurrenceset.Difference;
import org.dmfs.rfc5545.recurrenceset.FastForwarded;
import org.dmfs.rfc5545.recurrenceset.Merged;
import org.dmfs.rfc5545.recurrenceset.OfList;
import org.dmfs.rfc5545.recurrenceset.OfRule;
import org.dmfs.rfc5545.recurrenceset.OfRuleAndFirst;

/**
 * Turns a series' {@code recurrence} lines into one lib-recur {@link RecurrenceSet}:
 * (DTSTART ∪ RRULEs ∪ RDATEs) − (EXRULEs ∪ EXDATEs). Rule values and date lists are parsed by lib-recur;
 * this class only routes each line by its property name and parameters, and rejects what it cannot honour
 * with an {@link UnsupportedRecurrenceException} naming the line.
 */
final class RecurrenceLines {

    private RecurrenceLines() {
    }

    static RecurrenceSet toRecurrenceSet(List<String> lines, SeriesTiming timing) {
        List<RecurrenceSet> include = new ArrayList<>();
        List<RecurrenceSet> exclude = new ArrayList<>();
        boolean hasRule = false;
        for (String text : lines) {
            RecurrenceLine line = split(text);
            switch (line.name()) {
                case "RRULE" -> {
                    RecurrenceRule rule = rule(line);
                    Instant until = timing.alignUntil(rule);
                    include.add(timing.place(withFirst(rule, line, timing), until, true));
                    hasRule = true;
                }
                case "EXRULE" -> {
                    RecurrenceRule rule = rule(line);
                    Instant until = timing.alignUntil(rule);
                    exclude.add(timing.place(new OfRule(rule, timing.first()), until, false));
                }
                case "RDATE" -> include.add(dates(line, timing));
                case "EXDATE" -> exclude.add(dates(line, timing));
                default -> throw unsupported(line.text(), "unknown property " + line.name(), null);
            }
        }
        if (!hasRule) {
            // A series of RDATEs only (or no lines at all) still occurs at its own start.
            include.add(timing.place(new OfList(timing.first()), null, true));
        }
        RecurrenceSet instances = include.size() == 1 ? include.get(0) : new Merged(include);
        return exclude.isEmpty() ? instances : new Difference(instances, new Merged(exclude));
    }

    private static RecurrenceLine split(String text) {
        try {
            return RecurrenceLine.parse(text);
        } catch (IllegalArgumentException e) {
            throw unsupported(text, e.getMessage(), e);
        }
    }

    private static RecurrenceRule rule(RecurrenceLine line) {
        requireOnlyKnownParameters(line, List.of());
        try {
            // Strict: lax mode silently drops parts it cannot read (COUNT=abc would become an endless series).
            return new RecurrenceRule(line.value(), RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
            throw unsupported(line.text(), e.getMessage(), e);
        }
    }

    /**
     * DTSTART is the first instance even when the rule would not produce it (RFC 5545, and what Google shows);
     * a COUNT then includes that first instance. OfRuleAndFirst does exactly that, but fails when the rule has
     * no instance at all (e.g. UNTIL before its first match), so that case is DTSTART alone.
     */
    private static RecurrenceSet withFirst(RecurrenceRule rule, RecurrenceLine line, SeriesTiming timing) {
        DateTime first = timing.first();
        try {
            if (!rule.iterator(first).hasNext()) {
                return new OfList(first);
            }
            return setPositionsOverMonthsBeforeTheStart(rule, first) ? fromJanuary(rule, first) : new OfRuleAndFirst(rule, first);
        } catch (RuntimeException | InvalidRecurrenceRuleException e) {
            // e.g. "too many filtered recurrence instances" for BYMONTH=2;BYMONTHDAY=30
            throw unsupported(line.text(), e.getMessage(), e);
        }
    }

    /**
     * lib-recur 0.17.1 leaves the months before DTSTART's out of the first year of a YEARLY rule with BYMONTH. That
     * only shows with BYSETPOS, which counts within the whole year: {@code BYMONTH=1,3;BYSETPOS=1} from a February
     * start picks 7 March, although the year's first is 7 January (before the start, so that year adds nothing).
     */
    private static boolean setPositionsOverMonthsBeforeTheStart(RecurrenceRule rule, DateTime first) {
        return rule.getFreq() == Freq.YEARLY && rule.hasPart(Part.BYMONTH) && rule.hasPart(Part.BYSETPOS) && first.getMonth() > 0;
    }

    /**
     * The rule expanded from 1 January of the start's year, at the start's time of day, with the day of the month
     * written out when the rule takes it from DTSTART (RFC 5545 §3.3.10), then fast-forwarded to the start. The
     * instances before the start are added to COUNT, since COUNT counts from DTSTART, which is always the first.
     */
    private static RecurrenceSet fromJanuary(RecurrenceRule rule, DateTime first) throws InvalidRecurrenceRuleException {
        RecurrenceRule shifted = new RecurrenceRule(rule.toString(), RecurrenceRule.RfcMode.RFC5545_STRICT);
        if (Stream.of(Part.BYMONTHDAY, Part.BYDAY, Part.BYYEARDAY, Part.BYWEEKNO).noneMatch(rule::hasPart)) {
            shifted.setByPart(Part.BYMONTHDAY, first.getDayOfMonth());
        }
        DateTime january = first.isAllDay() ? new DateTime(first.getYear(), 0, 1)
                : new DateTime(first.getYear(), 0, 1, first.getHours(), first.getMinutes(), first.getSeconds());
        if (rule.getCount() != null) {
            RecurrenceRule endless = new RecurrenceRule(shifted.toString(), RecurrenceRule.RfcMode.RFC5545_STRICT);
            endless.setCount(Integer.MAX_VALUE);
            RecurrenceRuleIterator instances = endless.iterator(january);
            int before = 0;
            boolean producesFirst = false;
            while (instances.hasNext() && !instances.peekDateTime().after(first)) {
                if (instances.nextDateTime().equals(first)) {
                    producesFirst = true;
                } else {
                    before++;
                }
            }
            int fromFirst = rule.getCount() - (producesFirst ? 0 : 1);
            if (fromFirst == 0) {
                return new OfList(first);
            }
            shifted.setCount(before + fromFirst);
        }
        return new Merged(new OfList(first), new FastForwarded(first, new OfRule(shifted, january)));
    }

    private static RecurrenceSet dates(RecurrenceLine line, SeriesTiming timing) {
        requireOnlyKnownParameters(line, List.of("VALUE", "TZID"));
        String valueType = line.parameter("VALUE");
        if (valueType != null && !valueType.equalsIgnoreCase("DATE") && !valueType.equalsIgnoreCase("DATE-TIME")) {
            // PERIOD (start/end or start/duration) would give single instances their own length; not supported.
            throw unsupported(line.text(), "VALUE=" + valueType + " is not supported (only DATE and DATE-TIME)", null);
        }
        // An all-day series only has dates and a timed series only date-times; a mix could never match.
        // Without VALUE the values themselves must have the series' kind (lenient like Google's own output).
        boolean dateValues = timing.allDay();
        if (valueType != null && valueType.equalsIgnoreCase("DATE") != dateValues) {
            throw unsupported(line.text(), dateValues
                    ? "an all-day series needs DATE values" : "DATE values in a timed series", null);
        }
        ZoneId zone = null;
        String tzid = line.parameter("TZID");
        if (tzid != null) {
            try {
                zone = ZoneId.of(tzid);
            } catch (DateTimeException e) {
                throw unsupported(line.text(), "unknown TZID " + tzid, e);
            }
        }
        List<DateTime> values = new ArrayList<>();
        try {
            // Parsed eagerly (lib-recur parses lazily) so a bad date fails here, naming its line. Parsed without
            // a zone: lib-recur would read a local time as standard time, SeriesTiming places it by RFC 5545.
            new ParsedDates(line.value()).forEach(values::add);
        } catch (IllegalArgumentException e) {
            throw unsupported(line.text(), e.getMessage(), e);
        }
        if (values.isEmpty()) {
            throw unsupported(line.text(), "no dates", null);
        }
        for (DateTime value : values) {
            checkValue(line, value, dateValues);
        }
        return timing.place(values, zone);
    }

    /** lib-recur accepts "20260230", and a date-time under VALUE=DATE; either would silently never match. */
    private static void checkValue(RecurrenceLine line, DateTime value, boolean dateValue) {
        if (value.isAllDay() != dateValue) {
            throw unsupported(line.text(), value + (dateValue ? " is not a DATE (all-day series)" : " is not a DATE-TIME (timed series)"), null);
        }
        try {
            LocalDateTime.of(value.getYear(), value.getMonth() + 1, value.getDayOfMonth(),
                    value.isAllDay() ? 0 : value.getHours(), value.isAllDay() ? 0 : value.getMinutes(),
                    value.isAllDay() ? 0 : value.getSeconds());
        } catch (DateTimeException e) {
            throw unsupported(line.text(), "invalid date " + value, e);
        }
    }

    /** Unknown parameters might change the meaning, so they are refused; X- parameters may be ignored (RFC 5545). */
    private static void requireOnlyKnownParameters(RecurrenceLine line, List<String> known) {
        for (Map.Entry<String, String> parameter : line.parameters().entrySet()) {
            String name = parameter.getKey();
            if (!known.contains(name) && !name.startsWith("X-")) {
                throw unsupported(line.text(), "unsupported parameter " + name + " on " + line.name(), null);
            }
        }
    }

    static UnsupportedRecurrenceException unsupported(String line, String reason, Throwable cause) {
        return new UnsupportedRecurrenceException("Unsupported recurrence line '" + line + "': " + reason, cause);
    }
}
