package dev.calsync.emulator.graph.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.graph.GraphEmulator;
import dev.calsync.emulator.graph.Json;
import dev.calsync.emulator.graph.store.GraphIds;
import dev.calsync.emulator.graph.store.TimeZones;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;

/**
 * Loads a Graph seed document:
 * <pre>
 * {"mailboxes": [
 *   {"id": "alice-m365", "token": "alice-m365-token", "displayName": "Alice", "address": "alice@contoso.example",
 *    "timeZone": "Europe/Berlin",
 *    "calendars": [{"name": "Calendar", "default": true, "events": [ ...Graph event JSON... ]}]}]}
 * </pre>
 * An event is Graph's JSON event shape, written as the mailbox's owner (so {@code responseStatus}, {@code organizer},
 * {@code isCancelled} and {@code iCalUId} may be given). Instead of {@code start}/{@code end} it may give times
 * relative to the day the seed is loaded (emulator clock, mailbox zone):
 * <ul>
 *   <li>the day: {@code "offsetDays": N}, or {@code "week": W, "weekday": "TU"} (weeks start Monday);</li>
 *   <li>timed: {@code "startTime": "09:30", "durationMinutes": 30}; all-day: {@code "allDay": true, "days": 1}.</li>
 * </ul>
 * A series ({@code recurrence} given) may list {@code "exceptions": [{"occurrence": 1, "startTime": "11:00",
 * "subject": "..."}]} (occurrence = 0-based position; any other fields are a PATCH of that occurrence) and
 * {@code "cancelledOccurrences": [2]}. Seeded events are user edits: never metered.
 */
public final class SeedLoader {
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY,
            "WE", DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY, "SU", DayOfWeek.SUNDAY);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final GraphEmulator emulator;

    public SeedLoader(GraphEmulator emulator) { this.emulator = emulator; }

    public void load(InputStream in) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable Graph seed", e);
        }
        if (root == null || !root.path("mailboxes").isArray()) throw new IllegalArgumentException("a Graph seed needs a \"mailboxes\" list");
        for (JsonNode mailbox : root.path("mailboxes")) {
            String id = required(mailbox, "id");
            String zoneName = mailbox.path("timeZone").asText("UTC");
            emulator.addMailbox(id, required(mailbox, "token"), mailbox.path("displayName").asText(id),
                    mailbox.path("address").asText(id + "@example.com"), zoneName);
            ZoneId zone = TimeZones.resolve(zoneName);
            boolean first = true;
            for (JsonNode cal : mailbox.path("calendars")) {
                String calendarId = emulator.addCalendar(id, required(cal, "name"), cal.path("default").asBoolean(first));
                first = false;
                for (JsonNode event : cal.path("events")) loadEvent(calendarId, (ObjectNode) event.deepCopy(), zone, zoneName);
            }
        }
    }

    private void loadEvent(String calendarId, ObjectNode e, ZoneId zone, String zoneName) {
        JsonNode exceptions = e.remove("exceptions");
        JsonNode cancelled = e.remove("cancelledOccurrences");
        ObjectNode created = emulator.userCreate(calendarId, resolveTimes(e, zone, zoneName));
        String seriesId = created.get("id").asText();
        long durationMinutes = Duration.between(LocalDateTime.parse(created.path("start").path("dateTime").asText()),
                LocalDateTime.parse(created.path("end").path("dateTime").asText())).toMinutes();
        if (exceptions != null) {
            for (JsonNode x : exceptions) {
                ObjectNode patch = (ObjectNode) x.deepCopy();
                int index = patch.remove("occurrence").asInt();
                String occurrenceId = emulator.userOccurrenceId(calendarId, seriesId, index);
                if (patch.has("startTime")) {
                    LocalDate day = LocalDate.ofInstant(GraphIds.parseEventId(occurrenceId).originalStart(), zone);
                    timed(patch, day, zoneName, durationMinutes);
                }
                emulator.userPatch(calendarId, occurrenceId, patch);
            }
        }
        if (cancelled != null) {
            for (JsonNode index : cancelled) emulator.userDelete(calendarId, emulator.userOccurrenceId(calendarId, seriesId, index.asInt()));
        }
    }

    /** Replaces the relative-time helpers by start/end in the mailbox's zone. */
    ObjectNode resolveTimes(ObjectNode e, ZoneId zone, String zoneName) {
        if (e.has("start")) return e;
        LocalDate today = LocalDate.now(emulator.clock().withZone(zone));
        LocalDate day;
        if (e.has("weekday")) {
            DayOfWeek dow = WEEKDAYS.get(e.get("weekday").asText().toUpperCase(Locale.ROOT));
            if (dow == null) throw new IllegalArgumentException("bad weekday in Graph seed: " + e.get("weekday"));
            day = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(e.path("week").asLong(0)).with(dow);
        } else {
            day = today.plusDays(e.path("offsetDays").asLong(0));
        }
        e.remove("offsetDays");
        e.remove("week");
        e.remove("weekday");
        if (e.path("allDay").asBoolean(false)) {
            e.put("isAllDay", true);
            e.putObject("start").put("dateTime", LOCAL.format(day.atStartOfDay())).put("timeZone", zoneName);
            e.putObject("end").put("dateTime", LOCAL.format(day.plusDays(e.path("days").asLong(1)).atStartOfDay())).put("timeZone", zoneName);
            e.remove("allDay");
            e.remove("days");
            return e;
        }
        return timed(e, day, zoneName, 30);
    }

    private static ObjectNode timed(ObjectNode e, LocalDate day, String zoneName, long defaultMinutes) {
        LocalDateTime start = day.atTime(LocalTime.parse(e.path("startTime").asText("09:00")));
        LocalDateTime end = start.plusMinutes(e.path("durationMinutes").asLong(defaultMinutes));
        e.putObject("start").put("dateTime", LOCAL.format(start)).put("timeZone", zoneName);
        e.putObject("end").put("dateTime", LOCAL.format(end)).put("timeZone", zoneName);
        e.remove("startTime");
        e.remove("durationMinutes");
        return e;
    }

    private static String required(JsonNode node, String field) {
        String v = Json.text(node, field);
        if (v == null) throw new IllegalArgumentException("Graph seed: missing \"" + field + "\" in " + node);
        return v;
    }
}
