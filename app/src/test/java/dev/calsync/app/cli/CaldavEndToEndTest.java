package dev.calsync.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.caldav.RadicaleServer;
import dev.calsync.emulator.GoogleCalendarEmulator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group of a Google calendar (the emulator, through the official client) and a CalDAV calendar (a real Radicale
 * server), synced both ways by the CLI: create, move, a series with a moved and a cancelled occurrence, delete,
 * then a steady state that writes nothing and a clean verify. The CalDAV password comes from the environment.
 */
class CaldavEndToEndTest {
    private static final DateTimeFormatter ICS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private GoogleCalendarEmulator google;
    private RadicaleServer radicale;
    private URI home;

    @BeforeEach
    void start() throws Exception {
        radicale = RadicaleServer.start();
        home = radicale.calendar("alice", "home");
        google = GoogleCalendarEmulator.start(0);
        google.addAccount("work", "work-token");
        google.addCalendar("work", "alice@work.example", "Work", true);
        Files.writeString(dir.resolve("calsync.yml"), """
                storage: {url: "jdbc:h2:file:%s/db"}
                google: {rootUrl: "%s"}
                accounts:
                  - {id: work, provider: google, accessToken: work-token}
                  - {id: home, provider: caldav, url: "%s", username: alice}
                groups:
                  - id: alice
                    calendars:
                      - {account: work, calendar: alice@work.example}
                      - {account: home, calendar: "%s"}
                """.formatted(dir.toAbsolutePath(), google.rootUrl(), radicale.root(), home.getRawPath()));
    }

    @AfterEach
    void stop() throws Exception {
        google.close();
        radicale.close();
    }

    private CliRun run(String... args) {
        return CliRun.run(dir, Map.of("CALSYNC_ACCOUNT_HOME_PASSWORD", "app-specific-secret"), args);
    }

    private JsonNode sync() throws Exception {
        CliRun sync = run("sync", "--json");
        assertThat(sync.exitCode()).as(sync.out() + sync.err()).isZero();
        assertThat(sync.out() + sync.err()).doesNotContain("app-specific-secret");
        return JSON.readTree(sync.out()).at("/groups/0");
    }

    private static Instant day(int days, int hour) {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(days, ChronoUnit.DAYS).plus(hour, ChronoUnit.HOURS);
    }

    private String meetingOnGoogle(Instant start) {
        return google.userInsert("alice@work.example", googleEvent(start)).get("id").asText();
    }

    private static ObjectNode googleEvent(Instant start) {
        ObjectNode event = JsonNodeFactory.instance.objectNode().put("summary", "Budget review");
        event.putObject("start").put("dateTime", start.toString());
        event.putObject("end").put("dateTime", start.plus(1, ChronoUnit.HOURS).toString());
        return event;
    }

    private void putOnCaldav(String name, String vevents) throws Exception {
        radicale.put(home.resolve(name + ".ics"), "alice", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
                + vevents + "END:VCALENDAR\r\n");
    }

    private static String vevent(String uid, Instant start, String extra) {
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:" + ICS.format(start)
                + "\r\nDTEND:" + ICS.format(start.plus(1, ChronoUnit.HOURS)) + "\r\nSUMMARY:Dentist\r\n" + extra
                + "END:VEVENT\r\n";
    }

    private void assertConsistent() {
        CliRun verify = run("verify");
        assertThat(verify.exitCode()).as(verify.out()).isZero();
    }

    @Test
    void aGoogleAndACaldavCalendarKeepEachOtherBusyBothWays() throws Exception {
        String budget = meetingOnGoogle(day(1, 9));
        putOnCaldav("dentist", vevent("dentist-1", day(2, 14), ""));

        JsonNode first = sync();
        assertThat(first.path("inserted").asInt()).isEqualTo(2);
        assertConsistent();

        google.userUpdate("alice@work.example", budget, googleEvent(day(1, 11)));
        putOnCaldav("dentist", vevent("dentist-1", day(2, 16), ""));
        JsonNode moved = sync();
        assertThat(moved.path("updated").asInt()).isEqualTo(2);
        assertConsistent();

        Instant weekly = day(3, 8);
        Instant second = weekly.plus(7, ChronoUnit.DAYS);
        Instant third = weekly.plus(14, ChronoUnit.DAYS);
        putOnCaldav("yoga", vevent("yoga-1", weekly, "RRULE:FREQ=WEEKLY;COUNT=5\r\nEXDATE:" + ICS.format(third) + "\r\n")
                + vevent("yoga-1", second.plus(2, ChronoUnit.HOURS), "RECURRENCE-ID:" + ICS.format(second) + "\r\n"));
        JsonNode series = sync();
        assertThat(series.path("inserted").asInt()).as(series.toString()).isEqualTo(1);
        assertConsistent();

        google.userDelete("alice@work.example", budget);
        assertThat(radicale.delete(home.resolve("dentist.ics"), "alice")).isBetween(200, 204);
        JsonNode deleted = sync();
        assertThat(deleted.path("deleted").asInt()).isEqualTo(2);
        assertConsistent();

        JsonNode steady = sync();
        assertThat(steady.path("inserted").asInt() + steady.path("updated").asInt() + steady.path("deleted").asInt())
                .isZero();
        assertThat(steady.path("handEdits").asInt()).isZero();
    }
}
