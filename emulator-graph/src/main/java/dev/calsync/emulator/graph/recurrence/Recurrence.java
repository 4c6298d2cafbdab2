package dev.calsync.emulator.graph.recurrence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.graph.GraphError;
import dev.calsync.emulator.graph.Json;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Graph's {@code patternedRecurrence} (pattern + range) and the dates it produces. A test double's small expander
 * in java.time, following Exchange: weeks start on {@code firstDayOfWeek}, a monthly day past the month's end falls
 * on its last day, {@code numbered} counts deleted occurrences too, {@code endDate} is inclusive.
 */
public record Recurrence(Pattern type, int interval, List<DayOfWeek> daysOfWeek, int dayOfMonth, int month, Index index,
                         DayOfWeek firstDayOfWeek, Range rangeType, LocalDate startDate, LocalDate endDate,
                         int numberOfOccurrences, String recurrenceTimeZone) {

    private static final LocalDate NO_DATE = LocalDate.of(1, 1, 1);
    private static final int MAX_PERIODS = 200_000;

    public enum Pattern {
        DAILY("daily"), WEEKLY("weekly"), ABSOLUTE_MONTHLY("absoluteMonthly"), RELATIVE_MONTHLY("relativeMonthly"),
        ABSOLUTE_YEARLY("absoluteYearly"), RELATIVE_YEARLY("relativeYearly");

        final String wire;

        Pattern(String wire) { this.wire = wire; }
    }

    public enum Range {
        END_DATE("endDate"), NO_END("noEnd"), NUMBERED("numbered");

        final String wire;

        Range(String wire) { this.wire = wire; }
    }

    public enum Index { FIRST, SECOND, THIRD, FOURTH, LAST }

    /**
     * Reads a recurrence from a request. {@code defaultStart} (the event's start date) fills a missing
     * {@code range.startDate}, {@code defaultZone} a missing {@code recurrenceTimeZone}.
     */
    public static Recurrence parse(JsonNode node, LocalDate defaultStart, String defaultZone) {
        JsonNode p = node.path("pattern");
        JsonNode r = node.path("range");
        if (!p.isObject() || !r.isObject()) throw invalid("A recurrence needs a pattern and a range.");
        Pattern type = wire(Pattern.values(), Json.text(p, "type"), "pattern.type");
        int interval = p.path("interval").asInt(1);
        if (interval < 1 || interval > 999) throw invalid("The recurrence interval must be between 1 and 999.");
        List<DayOfWeek> days = new ArrayList<>();
        for (JsonNode d : p.path("daysOfWeek")) days.add(day(d.asText()));
        int dayOfMonth = p.path("dayOfMonth").asInt(0);
        int month = p.path("month").asInt(0);
        Index index = p.hasNonNull("index") ? enumOf(Index.values(), p.get("index").asText(), "pattern.index") : Index.FIRST;
        DayOfWeek first = p.hasNonNull("firstDayOfWeek") ? day(p.get("firstDayOfWeek").asText()) : DayOfWeek.SUNDAY;
        switch (type) {
            case WEEKLY, RELATIVE_MONTHLY -> { if (days.isEmpty()) throw invalid("The recurrence pattern needs daysOfWeek."); }
            case ABSOLUTE_MONTHLY -> { if (dayOfMonth < 1 || dayOfMonth > 31) throw invalid("The recurrence pattern needs a dayOfMonth between 1 and 31."); }
            case ABSOLUTE_YEARLY -> {
                if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) throw invalid("A yearly recurrence needs month and dayOfMonth.");
            }
            case RELATIVE_YEARLY -> {
                if (month < 1 || month > 12 || days.isEmpty()) throw invalid("A relative yearly recurrence needs month and daysOfWeek.");
            }
            default -> { }
        }
        Range rangeType = wire(Range.values(), Json.text(r, "type"), "range.type");
        LocalDate start = date(Json.text(r, "startDate"), defaultStart, "range.startDate");
        LocalDate end = date(Json.text(r, "endDate"), NO_DATE, "range.endDate");
        int count = r.path("numberOfOccurrences").asInt(0);
        if (rangeType == Range.END_DATE && (end.equals(NO_DATE) || end.isBefore(start))) {
            throw invalid("The recurrence range endDate must be on or after its startDate.");
        }
        if (rangeType == Range.NUMBERED && count < 1) throw invalid("A numbered recurrence range needs numberOfOccurrences of at least 1.");
        String zone = Json.text(r, "recurrenceTimeZone");
        return new Recurrence(type, interval, List.copyOf(days), dayOfMonth, month, index, first, rangeType, start,
                rangeType == Range.END_DATE ? end : NO_DATE, rangeType == Range.NUMBERED ? count : 0, zone == null ? defaultZone : zone);
    }

    /** The shape Graph answers with: every field present, defaults filled in. */
    public ObjectNode toJson() {
        ObjectNode out = Json.object();
        ObjectNode p = out.putObject("pattern");
        p.put("type", type.wire);
        p.put("interval", interval);
        p.put("month", month);
        p.put("dayOfMonth", dayOfMonth);
        ArrayNode days = p.putArray("daysOfWeek");
        daysOfWeek.forEach(d -> days.add(d.name().toLowerCase(Locale.ROOT)));
        p.put("firstDayOfWeek", firstDayOfWeek.name().toLowerCase(Locale.ROOT));
        p.put("index", index.name().toLowerCase(Locale.ROOT));
        ObjectNode r = out.putObject("range");
        r.put("type", rangeType.wire);
        r.put("startDate", startDate.toString());
        r.put("endDate", endDate.toString());
        r.put("recurrenceTimeZone", recurrenceTimeZone);
        r.put("numberOfOccurrences", numberOfOccurrences);
        return out;
    }

    /** Occurrence dates in order, from the range start up to and including {@code until} (and the range's end). */
    public List<LocalDate> datesThrough(LocalDate until) { return dates(until, Integer.MAX_VALUE); }

    /** The series' first date, or null when the range holds none. */
    public LocalDate firstDate() {
        List<LocalDate> first = firstDates(1);
        return first.isEmpty() ? null : first.get(0);
    }

    /** The first {@code n} occurrence dates (fewer if the range ends first), deleted occurrences included. */
    public List<LocalDate> firstDates(int n) { return dates(LocalDate.MAX, n); }

    private List<LocalDate> dates(LocalDate until, int max) {
        LocalDate limit = rangeType == Range.END_DATE && endDate.isBefore(until) ? endDate : until;
        int wanted = rangeType == Range.NUMBERED ? Math.min(max, numberOfOccurrences) : max;
        List<LocalDate> out = new ArrayList<>();
        for (int k = 0; k < MAX_PERIODS; k++) {
            // Periods only move forward, so the first date past the limit ends the expansion.
            for (LocalDate d : period(k)) {
                if (d.isBefore(startDate)) continue;
                if (d.isAfter(limit)) return out;
                out.add(d);
                if (out.size() >= wanted) return out;
            }
        }
        return out;
    }

    private LocalDate weekStart() { return startDate.with(TemporalAdjusters.previousOrSame(firstDayOfWeek)); }

    private List<LocalDate> period(int k) {
        return switch (type) {
            case DAILY -> List.of(startDate.plusDays((long) k * interval));
            case WEEKLY -> {
                LocalDate week = weekStart().plusWeeks((long) k * interval);
                yield daysOfWeek.stream()
                        .map(d -> week.plusDays((d.getValue() - firstDayOfWeek.getValue() + 7) % 7))
                        .sorted().distinct().toList();
            }
            case ABSOLUTE_MONTHLY -> List.of(clamped(YearMonth.from(startDate).plusMonths((long) k * interval), dayOfMonth));
            case RELATIVE_MONTHLY -> List.of(relative(YearMonth.from(startDate).plusMonths((long) k * interval)));
            case ABSOLUTE_YEARLY -> List.of(clamped(YearMonth.of(startDate.getYear() + k * interval, month), dayOfMonth));
            case RELATIVE_YEARLY -> List.of(relative(YearMonth.of(startDate.getYear() + k * interval, month)));
        };
    }

    private static LocalDate clamped(YearMonth ym, int day) { return ym.atDay(Math.min(day, ym.lengthOfMonth())); }

    /** The index-th day of the month that is one of daysOfWeek ("first weekday" = first of Mon-Fri). */
    private LocalDate relative(YearMonth ym) {
        List<LocalDate> matching = new ArrayList<>();
        for (LocalDate d = ym.atDay(1); !d.isAfter(ym.atEndOfMonth()); d = d.plusDays(1)) {
            if (daysOfWeek.contains(d.getDayOfWeek())) matching.add(d);
        }
        matching.sort(Comparator.naturalOrder());
        int i = index == Index.LAST ? matching.size() - 1 : Math.min(index.ordinal(), matching.size() - 1);
        return matching.get(i);
    }

    /** Whether {@code date} is an occurrence date of this rule (deleted ones included). */
    public boolean producesDate(LocalDate date) {
        if (date.isBefore(startDate)) return false;
        List<LocalDate> dates = datesThrough(date);
        return !dates.isEmpty() && dates.get(dates.size() - 1).equals(date);
    }

    private static DayOfWeek day(String name) {
        try {
            return DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("Unknown day of week '" + name + "'.");
        }
    }

    private static LocalDate date(String text, LocalDate fallback, String field) {
        if (text == null) return fallback;
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid("Cannot read " + field + " '" + text + "'.");
        }
    }

    private static <E extends Enum<E>> E wire(E[] values, String text, String field) {
        if (text == null) throw invalid("The recurrence " + field + " is required.");
        for (E v : values) {
            String w = v instanceof Pattern pt ? pt.wire : ((Range) v).wire;
            if (w.equalsIgnoreCase(text)) return v;
        }
        throw invalid("Unknown recurrence " + field + " '" + text + "'.");
    }

    private static <E extends Enum<E>> E enumOf(E[] values, String text, String field) {
        for (E v : values) if (v.name().equalsIgnoreCase(text)) return v;
        throw invalid("Unknown recurrence " + field + " '" + text + "'.");
    }

    private static GraphError invalid(String message) { return GraphError.badRequest("ErrorInvalidRequest", message); }
}
