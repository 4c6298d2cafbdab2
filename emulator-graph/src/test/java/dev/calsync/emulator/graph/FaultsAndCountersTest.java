package dev.calsync.emulator.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FaultsAndCountersTest extends GraphFixture {

    @Test
    void throttledCallGets429WithRetryAfterAndTheNextOneSucceeds() {
        emulator.faults().throttleNext(1, 7, FaultScope.of(CallKind.LIST_CALENDARS));
        GraphClient.Answer throttled = alice.get("me/calendars");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("7");
        assertThat(throttled.errorCode()).isEqualTo("ApplicationThrottled");
        assertThat(alice.get("me/calendars").status()).isEqualTo(200);
    }

    @Test
    void throttlingMayComeWithoutRetryAfter() {
        emulator.faults().throttleNext(1, null, FaultScope.ANY);
        GraphClient.Answer throttled = alice.get("me/calendars");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNull();
    }

    @Test
    void faultScopedToAMailboxSparesTheOthers() {
        emulator.faults().failNext(1, FaultType.SERVICE_UNAVAILABLE, new FaultScope(ALICE, null, null));
        assertThat(bob.get("me/calendars").status()).isEqualTo(200);
        assertThat(alice.get("me/calendars").status()).isEqualTo(503);
    }

    @Test
    void lostAnswerOf503StillAppliedTheWrite() {
        emulator.faults().loseResponsesOfNextWrites(1, false);
        GraphClient.Answer a = alice.post("me/calendars/" + work + "/events", timed("Applied", "2030-03-04T09:00:00", "2030-03-04T10:00:00"));
        assertThat(a.status()).isEqualTo(503);
        assertThat(readAll(alice, "me/calendars/" + work + "/events").liveSubjects()).containsExactly("Applied");
    }

    @Test
    void malformedAnswersAreServedWith200() {
        create(work, timed("E", "2030-03-04T09:00:00", "2030-03-04T10:00:00"));
        emulator.faults().failNext(1, FaultType.TRUNCATED_JSON, FaultScope.of(CallKind.LIST_EVENTS));
        GraphClient.Answer truncated = alice.get("me/calendars/" + work + "/events");
        assertThat(truncated.status()).isEqualTo(200);
        assertThat(truncated.json()).isNull();
        emulator.faults().failNext(1, FaultType.UNKNOWN_ENUM_VALUES, FaultScope.of(CallKind.LIST_EVENTS));
        assertThat(alice.get("me/calendars/" + work + "/events").json().path("value").get(0).path("showAs").asText()).isEqualTo("focusTime");
        emulator.faults().failNext(1, FaultType.MISSING_FIELDS, FaultScope.of(CallKind.LIST_EVENTS));
        assertThat(alice.get("me/calendars/" + work + "/events").json().path("value").get(0).has("start")).isFalse();
    }

    @Test
    void countersCountPerMailboxAndKindIncludingFailures() {
        alice.get("me/calendars");
        alice.get("me/calendars");
        bob.get("me/calendars");
        alice.get("me/events/not-an-id");
        assertThat(emulator.counters().forMailbox(ALICE, CallKind.LIST_CALENDARS)).isEqualTo(2);
        assertThat(emulator.counters().forMailbox(ALICE, CallKind.GET_EVENT)).isEqualTo(1);
        assertThat(emulator.counters().forMailbox(BOB)).isEqualTo(1);
        assertThat(emulator.counters().failed(CallKind.GET_EVENT)).isEqualTo(1);
        assertThat(emulator.counters().forCalendar(work)).isZero();
    }

    @Test
    void controlApiArmsFaultsReportsCountersAndResets() {
        GraphClient control = new GraphClient(emulator.controlUrl(), null);
        assertThat(control.post("faults", GraphClient.json("{'type':'tooManyRequests','retryAfter':3,'kind':'listCalendars'}")).status()).isEqualTo(200);
        GraphClient.Answer throttled = alice.get("me/calendars");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("3");
        GraphClient.Answer counters = control.get("counters");
        assertThat(counters.json().path("byMailbox").path(ALICE).path("failed").asInt()).isEqualTo(1);
        assertThat(control.post("reset", GraphClient.json("{}")).status()).isEqualTo(200);
        assertThat(control.get("counters").json().path("total").asInt()).isZero();
        assertThat(control.get("mailboxes").json().path("mailboxes").get(0).path("token").asText()).isEqualTo(ALICE_TOKEN);
    }

    @Test
    void pageSizeCapForcesMorePages() {
        for (int d = 1; d <= 4; d++) create(work, timed("E" + d, "2030-03-0" + d + "T09:00:00", "2030-03-0" + d + "T10:00:00"));
        emulator.faults().capPageSize(1);
        Pages pages = readAll(alice.prefer("odata.maxpagesize=50"),
                "me/calendars/" + work + "/calendarView/delta?startDateTime=2030-03-01T00:00:00Z&endDateTime=2030-04-01T00:00:00Z");
        assertThat(pages.pages()).hasSize(4);
    }
}
