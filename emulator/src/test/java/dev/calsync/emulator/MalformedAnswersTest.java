package dev.calsync.emulator;

import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.Events;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Answers that are successful but broken or surprising, as a client must survive them. */
class MalformedAnswersTest extends EmulatorFixture {

    private void stored() throws IOException {
        alice.events().insert(ALICE_CAL, timed("Busy", tomorrowAt(9), Duration.ofMinutes(45))).execute();
    }

    @Test
    void missingFieldsDropStartAndEndOfEveryItemOnce() throws Exception {
        stored();
        emulator.faults().failNext(1, FaultType.MISSING_FIELDS);

        Events broken = alice.events().list(ALICE_CAL).execute();

        assertThat(broken.getItems()).hasSize(1).allSatisfy(e -> {
            assertThat(e.getStart()).isNull();
            assertThat(e.getEnd()).isNull();
        });
        assertThat(alice.events().list(ALICE_CAL).execute().getItems().get(0).getStart()).isNotNull();
    }

    @Test
    void anEmptyPageWithMissingFieldsGetsALiveItemWithoutTimes() throws Exception {
        emulator.faults().failNext(1, FaultType.MISSING_FIELDS);

        Events broken = alice.events().list(ALICE_CAL).execute();

        assertThat(broken.getItems()).singleElement().satisfies(e -> {
            assertThat(e.getStatus()).isEqualTo("confirmed");
            assertThat(e.getStart()).isNull();
        });
    }

    @Test
    void unknownEnumValuesAndFieldsReachTheClient() throws Exception {
        stored();
        emulator.faults().failNext(1, FaultType.UNKNOWN_ENUM_VALUES);

        Event event = alice.events().list(ALICE_CAL).execute().getItems().get(0);

        assertThat(event.getEventType()).isEqualTo("focusTimeExperimental");
        assertThat(event.getTransparency()).isEqualTo("semiOpaque");
        assertThat(event.getAttendees().get(0).getResponseStatus()).isEqualTo("maybeLater");
        assertThat(event.get("newFeature")).isNotNull();
    }

    @Test
    void hugeDescriptionsAreAMegabyteEach() throws Exception {
        stored();
        emulator.faults().failNext(1, FaultType.HUGE_DESCRIPTIONS);

        Event event = alice.events().list(ALICE_CAL).execute().getItems().get(0);

        assertThat(event.getDescription()).hasSize(1 << 20);
        assertThat(event.getSummary()).hasSize(10_000);
    }

    @Test
    void truncatedAndInvalidJsonCannotBeParsed() throws Exception {
        stored();
        emulator.faults().failNext(1, FaultType.TRUNCATED_JSON).failNext(1, FaultType.INVALID_JSON);

        assertThat(catchThrowable(() -> alice.events().list(ALICE_CAL).execute())).isInstanceOf(IOException.class);
        assertThat(catchThrowable(() -> alice.events().list(ALICE_CAL).execute())).isInstanceOf(IOException.class);
        assertThat(alice.events().list(ALICE_CAL).execute().getItems()).hasSize(1);
    }

    @Test
    void anHtmlPageComesWithStatus200() throws Exception {
        emulator.faults().failNext(1, FaultType.HTML_PAGE);
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.rootUrl() + "calendar/v3/calendars/"
                + ALICE_CAL + "/events")).header("Authorization", "Bearer " + ALICE_TOKEN).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void malformedAnswerFaultsCanBeScopedAndArmedThroughTheControlApi() throws Exception {
        stored();
        HttpRequest arm = HttpRequest.newBuilder(URI.create(emulator.rootUrl() + "emulator/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"missingFields\",\"count\":1,\"calendarId\":\"" + BOB_CAL + "\"}"))
                .build();
        assertThat(HttpClient.newHttpClient().send(arm, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        assertThat(alice.events().list(ALICE_CAL).execute().getItems().get(0).getStart()).isNotNull();
        assertThat(bob.events().list(BOB_CAL).execute().getItems()).singleElement()
                .satisfies(e -> assertThat(e.getStart()).isNull());
    }
}
