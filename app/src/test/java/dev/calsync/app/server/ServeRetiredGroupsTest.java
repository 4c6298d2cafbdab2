package dev.calsync.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.calsync.app.accounts.EncryptionKey;
import dev.calsync.app.cli.CalsyncCli;
import dev.calsync.app.cli.CliContext;
import dev.calsync.app.cluster.ClusterConfiguration;
import dev.calsync.app.config.ConfigLoader;
import dev.calsync.app.fixtures.EmulatorEvents;
import dev.calsync.app.schedule.SyncScheduler;
import dev.calsync.core.block.KnownBlock;
import dev.calsync.emulator.CallKind;
import dev.calsync.emulator.FaultScope;
import dev.calsync.emulator.FaultType;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.store.JdbcSyncStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Issue 12, item 1, in {@code serve}: a group taken out of the file is retired at the next start and serve itself
 * removes its blocks from every calendar it can reach (no CLI call); a removal stopped half-way resumes on the next
 * safety reconcile; blocks on a calendar whose account left the file too are named and kept until it is back. The
 * emulator, on H2 (a file, so a restart keeps it) and, when CALSYNC_TEST_POSTGRES_* is set, on PostgreSQL (in a
 * schema of its own, so no other test's groups are in the way).
 */
class ServeRetiredGroupsTest {
    private static final String POSTGRES = System.getenv("CALSYNC_TEST_POSTGRES_URL");
    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private GoogleCalendarEmulator emulator;
    private MockOAuth2Server oauth;
    private String schema;
    private String storage;

    static List<String> databases() {
        List<String> databases = new ArrayList<>(List.of("h2"));
        if (POSTGRES != null && !POSTGRES.isBlank()) {
            databases.add("postgresql");
        }
        return databases;
    }

    @BeforeEach
    void start() {
        emulator = GoogleCalendarEmulator.start(0);
        emulator.addAccount("work", "work-token").addAccount("home", "home-token").addAccount("extra", "extra-token");
        emulator.addCalendar("work", "me@work.example", "Work", true);
        emulator.addCalendar("work", "team@work.example", "Team", false);
        emulator.addCalendar("home", "me@home.example", "Home", true);
        emulator.addCalendar("extra", "me@extra.example", "Extra", true);
        oauth = new MockOAuth2Server();
        oauth.start();
    }

    @AfterEach
    void stop() throws Exception {
        oauth.shutdown();
        emulator.close();
        if (schema != null) {
            try (Connection connection = postgres(); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static Connection postgres() throws Exception {
        return DriverManager.getConnection(POSTGRES, user(), password());
    }

    private static String user() {
        return System.getenv().getOrDefault("CALSYNC_TEST_POSTGRES_USER", "calsync");
    }

    private static String password() {
        return System.getenv().getOrDefault("CALSYNC_TEST_POSTGRES_PASSWORD", "calsync");
    }

    private void database(String database) throws Exception {
        if (database.equals("h2")) {
            storage = "{url: \"jdbc:h2:file:%s/db\"}".formatted(dir.toAbsolutePath());
            return;
        }
        schema = "serve_retired_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = postgres(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        storage = "{url: \"%s%scurrentSchema=%s\", user: %s, password: %s}".formatted(POSTGRES,
                POSTGRES.contains("?") ? "&" : "?", schema, user(), password());
    }

    private static final String WORK = "  - {id: work, provider: google, accessToken: work-token}\n";
    private static final String HOME = "  - {id: home, provider: google, accessToken: home-token}\n";
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
    private static final String FAR = """
              - id: far
                calendars:
                  - {account: work, calendar: team@work.example}
                  - {account: extra, calendar: me@extra.example}
            """;

    /** Writes calsync.yml (for the CLI) and starts serve on the same file. */
    private CalsyncServer serve(String accounts, String groups) throws Exception {
        String yaml = "storage: " + storage + "\n"
                + "google: {rootUrl: \"" + emulator.rootUrl() + "\"}\n"
                + "oauth: {issuerUri: \"" + oauth.issuerUrl("google") + "\", clientId: test}\n"
                + "accounts:\n" + accounts
                + "groups:\n" + groups;
        Files.writeString(dir.resolve("calsync.yml"), yaml);
        return CalsyncServer.start(new ServerSettings(new ConfigLoader(Map.of()).parse(yaml, "serve retired test"),
                EncryptionKey.random(), ServerSettings.Mode.SERVE, 0), Map.of());
    }

    private int verify() {
        StringWriter out = new StringWriter();
        return CalsyncCli.run(new CliContext(Map.of(), dir), new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true), "verify");
    }

    private void meeting(String calendar, int day) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(day, ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);
        emulator.userInsert(calendar, EmulatorEvents.meeting(start, "private title"));
    }

    private long blocksOf(String group, String calendar) {
        return emulator.userListAll(calendar, false).stream()
                .filter(e -> group.equals(e.path("extendedProperties").path("private").path("csg").asText()))
                .count();
    }

    private static List<KnownBlock> retiredRows(CalsyncServer server, String group) {
        return server.context().getBean(JdbcSyncStore.class).retiredBlocks().stream()
                .filter(row -> row.groupId().equals(group)).toList();
    }

    /** The first start syncs every group of the file. */
    private void syncFirst(String accounts, String groups, String... ids) throws Exception {
        CalsyncServer server = serve(accounts, groups);
        try {
            SyncScheduler scheduler = server.context().getBean(SyncScheduler.class);
            for (String id : ids) {
                scheduler.requestSync(id, false);
            }
            await().atMost(START).until(() -> server.context().getBean(JdbcSyncStore.class).blocks(ids[1]).size() == 2
                    && server.context().getBean(JdbcSyncStore.class).blocks(ids[0]).size() >= 1);
        } finally {
            server.stop();
        }
    }

    /** True once the safety reconcile of {@code group} ran and waits for its next daily round. */
    private static boolean waitsForTomorrow(CalsyncServer server, String group) {
        return server.context().getBean(SchedulerClient.class)
                .getScheduledExecution(TaskInstanceId.of(ClusterConfiguration.RECONCILE_TASK, group))
                .filter(execution -> !execution.isPicked())
                .filter(execution -> execution.getExecutionTime().isAfter(Instant.now().plus(Duration.ofHours(12))))
                .isPresent();
    }

    /** The next safety reconcile of {@code group}, brought forward (it is daily): reschedules its task to now. */
    private static boolean reconcileNow(CalsyncServer server, String group) {
        try {
            return server.context().getBean(SchedulerClient.class).reschedule(
                    TaskInstanceId.of(ClusterConfiguration.RECONCILE_TASK, group), Instant.now());
        } catch (RuntimeException running) {
            return false;
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aGroupTakenOutOfTheFileIsRetiredAtTheNextStartAndServeRemovesItsBlocks(String database) throws Exception {
        database(database);
        meeting("me@work.example", 1);
        meeting("team@work.example", 2);
        meeting("me@home.example", 3);
        syncFirst(WORK + HOME, ME + SIDE, "me", "side");
        assertThat(blocksOf("side", "me@work.example")).isEqualTo(1);
        assertThat(blocksOf("side", "team@work.example")).isEqualTo(1);
        assertThat(blocksOf("me", "me@home.example")).isEqualTo(1);

        CalsyncServer server = serve(WORK + HOME, ME);
        try {
            await().atMost(START).until(() -> blocksOf("side", "me@work.example") + blocksOf("side",
                    "team@work.example") == 0 && retiredRows(server, "side").isEmpty());
            assertThat(server.context().getBean(JdbcSyncStore.class).group("side")).isEmpty();
            assertThat(blocksOf("me", "me@home.example")).isEqualTo(1);
            assertThat(blocksOf("me", "me@work.example")).isEqualTo(1);
        } finally {
            server.stop();
        }
        assertThat(verify()).isZero();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRemovalStoppedHalfWayByOutagesResumesOnTheNextSafetyReconcile(String database) throws Exception {
        database(database);
        meeting("me@work.example", 1);
        meeting("team@work.example", 2);
        meeting("me@home.example", 3);
        syncFirst(WORK + HOME, ME + SIDE, "me", "side");

        // Every delete on the team calendar fails with 503, retries included.
        emulator.faults().failNext(1_000, FaultType.SERVICE_UNAVAILABLE,
                new FaultScope(null, "team@work.example", CallKind.DELETE));
        CalsyncServer server = serve(WORK + HOME, ME);
        try {
            await().atMost(START).until(() -> waitsForTomorrow(server, "side"));
            assertThat(blocksOf("side", "me@work.example")).isZero();
            assertThat(blocksOf("side", "team@work.example")).isEqualTo(1);
            assertThat(retiredRows(server, "side")).extracting(row -> row.target().calendarId())
                    .containsExactly("team@work.example");

            emulator.faults().reset();
            await().atMost(START).until(() -> reconcileNow(server, "side"));
            await().atMost(START).until(() -> blocksOf("side", "team@work.example") == 0
                    && retiredRows(server, "side").isEmpty());
        } finally {
            server.stop();
        }
        assertThat(verify()).isZero();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void blocksOnACalendarWhoseAccountLeftTheFileTooAreNamedAndKeptUntilItIsBack(String database)
            throws Exception {
        database(database);
        meeting("me@work.example", 1);
        meeting("team@work.example", 2);
        meeting("me@extra.example", 3);
        syncFirst(WORK + HOME + EXTRA, ME + FAR, "me", "far");
        assertThat(blocksOf("far", "team@work.example")).isEqualTo(1);
        assertThat(blocksOf("far", "me@extra.example")).isEqualTo(1);

        ListAppender<ILoggingEvent> log = new ListAppender<>();
        CalsyncServer server = serve(WORK + HOME, ME);
        Logger calsync = (Logger) LoggerFactory.getLogger("dev.calsync");
        try {
            log.start();
            calsync.addAppender(log);
            await().atMost(START).until(() -> waitsForTomorrow(server, "far"));
            assertThat(blocksOf("far", "team@work.example")).isZero();
            // Named on every safety reconcile while it cannot be reached (the first ran before the log was read).
            await().atMost(START).until(() -> reconcileNow(server, "far"));
            await().atMost(START).until(() -> log.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .anyMatch(line -> line.contains("cannot reach") && line.contains("extra/me@extra.example")));
            assertThat(blocksOf("far", "me@extra.example")).isEqualTo(1);
            assertThat(retiredRows(server, "far")).extracting(row -> row.target().accountId()).containsExactly("extra");
        } finally {
            calsync.detachAppender(log);
            server.stop();
        }

        // The account back in the file (the group still out): serve removes the block at start.
        CalsyncServer again = serve(WORK + HOME + EXTRA, ME);
        try {
            await().atMost(START).until(() -> blocksOf("far", "me@extra.example") == 0
                    && retiredRows(again, "far").isEmpty());
        } finally {
            again.stop();
        }
        assertThat(verify()).isZero();
    }
}
