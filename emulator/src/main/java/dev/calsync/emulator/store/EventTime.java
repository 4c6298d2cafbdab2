package dev.calsync.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.EmulatorApiException;
import dev.calsync.emulator.Json;
import dev.calsync.emulator.Rfc3339;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * An event's start or end: either an all-day {@code date} or a {@code dateTime} (with its optional IANA
 * {@code timeZone}). A dateTime without an offset is interpreted in its timeZone, as Google does.
 */
public record EventTime(LocalDate date, OffsetDateTime dateTime, String timeZone) {

    public boolean allDay() { return date != null; }

    /** Absolute instant; all-day dates start at midnight in the calendar's zone. */
    public long epochMillis(ZoneId calendarZone) {
        return allDay() ? date.atStartOfDay(calendarZone).toInstant().toEpochMilli() : dateTime.toInstant().toEpochMilli();
    }

    public ZoneId zone(ZoneId fallback) { return timeZone == null ? fallback : ZoneId.of(timeZone); }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        if (allDay()) {
            n.put("date", date.toString());
        } else {
            n.put("dateTime", Rfc3339.WITH_OFFSET.format(dateTime));
        }
        if (timeZone != null) n.put("timeZone", timeZone);
        return n;
    }

    public static EventTime ofInstant(long epochMillis, String timeZone, ZoneId fallback) {
        ZoneId zone = timeZone == null ? fallback : ZoneId.of(timeZone);
        return new EventTime(null, java.time.Instant.ofEpochMilli(epochMillis).atZone(zone).toOffsetDateTime(), timeZone);
    }

    public static EventTime ofDate(LocalDate date) { return new EventTime(date, null, null); }

    public static EventTime parse(JsonNode node, String field) {
        if (node == null || node.isNull() || !node.isObject()) {
            throw EmulatorApiException.required("Missing " + field + " time.");
        }
        String tz = Json.text(node, "timeZone");
        if (tz != null) {
            try {
                ZoneId.of(tz);
            } catch (DateTimeException e) {
                throw EmulatorApiException.invalid("Invalid time zone definition for " + field + " time.");
            }
        }
        String date = Json.text(node, "date");
        String dateTime = Json.text(node, "dateTime");
        if (date != null && dateTime != null) throw EmulatorApiException.invalid("Invalid " + field + " time.");
        try {
            if (date != null) return new EventTime(LocalDate.parse(date), null, tz);
            if (dateTime == null) throw EmulatorApiException.required("Missing " + field + " time.");
            try {
                return new EventTime(null, OffsetDateTime.parse(dateTime), tz);
            } catch (DateTimeParseException noOffset) {
                if (tz == null) throw EmulatorApiException.invalid("Missing time zone definition for " + field + " time.");
                return new EventTime(null, LocalDateTime.parse(dateTime).atZone(ZoneId.of(tz)).toOffsetDateTime(), tz);
            }
        } catch (DateTimeParseException e) {
            throw EmulatorApiException.invalid("Invalid " + field + " time.");
        }
    }
}
