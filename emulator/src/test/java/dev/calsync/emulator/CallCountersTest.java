package dev.calsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.services.calendar.model.Channel;
import com.google.api.services.calendar.model.Event;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CallCountersTest extends EmulatorFixture {

    @Test
    void callsAreCountedPerKindAccountAndCalendar() throws Exception {
        alice.calendarList().list().execute();
        Event a = alice.events().insert(ALICE_CAL, timed("A", tomorrowAt(9), Duration.ofHours(1))).execute();
        Event series = alice.events().insert("primary", timed("S", tomorrowAt(10), Duration.ofHours(1))
                .setRecurrence(new ArrayList<>(List.of("RRULE:FREQ=DAILY;COUNT=2")))).execute();
        alice.events().get(ALICE_CAL, a.getId()).execute();
        alice.events().update(ALICE_CAL, a.getId(), a.setSummary("A2")).execute();
        alice.events().patch(ALICE_CAL, a.getId(), new Event().setSummary("A3")).execute();
        alice.events().instances(ALICE_CAL, series.getId()).execute();
        alice.events().list(ALICE_TEAM_CAL).execute();
        Channel channel = alice.events().watch(ALICE_CAL, new Channel().setId("c1").setType("web_hook").setAddress("http://127.0.0.1:9/none")).execute();
        alice.channels().stop(new Channel().setId("c1").setResourceId(channel.getResourceId())).execute();
        alice.events().delete(ALICE_CAL, a.getId()).execute();
        bob.events().list("primary").execute();

        CallCounters c = emulator.counters();
        assertThat(c.total(CallKind.CALENDAR_LIST)).isEqualTo(1);
        assertThat(c.total(CallKind.INSERT)).isEqualTo(2);
        assertThat(c.total(CallKind.GET)).isEqualTo(1);
        assertThat(c.total(CallKind.UPDATE)).isEqualTo(1);
        assertThat(c.total(CallKind.PATCH)).isEqualTo(1);
        assertThat(c.total(CallKind.INSTANCES)).isEqualTo(1);
        assertThat(c.total(CallKind.LIST)).isEqualTo(2);
        assertThat(c.total(CallKind.WATCH)).isEqualTo(1);
        assertThat(c.total(CallKind.STOP)).isEqualTo(1);
        assertThat(c.total(CallKind.DELETE)).isEqualTo(1);
        assertThat(c.total()).isEqualTo(12);
        assertThat(c.forAccount(ALICE)).isEqualTo(11);
        assertThat(c.forAccount(BOB)).isEqualTo(1);
        assertThat(c.forAccount(BOB, CallKind.LIST)).isEqualTo(1);
        // Calls through the "primary" alias count under the real calendar id.
        assertThat(c.forCalendar(ALICE_CAL, CallKind.INSERT)).isEqualTo(2);
        assertThat(c.forCalendar(ALICE_TEAM_CAL)).isEqualTo(1);
        assertThat(c.forCalendar(BOB_CAL)).isEqualTo(1);
        assertThat(c.ok()).isEqualTo(12);
        assertThat(c.failed()).isZero();
    }

    @Test
    void failedCallsCountAsFailed() {
        apiError(() -> alice.events().get(ALICE_CAL, "nosuchevent").execute());
        apiError(() -> client("forged").events().list("primary").execute());

        assertThat(emulator.counters().total()).isEqualTo(2);
        assertThat(emulator.counters().failed()).isEqualTo(2);
        assertThat(emulator.counters().forAccount(CallCounters.UNAUTHENTICATED)).isEqualTo(1);
    }

    @Test
    void simulatedUserEditsAreNotCounted() throws Exception {
        var created = emulator.userInsert(ALICE_CAL, Json.parseObject(
                "{\"summary\":\"by hand\",\"start\":{\"dateTime\":\"2030-01-01T10:00:00Z\"},\"end\":{\"dateTime\":\"2030-01-01T11:00:00Z\"}}"));
        String id = created.get("id").asText();
        emulator.userPatch(ALICE_CAL, id, Json.parseObject("{\"summary\":\"renamed\"}"));
        emulator.userGet(ALICE_CAL, id);
        emulator.userListAll(ALICE_CAL, true);
        emulator.userDelete(ALICE_CAL, id);

        assertThat(emulator.counters().total()).isZero();
        // ... but they are real changes for API clients.
        assertThat(alice.events().list(ALICE_CAL).setShowDeleted(true).execute().getItems()).extracting(Event::getStatus).containsExactly("cancelled");
    }

    @Test
    void resetClearsTheCountersAndTheyAreReadableOverHttp() throws Exception {
        alice.events().list(ALICE_CAL).execute();
        alice.events().list(ALICE_CAL).execute();
        HttpClient http = HttpClient.newHttpClient();

        JsonNode counters = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(emulator.rootUrl() + "emulator/counters")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(counters.path("total").asLong()).isEqualTo(2);
        assertThat(counters.path("byKind").path("list").asLong()).isEqualTo(2);
        assertThat(counters.path("byAccount").path(ALICE).path("total").asLong()).isEqualTo(2);
        assertThat(counters.path("byCalendar").path(ALICE_CAL).path("ok").asLong()).isEqualTo(2);

        emulator.counters().reset();
        assertThat(emulator.counters().total()).isZero();
        assertThat(emulator.counters().forAccount(ALICE)).isZero();
    }
}
