package dev.calsync.emulator.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.emulator.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;

/**
 * Loads a seed document:
 * <pre>
 * {"accounts": [
 *   {"id": "alice-work", "token": "alice-work-token",
 *    "calendars": [
 *      {"id": "alice@work.example", "summary": "Alice (work)", "primary": true, "timeZone": "Europe/Berlin",
 *       "events": [ ...Google event JSON..., or with relative times: ]}]}]}
 * </pre>
 * An event is Google's JSON event shape. Instead of {@code start}/{@code end} it may give times relative to the
 * day the seed is loaded (by the emulator clock, in the calendar's time zone):
 * <ul>
 *   <li>the day: {@code "offsetDays": N} (today + N), or {@code "week": W, "weekday": "TU"} (that weekday of the
 *       current week + W weeks, weeks starting Monday);</li>
 *   <li>timed: {@code "startTime": "09:30", "durationMinutes": 30} (default 30 minutes);</li>
 *   <li>all-day: {@code "allDay": true, "days": 1}.</li>
 * </ul>
 * Seeded events are inserted like user edits: not metered.
 */
public final class SeedLoader {
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY,
            "WE", DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY, "SU", DayOfWeek.SUNDAY);

    private final GoogleCalendarEmulator emulator;

    public SeedLoader(GoogleCalendarEmulator emulator) { this.emulator = emulator; }

    public void load(InputStream in) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable seed", e);
        }
        String defaultZone = root.path("timeZone").asText(GoogleCalendarEmulator.DEFAULT_TIME_ZONE);
        for (JsonNode account : root.path("accounts")) {
            String accountId = required(account, "id");
            emulator.addAccount(accountId, required(account, "token"));
            for (JsonNode cal : account.path("calendars")) {
                String calendarId = required(cal, "id");
                String zone = cal.path("timeZone").asText(defaultZone);
                emulator.addCalendar(accountId, calendarId, cal.path("summary").asText(calendarId), cal.path("primary").asBoolean(false), zone);
                for (JsonNode event : cal.path("events")) {
                    emulator.userInsert(calendarId, resolveRelativeTimes((ObjectNode) event.deepCopy(), ZoneId.of(zone)));
                }
            }
        }
    }

    ObjectNode resolveRelativeTimes(ObjectNode e, ZoneId zone) {
        if (e.has("start")) return e;
        LocalDate today = LocalDate.now(emulator.clock().withZone(zone));
        LocalDate day;
        if (e.has("weekday")) {
            DayOfWeek dow = WEEKDAYS.get(e.get("weekday").asText().toUpperCase(Locale.ROOT));
            if (dow == null) throw new IllegalArgumentException("bad weekday in seed: " + e.get("weekday"));
            day = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(e.path("week").asLong(0)).with(dow);
        } else {
            day = today.plusDays(e.path("offsetDays").asLong(0));
        }
        if (e.path("allDay").asBoolean(false)) {
            e.putObject("start").put("date", day.toString());
            e.putObject("end").put("date", day.plusDays(e.path("days").asLong(1)).toString());
        } else {
            LocalTime time = LocalTime.parse(e.path("startTime").asText("09:00"));
            var start = day.atTime(time).atZone(zone);
            var end = start.plusMinutes(e.path("durationMinutes").asLong(30));
            e.putObject("start").put("dateTime", start.toOffsetDateTime().toString()).put("timeZone", zone.getId());
            e.putObject("end").put("dateTime", end.toOffsetDateTime().toString()).put("timeZone", zone.getId());
        }
        for (String helper : new String[] {"offsetDays", "week", "weekday", "startTime", "durationMinutes", "allDay", "days"}) e.remove(helper);
        return e;
    }

    private static String required(JsonNode node, String field) {
        String v = Json.text(node, field);
        if (v == null) throw new IllegalArgumentException("seed: missing \"" + field + "\" in " + node);
        return v;
    }
}
