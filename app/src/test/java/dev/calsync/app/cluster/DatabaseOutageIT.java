package dev.calsync.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.calsync.app.fixtures.PrivatePostgres;
import dev.calsync.app.metrics.PollSpread;
import dev.calsync.emulator.GoogleCalendarEmulator;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calsync serve} on a PostgreSQL of the test's own, stopped under it for longer than the poll interval while
 * calendars change, then started again: health answers DOWN (naming {@code db}) within the 1 s a balancer's probe
 * allows, readiness is DOWN and liveness UP; after the restart passes resume, every change is mirrored, the polls go
 * back to their slots (the spread gauge returns to what the ids give), the outage is counted once and the log names
 * its cause once, and no failure line of calsync's carries a stack trace.
 */
class DatabaseOutageIT {
    static final int USERS = 20;
    static final Duration POLL = Duration.ofSeconds(10);
    /** The bound: a balancer's probe must get an answer within a second. */
    static final Duration HEALTH_BOUND = Duration.ofSeconds(1);
    static final String OUTAGE_LINE = "passes wait and resume when it answers again";

    @TempDir
    Path dir;

    @Test
    void healthSaysDownAtOnceAndPassesResumeOnTheirSlotsLosingNothing() throws Exception {
        Optional<Path> bin = PrivatePostgres.binaries();
        assumeTrue(bin.isPresent(), "no PostgreSQL server (initdb, pg_ctl) under /usr/lib/postgresql: the outage "
                + "test stops a PostgreSQL of its own and needs the binaries to start one (Debian: postgresql)");
        long started = System.nanoTime();
        try (PrivatePostgres postgres = PrivatePostgres.start(bin.get());
             GoogleCalendarEmulator emulator = GoogleCalendarEmulator.start(0);
             ServeNodes nodes = new ServeNodes(dir)) {
            Random random = new Random(7);
            MirroredPairs model = new MirroredPairs(emulator, USERS, random);
            Path config = model.writeConfig(dir, postgres.jdbcUrl(), PrivatePostgres.USER, nodes.issuer(), POLL);
            nodes.start("serve", Map.of("CALSYNC_ENCRYPTION_KEY",
                    Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)),
                    "CALSYNC_SYNC_LEASE_TTL", "5s", "CALSYNC_CLUSTER_PLAN_INTERVAL", "5s"), config);
            int port = nodes.awaitPort("serve", Duration.ofSeconds(150));
            MultiNodeIT.awaitConsistent(model, Duration.ofSeconds(150), "initial sync");
            double slots = slotSpread(model);
            awaitSpread(nodes, port, slots, "before the outage");
            System.out.printf("outage: %d calendars in sync and spread %.3f (their slots: %.3f) after %d s%n",
                    2 * USERS, nodes.metric(port, "calsync_poll_spread"), slots, MultiNodeIT.seconds(started));

            Instant lastDue = lastPollDue(postgres);
            int logBefore = nodes.output("serve").length();
            postgres.stop();
            Instant stopped = Instant.now();
            for (int i = 0; i < 15; i++) {
                model.change(random);
            }
            List<Duration> healthTimes = new ArrayList<>();
            await("health says DOWN").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> health(nodes, port, healthTimes).statusCode() == 503);
            Duration toDown = Duration.between(stopped, Instant.now());
            // Down until every calendar's poll has come due at least once: an outage longer than the poll interval.
            await("the outage outlasts every poll's due time").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        HttpResponse<String> health = health(nodes, port, healthTimes);
                        assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
                        assertThat(health.body()).contains("\"db\":{\"status\":\"DOWN\"}");
                        return Instant.now().isAfter(lastDue.plus(POLL));
                    });
            assertThat(nodes.get(port, "/actuator/health/readiness", HEALTH_BOUND).statusCode()).isEqualTo(503);
            assertThat(nodes.get(port, "/actuator/health/liveness", HEALTH_BOUND).statusCode()).isEqualTo(200);
            Duration outage = Duration.between(stopped, Instant.now());

            postgres.startAgain();
            long restarted = System.nanoTime();
            int logAtRestart = nodes.output("serve").length();
            await("a pass succeeds after the restart").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> nodes.output("serve").substring(logAtRestart).contains("outcome=synced"));
            double resumed = (System.nanoTime() - restarted) / 1e9;
            MultiNodeIT.awaitConsistent(model, Duration.ofMinutes(2), "after the outage");
            double consistent = (System.nanoTime() - restarted) / 1e9;
            awaitSpread(nodes, port, slots, "after the outage");
            await("health says UP").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> {
                        HttpResponse<String> health = health(nodes, port, healthTimes);
                        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                    });
            List<Long> millis = healthTimes.stream().map(Duration::toMillis).sorted().toList();
            System.out.printf("outage: %d s down (poll interval %d s), health DOWN %d ms after the stop; health "
                            + "answered %d times in %d / %d / %d ms (median / 90th percentile / slowest); first pass "
                            + "%.1f s after the restart, every change mirrored after %.1f s, spread %.3f%n",
                    outage.toSeconds(), POLL.toSeconds(), toDown.toMillis(), millis.size(), millis.get(millis.size() / 2),
                    millis.get(millis.size() * 9 / 10), millis.get(millis.size() - 1), resumed, consistent,
                    nodes.metric(port, "calsync_poll_spread"));
            System.out.println("outage: health answers in ms, in order: " + healthTimes.stream().map(Duration::toMillis).toList());

            assertThat(nodes.metric(port, "calsync_database_outages_total")).as("one outage").isEqualTo(1.0);
            String log = nodes.output("serve").substring(logBefore);
            assertThat(log.split(OUTAGE_LINE, -1)).as("the outage's cause logged once:\n%s", log).hasSize(2);
            assertThat(log).as("the cause: the connection refused").containsPattern(
                    "database unreachable in the health probe \\(08001 Connection refused\\)")
                    .contains("database reachable again");
            for (String line : log.split("\n")) {
                if (line.contains("dev.calsync") && line.contains(" failed: ")) {
                    assertThat(line).as("a failure line names its cause").contains("database unreachable");
                }
                assertThat(line).as("no stack trace through calsync's code").doesNotContain("at dev.calsync.");
            }
        }
    }

    /** {@code /actuator/health}, which must answer within the bound; how long it took goes into {@code times}. */
    private static HttpResponse<String> health(ServeNodes nodes, int port, List<Duration> times) throws Exception {
        long asked = System.nanoTime();
        HttpResponse<String> health = nodes.get(port, "/actuator/health", HEALTH_BOUND);
        Duration took = Duration.ofNanos(System.nanoTime() - asked);
        assertThat(took).as("health answered within %s", HEALTH_BOUND).isLessThan(HEALTH_BOUND);
        times.add(took);
        return health;
    }

    /** The spread of the polls when each is on its slot: what the ids give, whatever the moment. */
    private static double slotSpread(MirroredPairs model) {
        return PollSpread.of(model.pollTaskIds().stream()
                .map(id -> Instant.ofEpochMilli(TaskIds.offset(id, POLL).toMillis())).toList(), POLL);
    }

    private static void awaitSpread(ServeNodes nodes, int port, double slots, String phase) {
        await(phase + ": the polls are spread as their slots are").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(nodes.metric(port, "calsync_poll_spread")).isCloseTo(slots, offset(0.02)));
    }

    /** When the last of the calendars' polls is due, from the scheduler's table. */
    private static Instant lastPollDue(PrivatePostgres postgres) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), PrivatePostgres.USER, "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT MAX(execution_time) FROM scheduled_tasks WHERE task_name = '"
                     + ClusterConfiguration.POLL_TASK + "'")) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }
}
