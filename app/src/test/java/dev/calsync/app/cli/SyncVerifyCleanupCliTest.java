package dev.calsync.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.GoogleCalendarEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI verbs end to end: a config file, the emulator over HTTP, an H2 file database. */
class SyncVerifyCleanupCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private GoogleCalendarEmulator emulator;

    @BeforeEach
    void startEmulator() throws Exception {
        emulator = GoogleCalendarEmulator.start(0);
        emulator.addAccount("work", "work-token").addAccount("home", "home-token");
        emulator.addCalendar("work", "me@work.example", "Work", true);
        emulator.addCalendar("home", "me@home.example", "Home", true);
        Files.writeString(dir.resolve("calsync.yml"), """
                storage: {url: "jdbc:h2:file:%s/db"}
                google: {rootUrl: "%s"}
                accounts:
                  - {id: work, provider: google, accessToken: work-token}
                  - {id: home, provider: google, accessToken: home-token}
                groups:
                  - id: me
                    calendars:
                      - {account: work, calendar: me@work.example}
                      - {account: home, calendar: me@home.example}
                """.formatted(dir.toAbsolutePath(), emulator.rootUrl()));
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    private CliRun run(String... args) {
        return CliRun.run(dir, Map.of(), args);
    }

    private String meeting(String calendar, int day) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(day, ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);
        ObjectNode event = JsonNodeFactory.instance.objectNode().put("summary", "private title");
        event.putObject("start").put("dateTime", start.toString());
        event.putObject("end").put("dateTime", start.plus(1, ChronoUnit.HOURS).toString());
        return emulator.userInsert(calendar, event).get("id").asText();
    }

    @Test
    void syncPrintsWhatItReadAndWroteAndEveryCallByKind() {
        meeting("me@work.example", 1);
        meeting("me@home.example", 2);

        CliRun first = run("sync");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("group me (incremental): synced", "2 inserted",
                "work/me@work.example", "full", "no sync token yet", "API calls: list 2, insert 2 (4 total)");
        assertThat(first.out()).doesNotContain("private title", "work-token");
        CliRun second = run("sync");
        CliRun third = run("sync", "--json");
        assertThat(second.out()).contains("read incremental");
        JsonNode json = json(third.out());
        assertThat(json.at("/groups/0/outcome").asText()).isEqualTo("synced");
        assertThat(json.at("/calls").toString()).isEqualTo("{\"list\":2}");
        assertThat(json.at("/totalCalls").asLong()).isEqualTo(2);
    }

    @Test
    void verifyExitsOneOnAMissingBlockAndCleanupRestoresIt() {
        meeting("me@work.example", 1);
        run("sync");
        String block = emulator.userListAll("me@home.example", false).get(0).get("id").asText();
        emulator.userDelete("me@home.example", block);

        CliRun verify = run("verify", "--json");
        assertThat(verify.exitCode()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(json(verify.out()).at("/groups/0/missing").asInt()).isEqualTo(1);
        assertThat(run("cleanup", "--dry-run").out()).contains("MISSING");

        CliRun cleanup = run("cleanup");
        assertThat(cleanup.exitCode()).as(cleanup.err()).isZero();
        assertThat(run("verify").out()).contains("group me: consistent (1 blocks expected, 1 found");
        assertThat(run("verify").exitCode()).isZero();
    }

    @Test
    void calendarsListsEveryAccountsCalendarsWithTheirIdsAndAccess() {
        emulator.addCalendar("work", "team@work.example", "Team", false);

        CliRun text = run("calendars");
        CliRun one = run("calendars", "--account", "home", "--json");
        CliRun unknown = run("calendars", "--account", "nobody");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("account work (google)", "me@work.example", "team@work.example", "Team",
                "account home (google)", "me@home.example", "primary").doesNotContain("work-token");
        JsonNode listed = json(one.out());
        assertThat(listed.at("/accounts").size()).isEqualTo(1);
        assertThat(listed.at("/accounts/0/calendars/0/id").asText()).isEqualTo("me@home.example");
        assertThat(listed.at("/accounts/0/calendars/0/access").asText()).isEqualTo("read-write");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no account 'nobody'", "work, home");
    }

    @Test
    void anUnknownGroupIsAUsageError() {
        CliRun result = run("sync", "--group", "nobody");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("unknown group 'nobody' (known: me)");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
