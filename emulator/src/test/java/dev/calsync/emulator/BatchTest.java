package dev.calsync.emulator;

import com.google.api.client.googleapis.batch.BatchRequest;
import com.google.api.client.googleapis.batch.json.JsonBatchCallback;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.http.HttpHeaders;
import com.google.api.services.calendar.model.Event;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class BatchTest extends EmulatorFixture {
    private final List<Event> succeeded = new CopyOnWriteArrayList<>();
    private final List<GoogleJsonError> failed = new CopyOnWriteArrayList<>();
    private final List<String> voidSuccesses = new CopyOnWriteArrayList<>();

    private final JsonBatchCallback<Event> eventCallback = new JsonBatchCallback<>() {
        @Override public void onSuccess(Event event, HttpHeaders headers) { succeeded.add(event); }
        @Override public void onFailure(GoogleJsonError error, HttpHeaders headers) { failed.add(error); }
    };
    private final JsonBatchCallback<Void> voidCallback = new JsonBatchCallback<>() {
        @Override public void onSuccess(Void v, HttpHeaders headers) { voidSuccesses.add("ok"); }
        @Override public void onFailure(GoogleJsonError error, HttpHeaders headers) { failed.add(error); }
    };

    @Test
    void officialClientBatchRunsEachPartAndReportsTheFailingOneWithItsOwnError() throws Exception {
        alice.events().insert(ALICE_CAL, timed("Existing", tomorrowAt(8), Duration.ofMinutes(30)).setId("earlier01")).execute();
        String toDelete = alice.events().insert(ALICE_CAL, timed("Doomed", tomorrowAt(9), Duration.ofMinutes(30))).execute().getId();
        emulator.counters().reset();

        BatchRequest batch = alice.batch();
        alice.events().insert(ALICE_CAL, timed("Block 1", tomorrowAt(10), Duration.ofMinutes(30)).setId("block00001")).queue(batch, eventCallback);
        alice.events().insert(ALICE_CAL, timed("Block 2", tomorrowAt(11), Duration.ofMinutes(30)).setId("block00002")).queue(batch, eventCallback);
        alice.events().insert(ALICE_CAL, timed("Clash", tomorrowAt(12), Duration.ofMinutes(30)).setId("earlier01")).queue(batch, eventCallback);
        alice.events().insert("primary", timed("Block 3", tomorrowAt(13), Duration.ofMinutes(30))).queue(batch, eventCallback);
        alice.events().patch(ALICE_CAL, "block00001", new Event().setDescription("patched in the same batch")).queue(batch, eventCallback);
        alice.events().delete(ALICE_CAL, toDelete).queue(batch, voidCallback);
        batch.execute();

        assertThat(succeeded).extracting(Event::getSummary).containsExactly("Block 1", "Block 2", "Block 3", "Block 1");
        assertThat(succeeded.get(3).getDescription()).isEqualTo("patched in the same batch");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).getCode()).isEqualTo(409);
        assertThat(failed.get(0).getErrors().get(0).getReason()).isEqualTo("duplicate");
        assertThat(voidSuccesses).hasSize(1);
        assertThat(emulator.userGet(ALICE_CAL, toDelete).get("status").asText()).isEqualTo("cancelled");
        // Every part is one call for quota purposes.
        assertThat(emulator.counters().total(CallKind.INSERT)).isEqualTo(4);
        assertThat(emulator.counters().failed(CallKind.INSERT)).isEqualTo(1);
        assertThat(emulator.counters().total()).isEqualTo(6);
    }

    @Test
    void batchPartsAreAuthorizedOneByOne() throws Exception {
        BatchRequest batch = bob.batch();
        bob.events().insert(ALICE_CAL, timed("Intrusion", tomorrowAt(10), Duration.ofMinutes(30))).queue(batch, eventCallback);
        bob.events().insert(BOB_CAL, timed("Own", tomorrowAt(10), Duration.ofMinutes(30))).queue(batch, eventCallback);
        batch.execute();

        assertThat(failed).extracting(GoogleJsonError::getCode).containsExactly(404);
        assertThat(succeeded).extracting(Event::getSummary).containsExactly("Own");
        assertThat(emulator.userListAll(ALICE_CAL, true)).isEmpty();
    }

    @Test
    void moreThanFiftyPartsIsABadRequest() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 51; i++) {
            body.append("--b\r\nContent-Type: application/http\r\nContent-ID: ").append(i).append("\r\n\r\n")
                .append("GET /calendar/v3/calendars/primary/events HTTP/1.1\r\nAuthorization: Bearer ").append(ALICE_TOKEN).append("\r\n\r\n\r\n");
        }
        body.append("--b--\r\n");

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.rootUrl() + "batch/calendar/v3"))
                .header("Content-Type", "multipart/mixed; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(emulator.counters().total()).isZero();
    }

    @Test
    void rawBatchWithPathRequestLinesAnswersMultipartWithResponseContentIds() throws Exception {
        String body = "--xyz\r\nContent-Type: application/http\r\nContent-ID: <item1>\r\n\r\n"
                + "GET /calendar/v3/users/me/calendarList HTTP/1.1\r\nAuthorization: Bearer " + ALICE_TOKEN + "\r\n\r\n\r\n"
                + "--xyz\r\nContent-Type: application/http\r\nContent-ID: <item2>\r\n\r\n"
                + "GET /calendar/v3/calendars/primary/events/nosuchevent HTTP/1.1\r\nAuthorization: Bearer " + ALICE_TOKEN + "\r\n\r\n\r\n"
                + "--xyz--\r\n";

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.rootUrl() + "batch/calendar/v3"))
                .header("Content-Type", "multipart/mixed; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("multipart/mixed; boundary=");
        assertThat(response.body()).contains("Content-ID: <response-item1>", "HTTP/1.1 200 OK", "calendar#calendarList",
                "Content-ID: <response-item2>", "HTTP/1.1 404 Not Found", "\"reason\":\"notFound\"");
    }
}
