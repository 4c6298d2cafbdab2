package dev.calsync.emulator;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SeedAndMainTest {

    @Test
    void demoSeedGivesAliceAndBobAWorkAndAPersonalAccountWithMeetingsAroundNow() throws Exception {
        long start = System.nanoTime();
        try (GoogleCalendarEmulator emulator = GoogleCalendarEmulator.start(0)) {
            emulator.loadDemoSeed();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

            assertThat(emulator.accountIds()).containsExactlyInAnyOrder("alice-work", "alice-home", "bob-work", "bob-home");
            assertThat(emulator.calendarIdsOf("alice-work")).containsExactly("alice@work.example");
            Calendar client = new EmulatorFixtureClient(emulator).forToken(emulator.tokenOf("alice-work"));
            List<Event> series = client.events().list("primary").execute().getItems();
            assertThat(series).anySatisfy(e -> assertThat(e.getRecurrence()).isNotEmpty());
            long now = System.currentTimeMillis();
            List<Event> nextWeeks = client.events().list("primary").setSingleEvents(true).setOrderBy("startTime")
                    .setTimeMin(new DateTime(now - Duration.ofDays(14).toMillis()))
                    .setTimeMax(new DateTime(now + Duration.ofDays(21).toMillis())).execute().getItems();
            assertThat(nextWeeks).hasSizeGreaterThan(20);
            assertThat(emulator.counters().total()).isEqualTo(2);
        }
    }

    @Test
    void seedTimesCanBeRelativeToTodayInTheCalendarsZone() {
        String seed = """
                {"accounts":[{"id":"carol","token":"carol-token","calendars":[
                  {"id":"carol@example.com","summary":"Carol","primary":true,"timeZone":"America/New_York","events":[
                    {"id":"relative01","summary":"Tomorrow","offsetDays":1,"startTime":"09:30","durationMinutes":45},
                    {"id":"relative02","summary":"Off","offsetDays":2,"allDay":true,"days":2},
                    {"id":"absolute01","summary":"Fixed","start":{"dateTime":"2030-01-01T10:00:00Z"},"end":{"dateTime":"2030-01-01T11:00:00Z"}}]}]}]}""";
        try (GoogleCalendarEmulator emulator = GoogleCalendarEmulator.start(0)) {
            emulator.loadSeed(new ByteArrayInputStream(seed.getBytes(StandardCharsets.UTF_8)));

            ZoneId ny = ZoneId.of("America/New_York");
            LocalDate today = LocalDate.now(ny);
            var timed = emulator.userGet("carol@example.com", "relative01");
            ZonedDateTime start = ZonedDateTime.parse(timed.path("start").path("dateTime").asText()).withZoneSameInstant(ny);
            assertThat(start.toLocalDate()).isEqualTo(today.plusDays(1));
            assertThat(start.toLocalTime()).hasToString("09:30");
            assertThat(timed.path("start").path("timeZone").asText()).isEqualTo("America/New_York");
            var allDay = emulator.userGet("carol@example.com", "relative02");
            assertThat(allDay.path("start").path("date").asText()).isEqualTo(today.plusDays(2).toString());
            assertThat(allDay.path("end").path("date").asText()).isEqualTo(today.plusDays(4).toString());
            assertThat(emulator.userGet("carol@example.com", "absolute01").path("summary").asText()).isEqualTo("Fixed");
            assertThat(emulator.tokenOf("carol")).isEqualTo("carol-token");
        }
    }

    @Test
    void mainDescribesTheRootUrlAndEveryAccountsToken() {
        try (GoogleCalendarEmulator emulator = GoogleCalendarEmulator.start(0)) {
            emulator.loadDemoSeed();

            String text = EmulatorMain.describe(emulator);

            assertThat(text).contains(emulator.rootUrl(), "alice-work-token", "alice-home-token", "bob-work-token", "bob-home-token");
        }
    }

    /** The fixture's client factory without the fixture's accounts. */
    private record EmulatorFixtureClient(GoogleCalendarEmulator emulator) {
        Calendar forToken(String token) {
            return new Calendar.Builder(new com.google.api.client.http.javanet.NetHttpTransport(),
                    com.google.api.client.json.jackson2.JacksonFactory.getDefaultInstance(),
                    request -> request.getHeaders().setAuthorization("Bearer " + token))
                    .setRootUrl(emulator.rootUrl()).setApplicationName("calsync-test").build();
        }
    }
}
