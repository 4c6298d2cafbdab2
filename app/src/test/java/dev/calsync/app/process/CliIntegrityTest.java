package dev.calsync.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.app.cli.CalsyncCli;
import dev.calsync.app.cli.CliContext;
import dev.calsync.app.config.ConfigLoader;
import dev.calsync.app.runtime.LeaseSettings;
import dev.calsync.app.runtime.SafetyReconcile;
import dev.calsync.app.runtime.SyncRuntime;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallListener;
import dev.calsync.core.store.CalendarCommit;
import dev.calsync.core.store.CalendarSyncState;
import dev.calsync.google.GoogleCalendarProvider;
import dev.calsync.core.provider.StaticAccessTokens;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.store.AccountStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The integrity tools and the reactions to a refused account, through the command line (in-process): verify
 * --json per group, cleanup, a revoked token pausing only its own groups, the safety reconcile, and the lease
 * TTL override.
 */
class CliIntegrityTest {
    private static final Instant TODAY = Instant.now().truncatedTo(ChronoUnit.DAYS);

    @TempDir
    Path dir;

    private GoogleCalendarEmulator emulator;
    private Path config;
    private final String db = "jdbc:h2:mem:cli" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void start() throws Exception {
        emulator = GoogleCalendarEmulator.start(0);
        emulator.addAccount("work", "work-token").addAccount("home", "home-token")
                .addAccount("bob", "bob-token");
        emulator.addCalendar("work", "alice@work.example", "Work", true);
        emulator.addCalendar("home", "alice@home.example", "Home", true);
        emulator.addCalendar("bob", "bob@work.example", "Bob work", true);
        emulator.addCalendar("bob", "bob@home.example", "Bob home", false);
        config = write("work-token");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private Path write(String workToken) throws Exception {
        Path file = dir.resolve("calsync.yml");
        Files.writeString(file, """
                storage: {url: "%s"}
                google: {rootUrl: "%s"}
                accounts:
                  - {id: work, accessToken: "%s", owner: alice}
                  - {id: home, accessToken: "home-token", owner: alice}
                  - {id: bob, accessToken: "bob-token", owner: bob}
                groups:
                  - id: alice
                    owner: alice
                    calendars:
                      - {account: work, calendar: alice@work.example}
                      - {account: home, calendar: alice@home.example}
                  - id: bob
                    owner: bob
                    calendars:
                      - {account: bob, calendar: bob@work.example}
                      - {account: bob, calendar: bob@home.example}
                """.formatted(db, emulator.rootUrl(), workToken));
        return file;
    }

    @Test
    void verifyJsonReportsEachKindOfProblemPerGroupAndCleanupFixesThem() throws Exception {
        create("alice@work.example", 1);
        String h = create("alice@home.example", 2);
        create("bob@work.example", 3);
        assertThat(cli("sync").exitCode).isZero();
        assertThat(json(cli("verify", "--json")).path("consistent").asBoolean()).isTrue();

        // One of each: a missing block (deleted by hand), a duplicate and an orphan (left by an older version),
        // a stale block (its source moved while calsync was not running).
        List<ObjectNode> homeBlocks = blocks("alice@home.example");
        emulator.userDelete("alice@home.example", homeBlocks.get(0).get("id").asText());
        ObjectNode workBlock = blocks("alice@work.example").get(0);
        emulator.userInsert("alice@work.example", copyWithoutId(workBlock));
        ObjectNode orphan = copyWithoutId(workBlock);
        ((ObjectNode) orphan.path("extendedProperties").path("private")).put(BlockMarker.SOURCE_EVENT, "vanished00");
        emulator.userInsert("alice@work.example", orphan);
        ObjectNode moved = emulator.userGet("alice@home.example", h).deepCopy();
        moved.set("start", CalsyncProcesses.time(TODAY.plus(Duration.ofDays(4))));
        moved.set("end", CalsyncProcesses.time(TODAY.plus(Duration.ofDays(4)).plus(Duration.ofHours(1))));
        emulator.userUpdate("alice@home.example", h, moved);

        Result verify = cli("verify", "--json");
        assertThat(verify.exitCode).isEqualTo(1);
        JsonNode report = json(verify);
        assertThat(report.path("consistent").asBoolean()).isFalse();
        JsonNode alice = group(report, "alice");
        assertThat(alice.path("missing").asInt()).isEqualTo(1);
        assertThat(alice.path("duplicate").asInt()).isEqualTo(1);
        assertThat(alice.path("orphan").asInt()).isEqualTo(1);
        assertThat(alice.path("stale").asInt()).isEqualTo(1);
        assertThat(alice.path("problems").size()).isGreaterThanOrEqualTo(4); // plus busy-time mismatches
        assertThat(group(report, "bob").path("consistent").asBoolean()).isTrue();
        assertThat(verify.out).doesNotContain("secret").doesNotContain("meeting");

        assertThat(cli("cleanup", "--dry-run").exitCode).isEqualTo(1);
        assertThat(cli("cleanup").exitCode).isZero();
        Result after = cli("verify", "--json");
        assertThat(after.exitCode).as(after.out).isZero();
        assertThat(json(after).path("consistent").asBoolean()).isTrue();
    }

    @Test
    void aRevokedAccountPausesOnlyItsGroupsAndNothingIsDeleted() throws Exception {
        create("alice@work.example", 1);
        create("alice@home.example", 2);
        create("bob@work.example", 3);
        assertThat(cli("sync").exitCode).isZero();
        int aliceBlocks = blocks("alice@work.example").size() + blocks("alice@home.example").size();

        write("revoked-token"); // the person revoked calsync's access: Google answers 401
        create("bob@home.example", 4);
        Result refused = cli("sync", "--json");
        assertThat(refused.exitCode).isEqualTo(1);
        JsonNode groups = json(refused).path("groups");
        assertThat(group(groups, "alice").path("reconnectNeeded").toString()).contains("work");
        assertThat(group(groups, "alice").path("pausedGroups").toString()).contains("alice");
        assertThat(group(groups, "bob").path("outcome").asText()).isEqualTo("synced");
        assertThat(blocks("bob@work.example")).hasSize(1); // the other group went on
        assertThat(blocks("alice@work.example").size() + blocks("alice@home.example").size()).isEqualTo(aliceBlocks);

        Result paused = cli("sync");
        assertThat(paused.out).contains("group alice: skipped, paused until account work is reconnected");
        Result cleanup = cli("cleanup"); // the same pause rule as sync: a paused group is not touched
        assertThat(cleanup.out).contains("group alice: skipped, paused until account work is reconnected");
        assertThat(cleanup.exitCode).isEqualTo(1);
        try (SyncRuntime runtime = runtime()) {
            assertThat(runtime.store().isPaused("alice")).isTrue();
            assertThat(runtime.store().isPaused("bob")).isFalse();
            assertThat(runtime.accounts().find("work").orElseThrow().status())
                    .isEqualTo(AccountStatus.RECONNECT_NEEDED);
        }
        assertThat(blocks("alice@work.example").size() + blocks("alice@home.example").size()).isEqualTo(aliceBlocks);

        write("work-token"); // connected again
        Result resumed = cli("sync", "--resume");
        assertThat(resumed.exitCode).as(resumed.out).isZero();
        assertThat(cli("verify").exitCode).isZero();
    }

    @Test
    void theSafetyReconcileFindsNothingOnAHealthyGroupAndRaisesAnAlertWithCountsOnDrift() throws Exception {
        create("alice@work.example", 1);
        create("bob@home.example", 2);
        assertThat(cli("sync").exitCode).isZero();
        List<String> alerts = new ArrayList<>();
        try (SyncRuntime runtime = runtime()) {
            SafetyReconcile safety = new SafetyReconcile(runtime.engine()::sync, runtime.store(), alerts::add,
                    runtime.retiredRemoval());
            var groups = runtime.store().groups().stream().filter(g -> List.of("alice", "bob").contains(g.id())).toList();

            SafetyReconcile.Result healthy = safety.run(groups);
            assertThat(healthy.clean()).isTrue();
            assertThat(alerts).isEmpty();

            // Drift incremental sync cannot see: a block the store does not know (an older version's leftover)
            // whose change the provider's feed lost, so the stored token is already past it.
            ObjectNode leftover = copyWithoutId(blocks("alice@home.example").get(0));
            ((ObjectNode) leftover.path("extendedProperties").path("private")).put(BlockMarker.SOURCE_EVENT, "gone00000");
            emulator.userInsert("alice@home.example", leftover);
            CalendarRef home = new CalendarRef("home", "alice@home.example");
            String tokenPastIt = new GoogleCalendarProvider(emulator.rootUrl(), StaticAccessTokens.of("home", "home-token"),
                    CallListener.NONE).listAll(home, Instant.EPOCH).nextSyncToken();
            CalendarSyncState state = runtime.store().syncState("alice", home);
            runtime.store().commit("alice", List.of(new CalendarCommit(home, false, List.of(),
                    state.afterSuccess(tokenPastIt, false, Instant.now()))));
            SafetyReconcile.Result drift = safety.run(groups);
            assertThat(drift.fixes()).isEqualTo(1);
            assertThat(alerts).singleElement().asString().contains("integrity alert", "group alice", "1 deleted")
                    .doesNotContain("Busy").doesNotContain("private");
        }
        assertThat(cli("verify").exitCode).isZero();
    }

    @Test
    void aBadLeaseTtlOverrideIsAConfigurationErrorNamingTheVariable() {
        Result result = cli(Map.of(LeaseSettings.TTL_VARIABLE, "soon"), "sync");
        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.err).contains("CALSYNC_SYNC_LEASE_TTL").contains("not a duration 'soon'");
        Result tooShort = cli(Map.of(LeaseSettings.TTL_VARIABLE, "10ms"), "sync");
        assertThat(tooShort.exitCode).isEqualTo(2);
        assertThat(tooShort.err).contains("CALSYNC_SYNC_LEASE_TTL").contains("at least 1s");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private record Result(int exitCode, String out, String err) {
    }

    private Result cli(String... args) {
        return cli(Map.of(), args);
    }

    private Result cli(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(config.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CalsyncCli.run(new CliContext(env, dir), new PrintWriter(out, true), new PrintWriter(err, true),
                all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private SyncRuntime runtime() {
        return new SyncRuntime(new ConfigLoader(Map.of()).load(config), Map.of());
    }

    private String create(String calendar, int day) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("summary", "secret meeting");
        event.set("start", CalsyncProcesses.time(TODAY.plus(Duration.ofDays(day)).plus(Duration.ofHours(9))));
        event.set("end", CalsyncProcesses.time(TODAY.plus(Duration.ofDays(day)).plus(Duration.ofHours(10))));
        return emulator.userInsert(calendar, event).get("id").asText();
    }

    private List<ObjectNode> blocks(String calendar) {
        return emulator.userListAll(calendar, false).stream().filter(CalsyncProcesses::isBlock).toList();
    }

    private static ObjectNode copyWithoutId(ObjectNode event) {
        ObjectNode copy = event.deepCopy();
        copy.remove(List.of("id", "etag", "iCalUID"));
        return copy;
    }

    private static JsonNode json(Result result) throws Exception {
        return new ObjectMapper().readTree(result.out.substring(result.out.indexOf('{')));
    }

    private static JsonNode group(JsonNode reportOrGroups, String id) {
        JsonNode groups = reportOrGroups.isArray() ? reportOrGroups : reportOrGroups.path("groups");
        for (JsonNode group : groups) {
            if (id.equals(group.path("group").asText())) {
                return group;
            }
        }
        throw new AssertionError("no group " + id + " in " + reportOrGroups);
    }
}
