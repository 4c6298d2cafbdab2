package dev.calsync.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Graph's {@code patternedRecurrence}: a pattern (daily, weekly, absolute/relative monthly or yearly) and a range
 * (noEnd, endDate, numbered). Only the parts that decide which dates occur are kept, so two patterns that
 * produce the same dates are equal whatever defaults Graph filled in.
 *
 * @param days  the weekdays of weekly and relative patterns, in Monday-first order
 * @param index first..fourth or last, for relative patterns (1..4, -1)
 * @param firstDayOfWeek kept only where it changes the dates (weekly, several days, interval above 1)
 * @param endDate inclusive, for an endDate range
 * @param count for a numbered range (deleted occurrences count, as COUNT does)
 */
record GraphPattern(String type, int interval, List<DayOfWeek> days, int dayOfMonth, int month, int index,
                    DayOfWeek firstDayOfWeek, String rangeType, LocalDate endDate, int count) {
    static final String DAILY = "daily";
    static final String WEEKLY = "weekly";
    static final String ABSOLUTE_MONTHLY = "absoluteMonthly";
    static final String RELATIVE_MONTHLY = "relativeMonthly";
    static final String ABSOLUTE_YEARLY = "absoluteYearly";
    static final String RELATIVE_YEARLY = "relativeYearly";
    static final String NO_END = "noEnd";
    static final String END_DATE = "endDate";
    static final String NUMBERED = "numbered";
    private static final List<String> INDEXES = List.of("first", "second", "third", "fourth");

    GraphPattern {
        days = List.copyOf(new TreeSet<>(days));
        boolean relative = type.equals(RELATIVE_MONTHLY) || type.equals(RELATIVE_YEARLY);
        if (!type.equals(WEEKLY) && !relative) {
            days = List.of();
        }
        if (!relative) {
            index = 0;
        }
        if (!type.equals(ABSOLUTE_MONTHLY) && !type.equals(ABSOLUTE_YEARLY)) {
            dayOfMonth = 0;
        }
        if (!type.equals(ABSOLUTE_YEARLY) && !type.equals(RELATIVE_YEARLY)) {
            month = 0;
        }
        if (!type.equals(WEEKLY) || interval == 1 || days.size() < 2) {
            firstDayOfWeek = null;
        }
        if (!rangeType.equals(END_DATE)) {
            endDate = null;
        }
        if (!rangeType.equals(NUMBERED)) {
            count = 0;
        }
    }

    /** The pattern of a series master's {@code recurrence}; empty when it is missing or not one Graph documents. */
    static Optional<GraphPattern> read(JsonNode recurrence) {
        JsonNode pattern = recurrence.path("pattern");
        JsonNode range = recurrence.path("range");
        String type = pattern.path("type").asText("");
        String rangeType = range.path("type").asText("");
        if (!List.of(DAILY, WEEKLY, ABSOLUTE_MONTHLY, RELATIVE_MONTHLY, ABSOLUTE_YEARLY, RELATIVE_YEARLY).contains(type)
                || !List.of(NO_END, END_DATE, NUMBERED).contains(rangeType)) {
            return Optional.empty();
        }
        try {
            List<DayOfWeek> days = new ArrayList<>();
            for (JsonNode day : pattern.path("daysOfWeek")) {
                days.add(DayOfWeek.valueOf(day.asText().toUpperCase(Locale.ROOT)));
            }
            String index = pattern.path("index").asText("first");
            String first = pattern.path("firstDayOfWeek").asText("sunday");
            LocalDate endDate = rangeType.equals(END_DATE) ? LocalDate.parse(range.path("endDate").asText()) : null;
            GraphPattern read = new GraphPattern(type, Math.max(1, pattern.path("interval").asInt(1)), days,
                    pattern.path("dayOfMonth").asInt(0), pattern.path("month").asInt(0),
                    index.equals("last") ? -1 : INDEXES.indexOf(index) + 1,
                    DayOfWeek.valueOf(first.toUpperCase(Locale.ROOT)), rangeType, endDate,
                    range.path("numberOfOccurrences").asInt(0));
            return read.valid() ? Optional.of(read) : Optional.empty();
        } catch (IllegalArgumentException | DateTimeParseException unknown) {
            return Optional.empty();
        }
    }

    private boolean valid() {
        boolean needsDays = type.equals(WEEKLY) || type.equals(RELATIVE_MONTHLY) || type.equals(RELATIVE_YEARLY);
        boolean needsDay = type.equals(ABSOLUTE_MONTHLY) || type.equals(ABSOLUTE_YEARLY);
        boolean needsMonth = type.equals(ABSOLUTE_YEARLY) || type.equals(RELATIVE_YEARLY);
        return (!needsDays || !days.isEmpty()) && (!needsDay || (dayOfMonth >= 1 && dayOfMonth <= 31))
                && (!needsMonth || (month >= 1 && month <= 12)) && index != 0 == isRelative()
                && (!rangeType.equals(NUMBERED) || count >= 1);
    }

    boolean isRelative() {
        return type.equals(RELATIVE_MONTHLY) || type.equals(RELATIVE_YEARLY);
    }

    /** The {@code recurrence} Graph takes: this pattern from {@code startDate}, in {@code zone}. */
    ObjectNode toJson(LocalDate startDate, String zone) {
        ObjectNode recurrence = GraphHttp.JSON.createObjectNode();
        ObjectNode pattern = recurrence.putObject("pattern");
        pattern.put("type", type);
        pattern.put("interval", interval);
        if (!days.isEmpty()) {
            days.forEach(day -> pattern.withArray("daysOfWeek").add(day.name().toLowerCase(Locale.ROOT)));
        }
        if (dayOfMonth != 0) {
            pattern.put("dayOfMonth", dayOfMonth);
        }
        if (month != 0) {
            pattern.put("month", month);
        }
        if (index != 0) {
            pattern.put("index", index == -1 ? "last" : INDEXES.get(index - 1));
        }
        // Graph's default week starts on Sunday; RFC 5545's on Monday. Always said, so nothing is left to defaults.
        pattern.put("firstDayOfWeek", (firstDayOfWeek == null ? DayOfWeek.MONDAY : firstDayOfWeek).name()
                .toLowerCase(Locale.ROOT));
        ObjectNode range = recurrence.putObject("range");
        range.put("type", rangeType);
        range.put("startDate", startDate.toString());
        if (endDate != null) {
            range.put("endDate", endDate.toString());
        }
        if (count != 0) {
            range.put("numberOfOccurrences", count);
        }
        range.put("recurrenceTimeZone", zone);
        return recurrence;
    }
}
