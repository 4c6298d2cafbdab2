package dev.calsync.emulator;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.calendar.model.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class FaultInjectionTest extends EmulatorFixture {

    private Event sample() { return timed("Busy", tomorrowAt(9), Duration.ofMinutes(45)); }

    @ParameterizedTest
    @CsvSource({
            "RATE_LIMIT_EXCEEDED, 403, rateLimitExceeded, usageLimits",
            "USER_RATE_LIMIT_EXCEEDED, 403, userRateLimitExceeded, usageLimits",
            "TOO_MANY_REQUESTS, 429, rateLimitExceeded, usageLimits",
            "BACKEND_ERROR, 500, backendError, global",
            "SERVICE_UNAVAILABLE, 503, backendError, global"})
    void injectedErrorReachesTheClientWithGooglesStatusAndReasonOnceThenCallsSucceed(FaultType type, int status, String reason, String domain) throws Exception {
        emulator.faults().failNext(1, type);

        GoogleJsonResponseException e = apiError(() -> alice.events().list(ALICE_CAL).execute());

        assertThat(e.getStatusCode()).isEqualTo(status);
        assertThat(reason(e)).isEqualTo(reason);
        assertThat(e.getDetails().getErrors().get(0).getDomain()).isEqualTo(domain);
        assertThat(alice.events().list(ALICE_CAL).execute().getItems()).isEmpty();
    }

    @Test
    void htmlErrorPageHasNoJsonDetails() {
        emulator.faults().failNext(1, FaultType.HTML_ERROR);

        GoogleJsonResponseException e = apiError(() -> alice.events().list(ALICE_CAL).execute());

        assertThat(e.getStatusCode()).isEqualTo(500);
        assertThat(e.getDetails()).isNull();
        assertThat(e.getContent()).contains("<html");
    }

    @Test
    void faultFailsTheNextNMatchingCalls() throws Exception {
        emulator.faults().failNext(2, FaultType.SERVICE_UNAVAILABLE);

        assertThat(apiError(() -> alice.events().list(ALICE_CAL).execute()).getStatusCode()).isEqualTo(503);
        assertThat(apiError(() -> alice.events().list(ALICE_CAL).execute()).getStatusCode()).isEqualTo(503);
        assertThat(alice.events().list(ALICE_CAL).execute()).isNotNull();
        assertThat(emulator.faults().armedFaults()).isZero();
    }

    @Test
    void scopedFaultOnlyHitsTheGivenAccountCalendarAndKind() throws Exception {
        emulator.faults().failNext(1, FaultType.RATE_LIMIT_EXCEEDED, new FaultScope(BOB, BOB_CAL, CallKind.INSERT));

        alice.events().insert(ALICE_CAL, sample()).execute();
        bob.events().list(BOB_CAL).execute();
        GoogleJsonResponseException e = apiError(() -> bob.events().insert("primary", sample()).execute());

        assertThat(e.getStatusCode()).isEqualTo(403);
        assertThat(emulator.userListAll(BOB_CAL, true)).isEmpty();
    }

    @Test
    void lostResponseWith503AppliesTheWriteAlthoughTheClientSeesAFailure() throws Exception {
        emulator.faults().loseResponsesOfNextWrites(1, false);

        GoogleJsonResponseException e = apiError(() -> alice.events().insert(ALICE_CAL, sample().setId("lost00001")).execute());

        assertThat(e.getStatusCode()).isEqualTo(503);
        assertThat(emulator.userGet(ALICE_CAL, "lost00001")).isNotNull();
        // The retry of the insert now meets the event it already created.
        assertThat(reason(apiError(() -> alice.events().insert(ALICE_CAL, sample().setId("lost00001")).execute()))).isEqualTo("duplicate");
        assertThat(emulator.counters().failed(CallKind.INSERT)).isEqualTo(2);
    }

    @Test
    void lostResponseByClosedConnectionAppliesTheWriteAndTheClientGetsAnIoError() {
        emulator.faults().loseResponsesOfNextWrites(1, true);

        Throwable t = catchThrowable(() -> alice.events().insert(ALICE_CAL, sample().setId("lost00002")).execute());

        assertThat(t).isInstanceOf(IOException.class).isNotInstanceOf(GoogleJsonResponseException.class);
        assertThat(emulator.userGet(ALICE_CAL, "lost00002")).isNotNull();
    }

    @Test
    void lostResponseFaultsLeaveReadsAlone() throws Exception {
        emulator.faults().loseResponsesOfNextWrites(1, false);

        assertThat(alice.events().list(ALICE_CAL).execute().getItems()).isEmpty();
        assertThat(emulator.faults().armedFaults()).isEqualTo(1);
    }

    @Test
    void latencyIsAddedToEveryCall() throws Exception {
        emulator.faults().setLatency(Duration.ofMillis(150));
        long start = System.nanoTime();

        alice.events().list(ALICE_CAL).execute();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void resetDisarmsEverything() throws Exception {
        emulator.faults().failNext(5, FaultType.BACKEND_ERROR).capPageSize(1).setLatency(Duration.ofMillis(1));
        emulator.faults().reset();

        assertThat(alice.events().list(ALICE_CAL).execute().getItems()).isEmpty();
        assertThat(emulator.faults().pageSizeCap()).isZero();
        assertThat(emulator.faults().latencyMillis()).isZero();
    }

    @Test
    void faultsCanBeArmedThroughTheHttpControlApi() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> armed = http.send(HttpRequest.newBuilder(URI.create(emulator.rootUrl() + "emulator/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"userRateLimitExceeded\",\"count\":1,\"kind\":\"list\",\"accountId\":\"alice\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(armed.statusCode()).isEqualTo(200);
        assertThat(armed.body()).contains("userRateLimitExceeded");

        alice.events().insert(ALICE_CAL, sample()).execute();
        assertThat(reason(apiError(() -> alice.events().list(ALICE_CAL).execute()))).isEqualTo("userRateLimitExceeded");

        http.send(HttpRequest.newBuilder(URI.create(emulator.rootUrl() + "emulator/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"expireSyncTokens\"}")).build(), HttpResponse.BodyHandlers.ofString());
        http.send(HttpRequest.newBuilder(URI.create(emulator.rootUrl() + "emulator/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"pageSizeCap\",\"max\":1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(emulator.faults().pageSizeCap()).isEqualTo(1);
        HttpResponse<String> reset = http.send(HttpRequest.newBuilder(URI.create(emulator.rootUrl() + "emulator/faults/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(emulator.faults().pageSizeCap()).isZero();
    }
}
