package dev.calsync.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calsync.app.process.CalsyncProcesses;
import dev.calsync.emulator.GoogleCalendarEmulator;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code calsync serve} processes on one PostgreSQL (a schema of their own) and one in-process emulator, many
 * users with two calendars each, polling only. Changes are made in three rounds; right after the first one node is
 * killed ({@code kill -9}) while the others are mid-work. At the end every calendar must mirror exactly the other
 * calendar's events (no duplicate, nothing missing, nothing stale), each change written once (replays after the
 * kill may repeat a write idempotently; counted and bounded), {@code calsync verify} must agree, both surviving nodes
 * must have done work, and the JSON log of one node must hold one line per pass and no titles or tokens.
 */
class MultiNodeIT {
    static final int USERS = Integer.getInteger("calsync.multinode.users", 200);
    static final int NODES = 3;
    static final Duration POLL = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void threeNodesShareTheWorkAndAKilledNodeLosesNothing() throws Exception {
        String postgres = System.getenv("CALSYNC_TEST_POSTGRES_URL");
        assumeTrue(postgres != null && !postgres.isBlank(),
                "CALSYNC_TEST_POSTGRES_URL is not set: the multi-node test needs a shared PostgreSQL");
        String user = System.getenv().getOrDefault("CALSYNC_TEST_POSTGRES_USER", "calsync");
        String password = System.getenv().getOrDefault("CALSYNC_TEST_POSTGRES_PASSWORD", "calsync");
        String schema = "multinode_" + Long.toHexString(new SecureRandom().nextLong() & Long.MAX_VALUE);
        try (Connection connection = DriverManager.getConnection(postgres, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        long started = System.nanoTime();
        try (GoogleCalendarEmulator emulator = GoogleCalendarEmulator.start(0);
             ServeNodes nodes = new ServeNodes(dir)) {
            Random random = new Random(42);
            MirroredPairs model = new MirroredPairs(emulator, USERS, random);
            Path config = model.writeConfig(dir, postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema="
                    + schema, user, nodes.issuer(), POLL);
            String key = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
            Map<String, String> env = new HashMap<>(Map.of("CALSYNC_ENCRYPTION_KEY", key,
                    "CALSYNC_STORAGE_PASSWORD", password, "CALSYNC_SYNC_LEASE_TTL", "5s",
                    "CALSYNC_CLUSTER_PLAN_INTERVAL", "5s"));
            List<Process> processes = new ArrayList<>();
            for (int n = 0; n < NODES; n++) {
                Map<String, String> nodeEnv = new HashMap<>(env);
                if (n == 0) {
                    nodeEnv.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
                }
                processes.add(nodes.start("node" + n, nodeEnv, config));
            }
            List<Integer> ports = new ArrayList<>();
            for (int n = 0; n < NODES; n++) {
                ports.add(nodes.awaitPort("node" + n, Duration.ofSeconds(150)));
            }
            System.out.printf("multi-node: %d nodes up after %d s%n", NODES, seconds(started));

            awaitConsistent(model, Duration.ofSeconds(150), "initial sync");
            System.out.printf("multi-node: %d users (%d calendars) in sync after %d s%n", USERS, 2 * USERS,
                    seconds(started));
            long writesBefore = model.okWrites();
            int changes = 0;
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < USERS / 2; i++) {
                    model.change(random);
                    changes++;
                }
                if (round == 0) {
                    Thread.sleep(1500);
                    processes.get(1).destroyForcibly().waitFor(10, TimeUnit.SECONDS); // kill -9, mid-work
                    System.out.printf("multi-node: node1 killed after %d changes%n", changes);
                }
                Thread.sleep(POLL.toMillis() / 2);
            }
            awaitConsistent(model, Duration.ofSeconds(150), "after the kill");
            long writes = model.okWrites() - writesBefore;
            System.out.printf("multi-node: %d changes propagated, %d block writes (one target each), in sync after "
                    + "%d s in total%n", changes, writes, seconds(started));
            // At most one write per change (two changes of one event between polls make one write); a replay after
            // the kill may repeat a write (idempotent: same block id), so a few more are allowed.
            assertThat(writes).as("each change written once; replays after the kill are few")
                    .isLessThanOrEqualTo(changes + 20);

            for (int n : new int[] {0, 2}) {
                double passes = nodes.metric(ports.get(n), "calsync_sync_duration_seconds_count");
                System.out.printf("multi-node: node%d ran %.0f passes%n", n, passes);
                assertThat(passes).as("node%d shared the work", n).isGreaterThan(0);
            }
            assertNoSecretsAndJsonLines(nodes.output("node0"));
            ProcessBuilder verifyCommand = new ProcessBuilder(CalsyncProcesses.java(), "-XX:TieredStopAtLevel=1", "-jar",
                    CalsyncProcesses.jar().toString(), "verify", "--config", config.toString()).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("verify.out").toFile());
            verifyCommand.environment().put("CALSYNC_STORAGE_PASSWORD", password);
            Process verify = verifyCommand.start();
            assertThat(verify.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(verify.exitValue()).as(nodes.output("verify")).isZero();
        } finally {
            try (Connection connection = DriverManager.getConnection(postgres, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    static void awaitConsistent(MirroredPairs model, Duration timeout, String phase) {
        await(phase + ": every calendar mirrors the others").atMost(timeout).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(model.problems()).as("problems").isEmpty());
    }

    private void assertNoSecretsAndJsonLines(String log) throws IOException {
        assertThat(log).doesNotContain(MirroredPairs.TITLE_MARK).doesNotContain("tok-m");
        int syncLines = 0;
        for (String line : log.split("\n")) {
            if (line.startsWith("{") && line.contains("sync group=")) {
                JsonNode node = json.readTree(line);
                assertThat(node.path("message").asText()).startsWith("sync group=");
                syncLines++;
            }
        }
        assertThat(syncLines).as("JSON sync lines in node0's log").isGreaterThan(0);
    }

    static long seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000_000L;
    }
}
