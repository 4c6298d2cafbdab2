package dev.calsync.integration.recurring;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.emulator.GoogleCalendarEmulator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A person editing recurring events on the emulator (user edits: never metered, never faulted). */
final class Edits {
    static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final GoogleCalendarEmulator emulator;

    Edits(GoogleCalendarEmulator emulator) {
        this.emulator = emulator;
    }

    static ObjectNode timed(LocalDateTime local, String zone) {
        return JsonNodeFactory.instance.objectNode().put("dateTime", local.toString()).put("timeZone", zone);
    }

    static ObjectNode date(LocalDate date) {
        return JsonNodeFactory.instance.objectNode().put("date", date.toString());
    }

    static ObjectNode event(String summary, ObjectNode start, ObjectNode end, List<String> recurrence) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("summary", summary);
        event.set("start", start);
        event.set("end", end);
        if (!recurrence.isEmpty()) {
            ArrayNode lines = event.putArray("recurrence");
            recurrence.forEach(lines::add);
        }
        return event;
    }

    /** A timed series (or single event) in {@code zone}, {@code minutes} long. */
    String series(CalendarRef calendar, String summary, LocalDateTime start, int minutes, String zone,
                  String... recurrence) {
        return insert(calendar, event(summary, timed(start, zone), timed(start.plusMinutes(minutes), zone),
                List.of(recurrence)));
    }

    String allDay(CalendarRef calendar, String summary, LocalDate start, int days, String... recurrence) {
        return insert(calendar, event(summary, date(start), date(start.plusDays(days)), List.of(recurrence)));
    }

    String insert(CalendarRef calendar, ObjectNode event) {
        return emulator.userInsert(calendar.calendarId(), event).get("id").asText();
    }

    static String instanceId(String seriesId, LocalDateTime localStart, String zone) {
        return seriesId + "_" + SUFFIX.format(localStart.atZone(ZoneId.of(zone)).toInstant());
    }

    static String instanceId(String seriesId, Instant start) {
        return seriesId + "_" + SUFFIX.format(start);
    }

    static String instanceId(String seriesId, LocalDate date) {
        return seriesId + "_" + date.toString().replace("-", "");
    }

    /** Moves one occurrence (an exception with new times). */
    void moveOccurrence(CalendarRef calendar, String instanceId, ObjectNode start, ObjectNode end) {
        ObjectNode instance = emulator.userGet(calendar.calendarId(), instanceId).deepCopy();
        instance.set("start", start);
        instance.set("end", end);
        instance.put("status", "confirmed");
        emulator.userUpdate(calendar.calendarId(), instanceId, instance);
    }

    /** Changes one field of one occurrence (or of any event). */
    void set(CalendarRef calendar, String eventId, String field, String value) {
        ObjectNode event = emulator.userGet(calendar.calendarId(), eventId).deepCopy();
        event.put(field, value);
        emulator.userUpdate(calendar.calendarId(), eventId, event);
    }

    void cancelOccurrence(CalendarRef calendar, String instanceId) {
        emulator.userDelete(calendar.calendarId(), instanceId);
    }

    /** Replaces the series' times and recurrence, keeping everything else (an "all events" edit). */
    void editSeries(CalendarRef calendar, String seriesId, ObjectNode start, ObjectNode end, String... recurrence) {
        ObjectNode event = emulator.userGet(calendar.calendarId(), seriesId).deepCopy();
        event.set("start", start);
        event.set("end", end);
        event.remove("recurrence");
        if (recurrence.length > 0) {
            ArrayNode lines = event.putArray("recurrence");
            for (String line : recurrence) {
                lines.add(line);
            }
        }
        emulator.userUpdate(calendar.calendarId(), seriesId, event);
    }

    void recurrence(CalendarRef calendar, String seriesId, String... recurrence) {
        ObjectNode event = emulator.userGet(calendar.calendarId(), seriesId).deepCopy();
        editSeries(calendar, seriesId, (ObjectNode) event.get("start"), (ObjectNode) event.get("end"), recurrence);
    }

    void delete(CalendarRef calendar, String eventId) {
        emulator.userDelete(calendar.calendarId(), eventId);
    }
}
