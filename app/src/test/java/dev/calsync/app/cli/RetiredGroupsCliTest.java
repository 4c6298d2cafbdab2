package dev.calsync.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.GoogleCalendarEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A group taken out of calsync.yml, and a calendar taken out of a group (its account with it): verify names the
 * left-over blocks, sync says how to remove them, cleanup removes what it can reach and names what it cannot. On
 * H2 and, when CALSYNC_TEST_POSTGRES_* is set, on PostgreSQL (in a schema of its own, so no other test's groups
 * are in the way).
 */
class RetiredGroupsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POSTGRES = System.getenv("CALSYNC_TEST_POSTGRES_URL");

    @TempDir
    Path dir;

    private GoogleCalendarEmulator emulator;
    private String schema;

    static List<String> databases() {
        List<String> databases = new ArrayList<>(List.of("h2"));
        if (POSTGRES != null && !POSTGRES.isBlank()) {
            databases.add("postgresql");
        }
        return databases;
    }

    @BeforeEach
    void startEmulator() {
        emulator = GoogleCalendarEmulator.start(0);
        emulator.addAccount("work", "work-token").addAccount("home", "home-token").addAccount("extra", "extra-token");
        emulator.addCalendar("work", "me@work.example", "Work", true);
        emulator.addCalendar("work", "team@work.example", "Team", false);
        emulator.addCalendar("home", "me@home.example", "Home", true);
        emulator.addCalendar("extra", "me@extra.example", "Extra", true);
    }

    @AfterEach
    void stop() throws Exception {
        emulator.close();
        if (schema != null) {
            try (Connection connection = postgres(); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static Connection postgres() throws Exception {
        return DriverManager.getConnection(POSTGRES, System.getenv().getOrDefault("CALSYNC_TEST_POSTGRES_USER",
                "calsync"), System.getenv().getOrDefault("CALSYNC_TEST_POSTGRES_PASSWORD", "calsync"));
    }

    private String storage(String database) throws Exception {
        if (database.equals("h2")) {
            return "storage: {url: \"jdbc:h2:file:%s/db\"}".formatted(dir.toAbsolutePath());
        }
        schema = "retired_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = postgres(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return "storage: {url: \"%s%scurrentSchema=%s\", user: %s, password: %s}".formatted(POSTGRES,
                POSTGRES.contains("?") ? "&" : "?", schema,
                System.getenv().getOrDefault("CALSYNC_TEST_POSTGRES_USER", "calsync"),
                System.getenv().getOrDefault("CALSYNC_TEST_POSTGRES_PASSWORD", "calsync"));
    }

    private void config(String storage, String accounts, String groups) throws Exception {
        Files.writeString(dir.resolve("calsync.yml"), """
                %s
                google: {rootUrl: "%s"}
                accounts:
                %s
                groups:
                %s
                """.formatted(storage, emulator.rootUrl(), accounts, groups));
    }

    private static final String ACCOUNTS = """
              - {id: work, provider: google, accessToken: work-token}
              - {id: home, provider: google, accessToken: home-token}
            """;
    private static final String EXTRA = "  - {id: extra, provider: google, accessToken: extra-token}\n";
    private static final String ME = """
              - id: me
                calendars:
                  - {account: work, calendar: me@work.example}
                  - {account: home, calendar: me@home.example}
            """;
    private static final String SIDE = """
              - id: side
                calendars:
                  - {account: work, calendar: me@work.example}
                  - {account: work, calendar: team@work.example}
            """;
    private static final String ME_WITH_EXTRA = ME + "      - {account: extra, calendar: me@extra.example}\n";

    private CliRun run(String... args) {
        return CliRun.run(dir, Map.of(), args);
    }

    private void meeting(String calendar, int day) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(day, ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);
        ObjectNode event = JsonNodeFactory.instance.objectNode().put("summary", "private title");
        event.putObject("start").put("dateTime", start.toString());
        event.putObject("end").put("dateTime", start.plus(1, ChronoUnit.HOURS).toString());
        emulator.userInsert(calendar, event);
    }

    private long blocksOf(String group, String calendar) {
        return emulator.userListAll(calendar, false).stream()
                .filter(e -> group.equals(e.path("extendedProperties").path("private").path("csg").asText()))
                .count();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aGroupTakenOutOfTheFileIsReportedMentionedAndCleanedUp(String database) throws Exception {
        String storage = storage(database);
        config(storage, ACCOUNTS, ME + SIDE);
        meeting("me@work.example", 1);
        meeting("team@work.example", 2);
        meeting("me@home.example", 3);
        assertThat(run("sync").exitCode()).isZero();
        assertThat(blocksOf("side", "me@work.example") + blocksOf("side", "team@work.example")).isEqualTo(2);

        config(storage, ACCOUNTS, ME);
        CliRun verify = run("verify");
        assertThat(verify.exitCode()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(verify.out()).contains("group side (removed from the configuration): PROBLEMS (2 orphans left",
                "ORPHAN        on work/team@work.example", "ORPHAN        on work/me@work.example");
        JsonNode json = JSON.readTree(run("verify", "--json").out());
        assertThat(json.at("/consistent").asBoolean()).isFalse();
        assertThat(json.at("/groups/1/group").asText()).isEqualTo("side");
        assertThat(json.at("/groups/1/retired").asBoolean()).isTrue();
        assertThat(json.at("/groups/1/orphan").asInt()).isEqualTo(2);
        assertThat(json.at("/groups/0/foreign").asInt()).isZero();

        CliRun sync = run("sync");
        assertThat(sync.exitCode()).as(sync.err()).isZero();
        assertThat(sync.out()).contains("left over: 1 block of group side on work/team@work.example (group removed "
                + "from the configuration)", "run `calsync cleanup` to remove them");
        assertThat(blocksOf("side", "team@work.example")).isEqualTo(1);

        CliRun cleanup = run("cleanup");
        assertThat(cleanup.exitCode()).as(cleanup.out()).isZero();
        assertThat(cleanup.out()).contains("blocks of groups no longer configured").doesNotContain("left over");
        assertThat(blocksOf("side", "me@work.example") + blocksOf("side", "team@work.example")).isZero();
        assertThat(run("verify").exitCode()).isZero();
        JsonNode quiet = JSON.readTree(run("sync", "--json").out());
        assertThat(quiet.at("/calls").toString()).isEqualTo("{\"list\":2}");
        assertThat(quiet.at("/leftOver").size()).isZero();

        // Back in the file with the same id: it simply continues.
        config(storage, ACCOUNTS, ME + SIDE);
        assertThat(run("sync").exitCode()).isZero();
        assertThat(run("verify").exitCode()).isZero();
        assertThat(blocksOf("side", "me@work.example") + blocksOf("side", "team@work.example")).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCalendarTakenOutWithItsAccountIsNamedUntilItCanBeReachedAgain(String database) throws Exception {
        String storage = storage(database);
        config(storage, ACCOUNTS + EXTRA, ME_WITH_EXTRA);
        meeting("me@work.example", 1);
        meeting("me@extra.example", 2);
        assertThat(run("sync").exitCode()).isZero();
        assertThat(blocksOf("me", "me@extra.example")).isEqualTo(1);

        config(storage, ACCOUNTS, ME);
        CliRun verify = run("verify");
        assertThat(verify.exitCode()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(verify.out()).contains("group me: PROBLEMS", "ORPHAN        on extra/me@extra.example");

        CliRun sync = run("sync");
        assertThat(sync.exitCode()).as(sync.out()).isZero();
        assertThat(sync.out()).contains("left over: 1 block of group me on extra/me@extra.example (calendar removed "
                + "from the group)", "calsync cleanup");
        assertThat(blocksOf("me", "me@work.example")).isZero(); // the blocks of its events went with the pass

        CliRun cleanup = run("cleanup");
        assertThat(cleanup.exitCode()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(cleanup.out()).contains("left over: 1 block of group me on extra/me@extra.example",
                "cannot be reached through a configured account");
        assertThat(blocksOf("me", "me@extra.example")).isEqualTo(1);

        // The account back (its calendar still out of the group): cleanup can reach it now.
        config(storage, ACCOUNTS + EXTRA, ME);
        CliRun second = run("cleanup");
        assertThat(second.exitCode()).as(second.out()).isZero();
        assertThat(blocksOf("me", "me@extra.example")).isZero();
        assertThat(run("verify").exitCode()).isZero();
        assertThat(JSON.readTree(run("sync", "--json").out()).at("/calls").toString()).isEqualTo("{\"list\":2}");
    }
}
