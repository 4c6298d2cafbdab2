package dev.calsync.integration.recurring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.api.services.calendar.model.Event;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.integration.Harness;
import dev.calsync.integration.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Realistic calendars (fixtures/realistic-calendars.json, Google's event JSON): series in several zones
 * started years ago, BYSETPOS and BYDAY ordinals, EXDATE and RDATE, all-day and multi-day events, a flight
 * across zones, free, declined, birthday and working-location series, a rule part calsync cannot expand,
 * then moved, cancelled and freed occurrences. Imported into the emulator, synced, compared.
 */
class RealWorldFixturesTest {

    static List<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void realisticCalendarsAreMirroredExactly(TestDatabase db) throws IOException {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/realistic-calendars.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
        try (Harness h = new Harness(db)) {
            Map<String, CalendarRef> calendars = Map.of("work", Harness.WORK, "home", Harness.HOME,
                    "client", Harness.BOB_WORK);
            SyncGroup group = h.group("realistic", Harness.WORK, Harness.HOME, Harness.BOB_WORK);
            Map<String, String> ids = new HashMap<>();
            int series = 0;
            for (JsonNode calendar : fixture.get("calendars")) {
                CalendarRef ref = calendars.get(calendar.get("key").asText());
                for (JsonNode event : calendar.get("events")) {
                    String id = h.emulator.userInsert(ref.calendarId(), (ObjectNode) event.deepCopy()).get("id").asText();
                    ids.put(calendar.get("key").asText() + "/" + event.get("summary").asText(), id);
                    series += event.has("recurrence") ? 1 : 0;
                }
            }
            long before = h.writes();
            h.sync(group);
            System.out.printf("realistic calendars: %d series, first sync %d writes%n", series, h.writes() - before);
            RecurringSyncTest.assertBusyMatches(h, group);

            for (JsonNode exception : fixture.get("exceptions")) {
                CalendarRef ref = calendars.get(exception.get("calendar").asText());
                String seriesId = ids.get(exception.get("calendar").asText() + "/" + exception.get("event").asText());
                apply(h, ref, occurrenceAfter(h, ref, seriesId, exception.get("afterDays").asInt()), exception);
            }
            before = h.writes();
            h.sync(group);
            System.out.printf("realistic calendars: %d exceptions, %d writes%n", fixture.get("exceptions").size(),
                    h.writes() - before);
            RecurringSyncTest.assertBusyMatches(h, group);
            before = h.writes();
            h.sync(group);
            assertThat(h.writes() - before).as("echoes").isZero();
        }
    }

    private static String occurrenceAfter(Harness h, CalendarRef calendar, String seriesId, int days) {
        Instant from = LocalDate.now(ZoneOffset.UTC).plusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant();
        ExpandedBusyTime oracle = new ExpandedBusyTime(h.emulator.rootUrl(), Harness.TOKENS);
        return oracle.expanded(calendar, from, from.plusSeconds(120L * 86400)).stream()
                .filter(e -> seriesId.equals(e.getRecurringEventId()))
                .filter(e -> !ExpandedBusyTime.instant(e.getOriginalStartTime()).isBefore(from))
                .min(Comparator.comparing(e -> ExpandedBusyTime.instant(e.getOriginalStartTime())))
                .map(Event::getId).orElseThrow();
    }

    private static void apply(Harness h, CalendarRef calendar, String instanceId, JsonNode exception) {
        Edits edits = new Edits(h.emulator);
        switch (exception.get("action").asText()) {
            case "cancel" -> edits.cancelOccurrence(calendar, instanceId);
            case "free" -> edits.set(calendar, instanceId, "transparency", "transparent");
            default -> {
                long minutes = exception.get("shiftMinutes").asLong();
                ObjectNode instance = h.emulator.userGet(calendar.calendarId(), instanceId).deepCopy();
                for (String field : List.of("start", "end")) {
                    ObjectNode time = (ObjectNode) instance.get(field);
                    if (time.has("date")) {
                        time.put("date", LocalDate.parse(time.get("date").asText()).plusDays(minutes / 1440).toString());
                    } else {
                        time.put("dateTime", OffsetDateTime.parse(time.get("dateTime").asText()).plusMinutes(minutes).toString());
                    }
                }
                h.emulator.userUpdate(calendar.calendarId(), instanceId, instance);
            }
        }
    }
}
