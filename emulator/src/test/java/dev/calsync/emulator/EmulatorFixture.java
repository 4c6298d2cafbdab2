package dev.calsync.emulator;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.jackson2.JacksonFactory;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.services.calendar.model.Events;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Starts a fresh emulator per test with two accounts and gives official Google clients for them. */
abstract class EmulatorFixture {
    static final String ALICE = "alice";
    static final String ALICE_TOKEN = "alice-token";
    static final String ALICE_CAL = "alice@example.com";
    static final String ALICE_TEAM_CAL = "team-alice@example.com";
    static final String BOB = "bob";
    static final String BOB_TOKEN = "bob-token";
    static final String BOB_CAL = "bob@example.com";
    static final String BERLIN = "Europe/Berlin";

    protected GoogleCalendarEmulator emulator;
    protected Calendar alice;
    protected Calendar bob;

    @BeforeEach
    void startEmulator() {
        emulator = GoogleCalendarEmulator.start(0);
        emulator.addAccount(ALICE, ALICE_TOKEN)
                .addCalendar(ALICE, ALICE_CAL, "Alice", true, BERLIN)
                .addCalendar(ALICE, ALICE_TEAM_CAL, "Alice's team", false, BERLIN);
        emulator.addAccount(BOB, BOB_TOKEN).addCalendar(BOB, BOB_CAL, "Bob", true, BERLIN);
        alice = client(ALICE_TOKEN);
        bob = client(BOB_TOKEN);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    Calendar client(String token) {
        return new Calendar.Builder(new NetHttpTransport(), JacksonFactory.getDefaultInstance(),
                request -> { if (token != null) request.getHeaders().setAuthorization("Bearer " + token); })
                .setRootUrl(emulator.rootUrl())
                .setApplicationName("calsync-test")
                .build();
    }

    static Event timed(String summary, ZonedDateTime start, Duration duration) {
        return new Event().setSummary(summary)
                .setStart(new EventDateTime().setDateTime(new DateTime(start.toInstant().toEpochMilli())).setTimeZone(start.getZone().getId()))
                .setEnd(new EventDateTime().setDateTime(new DateTime(start.plus(duration).toInstant().toEpochMilli())).setTimeZone(start.getZone().getId()));
    }

    static Event timed(String summary, String isoStart, int minutes) {
        return timed(summary, ZonedDateTime.parse(isoStart), Duration.ofMinutes(minutes));
    }

    static ZonedDateTime tomorrowAt(int hour) {
        return ZonedDateTime.now(java.time.ZoneId.of(BERLIN)).plusDays(1).withHour(hour).withMinute(0).withSecond(0).withNano(0);
    }

    /** Asserts the call fails with a Google JSON error and returns it. */
    static GoogleJsonResponseException apiError(ThrowableAssert.ThrowingCallable call) {
        Throwable t = catchThrowable(call);
        assertThat(t).isInstanceOf(GoogleJsonResponseException.class);
        return (GoogleJsonResponseException) t;
    }

    static String reason(GoogleJsonResponseException e) {
        return e.getDetails().getErrors().get(0).getReason();
    }

    /** Result of following nextPageToken to the end. */
    record Listing(List<Event> items, int pages, String nextSyncToken, List<String> syncTokensOnEarlierPages) {}

    static Listing listAll(Calendar.Events.List request) throws IOException {
        List<Event> items = new ArrayList<>();
        List<String> earlyTokens = new ArrayList<>();
        int pages = 0;
        String pageToken = null;
        while (true) {
            Events page = request.setPageToken(pageToken).execute();
            pages++;
            items.addAll(page.getItems());
            if (page.getNextPageToken() == null) return new Listing(items, pages, page.getNextSyncToken(), earlyTokens);
            if (page.getNextSyncToken() != null) earlyTokens.add(page.getNextSyncToken());
            pageToken = page.getNextPageToken();
        }
    }
}
