package dev.calsync.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.emulator.graph.GraphEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code provider: microsoft} account in the file: its calendars listed by {@code calsync calendars}, and a group of
 * a Google and a Microsoft calendar synced by the CLI, both emulators on one port as {@code calsync emulator} runs them.
 */
class MicrosoftCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private GoogleCalendarEmulator google;
    private GraphEmulator graph;
    private String outlook;

    @BeforeEach
    void start() throws Exception {
        google = GoogleCalendarEmulator.start(0);
        google.addAccount("work", "work-token");
        google.addCalendar("work", "alice@work.example", "Work", true);
        graph = GraphEmulator.mount(google.httpServer(), GraphEmulator.DEFAULT_BASE_PATH);
        graph.addMailbox("m365", "m365-token", "Alice", "alice@contoso.example", "Europe/Berlin");
        outlook = graph.addCalendar("m365", "Calendar", true);
        graph.addCalendar("m365", "Team", false);
        Files.writeString(dir.resolve("calsync.yml"), """
                storage: {url: "jdbc:h2:file:%s/db"}
                google: {rootUrl: "%s"}
                microsoft: {graphUrl: "%s"}
                accounts:
                  - {id: work, provider: google, accessToken: work-token}
                  - {id: m365, provider: microsoft}
                groups:
                  - id: alice
                    calendars:
                      - {account: work, calendar: alice@work.example}
                      - {account: m365, calendar: "%s"}
                """.formatted(dir.toAbsolutePath(), google.rootUrl(), graph.graphUrl(), outlook));
    }

    @AfterEach
    void stop() {
        graph.close();
        google.close();
    }

    /** The Microsoft token comes from the environment, as a deployment would pass it. */
    private CliRun run(String... args) {
        return CliRun.run(dir, Map.of("CALSYNC_ACCOUNT_M365_ACCESS_TOKEN", "m365-token"), args);
    }

    private static Instant tomorrowAt(int hour) {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS).plus(hour, ChronoUnit.HOURS);
    }

    @Test
    void calendarsListsTheMicrosoftAccountsCalendarsWithTheirGraphIds() throws Exception {
        CliRun text = run("calendars", "--account", "m365");
        CliRun json = run("calendars", "--account", "m365", "--json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("account m365 (microsoft)", outlook, "Calendar", "Team", "primary")
                .doesNotContain("m365-token");
        JsonNode listed = JSON.readTree(json.out()).at("/accounts/0");
        assertThat(listed.path("provider").asText()).isEqualTo("microsoft");
        assertThat(listed.path("calendars")).extracting(c -> c.path("name").asText()).containsExactly("Calendar", "Team");
        assertThat(listed.at("/calendars/0/id").asText()).isEqualTo(outlook);
        assertThat(listed.at("/calendars/0/access").asText()).isEqualTo("read-write");
    }

    @Test
    void aGoogleAndAMicrosoftCalendarKeepEachOtherBusy() throws Exception {
        ObjectNode onGoogle = JsonNodeFactory.instance.objectNode().put("summary", "Budget review");
        onGoogle.putObject("start").put("dateTime", tomorrowAt(9).toString());
        onGoogle.putObject("end").put("dateTime", tomorrowAt(10).toString());
        google.userInsert("alice@work.example", onGoogle);
        ObjectNode onOutlook = JsonNodeFactory.instance.objectNode().put("subject", "Customer call");
        onOutlook.putObject("start").put("dateTime", tomorrowAt(14).toString().replace("Z", "")).put("timeZone", "UTC");
        onOutlook.putObject("end").put("dateTime", tomorrowAt(15).toString().replace("Z", "")).put("timeZone", "UTC");
        graph.userCreate(outlook, onOutlook);

        CliRun sync = run("sync", "--json");

        assertThat(sync.exitCode()).as(sync.out() + sync.err()).isZero();
        assertThat(JSON.readTree(sync.out()).at("/groups/0/inserted").asInt()).isEqualTo(2);
        assertThat(graph.userCalendarView(outlook, tomorrowAt(0), tomorrowAt(24)))
                .extracting(e -> e.path("subject").asText()).containsExactlyInAnyOrder("Customer call", "Busy");
        assertThat(google.userListAll("alice@work.example", false)).extracting(e -> e.path("summary").asText())
                .containsExactlyInAnyOrder("Budget review", "Busy");
        CliRun verify = run("verify");
        assertThat(verify.exitCode()).as(verify.out()).isZero();
    }
}
