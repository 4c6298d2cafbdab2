package dev.calsync.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.emulator.CallKind;
import dev.calsync.store.Databases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Several {@code calsync sync} processes started together on one database (an H2 file in automatic mixed mode,
 * and PostgreSQL when CALSYNC_TEST_POSTGRES_* is set): one does the work, the others say the group is taken,
 * and nothing is written twice. A killed process's group is taken over once its lease runs out.
 */
class ConcurrentProcessesIT {
    private static final Pattern INSERTED = Pattern.compile("(\\d+) inserted");
    private static final String LEASE_HELD = "skipped, another calsync worker is syncing it right now (lease held)";

    @TempDir
    Path dir;

    static Stream<Arguments> processesAndDatabases() {
        List<Arguments> cases = new ArrayList<>();
        String postgres = System.getenv("CALSYNC_TEST_POSTGRES_URL");
        for (int processes : new int[] {2, 4}) {
            cases.add(Arguments.of(processes, "h2"));
            if (postgres != null && !postgres.isBlank()) {
                cases.add(Arguments.of(processes, "postgresql"));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} processes on {1}")
    @MethodSource("processesAndDatabases")
    void processesStartedTogetherNeverWriteABlockTwice(int processes, String database) throws Exception {
        String group = "race" + UUID.randomUUID().toString().substring(0, 8);
        try (CalsyncProcesses calsync = open(database, group)) {
            int busy = calsync.seed(40, processes);
            calsync.emulator.faults().setLatency(Duration.ofMillis(20));
            List<Process> running = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                running.add(calsync.start("sync-" + i, Map.of(), "sync", "--config", calsync.config.toString()));
            }
            int inserted = 0;
            int skipped = 0;
            for (int i = 0; i < processes; i++) {
                CalsyncProcesses.Run run = calsync.await("sync-" + i, running.get(i));
                System.out.printf("process %d of %d on %s: exit %d: %s", i, processes, database, run.exitCode(),
                        run.output().lines().filter(l -> l.startsWith("group")).findFirst().orElse("?") + "\n");
                assertThat(run.exitCode()).as(run.output()).isZero();
                if (run.output().contains(LEASE_HELD)) {
                    skipped++;
                }
                Matcher m = INSERTED.matcher(run.output());
                if (m.find()) {
                    inserted += Integer.parseInt(m.group(1));
                }
            }
            assertThat(skipped).as("processes that found the group taken").isGreaterThanOrEqualTo(1);
            assertThat(inserted).as("blocks inserted by all processes together").isEqualTo(busy * 2);
            assertThat(calsync.emulator.counters().total(CallKind.INSERT)).isEqualTo(busy * 2L);
            assertThat(calsync.blockCounts().values()).allMatch(n -> n == 1);
            assertThat(calsync.blockCounts()).hasSize(busy * 2);
            CalsyncProcesses.Run verify = calsync.run("verify", Map.of(), "verify", "--config", calsync.config.toString());
            assertThat(verify.exitCode()).as(verify.output()).isZero();
        }
    }

    @Test
    void aKilledProcesssGroupIsTakenOverOnceItsLeaseRunsOut() throws Exception {
        Map<String, String> env = Map.of("CALSYNC_SYNC_LEASE_TTL", "6s");
        try (CalsyncProcesses calsync = open("h2", "leased").hostDatabase()) {
            int busy = calsync.seed(40, 42);
            calsync.emulator.faults().setLatency(Duration.ofMillis(20));
            Process doomed = calsync.start("doomed", env, "sync", "--config", calsync.config.toString());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (calsync.emulator.counters().total(CallKind.INSERT) < 5 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            doomed.destroyForcibly().waitFor();
            long killedAt = System.nanoTime();

            CalsyncProcesses.Run early = calsync.run("early", env, "sync", "--config", calsync.config.toString());
            assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(4));
            assertThat(early.output()).as(early.output() + "\nkilled:\n" + calsync.output("doomed")).contains("group leased: " + LEASE_HELD);

            Thread.sleep(Math.max(0, Duration.ofSeconds(7).toMillis() - (System.nanoTime() - killedAt) / 1_000_000));
            CalsyncProcesses.Run late = calsync.run("late", env, "sync", "--config", calsync.config.toString());
            assertThat(late.exitCode()).as(late.output()).isZero();
            assertThat(late.output()).as(late.output()).contains("group leased (incremental): synced");
            assertThat(calsync.blockCounts()).hasSize(busy * 2);
            assertThat(calsync.blockCounts().values()).allMatch(n -> n == 1);
            CalsyncProcesses.Run verify = calsync.run("verify", env, "verify", "--config", calsync.config.toString());
            assertThat(verify.exitCode()).as(verify.output()).isZero();
        }
    }

    private CalsyncProcesses open(String database, String group) {
        if (database.equals("postgresql")) {
            // A schema of each case's own: the cases name the same accounts, so on one shared schema a later case's
            // file would (rightly) retire the group an earlier case left, and verify would report its blocks.
            String url = System.getenv("CALSYNC_TEST_POSTGRES_URL");
            String user = System.getenv().getOrDefault("CALSYNC_TEST_POSTGRES_USER", "calsync");
            String password = System.getenv().getOrDefault("CALSYNC_TEST_POSTGRES_PASSWORD", "calsync");
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + group);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot make the test's schema " + group, e);
            }
            String own = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + group;
            Databases.open(own, user, password).close();
            return new CalsyncProcesses(dir, own, user, password, group);
        }
        String url = "jdbc:h2:file:" + dir.resolve("db/calsync");
        // Migrate once beforehand, so the racing processes do not also race Flyway on a brand-new file.
        Databases.open(url, "sa", "").close();
        return new CalsyncProcesses(dir, url, null, null, group);
    }
}
