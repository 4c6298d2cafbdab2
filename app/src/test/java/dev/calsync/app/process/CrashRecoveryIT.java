package dev.calsync.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.CallKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a real {@code calsync sync} process at random moments of a large sync against the emulator
 * (20 ms per call), restarted each time, with people editing their calendars in between; then one last sync.
 * Nothing may be duplicated, nothing missing, no event without the marker changed.
 */
class CrashRecoveryIT {
    private static final int KILLS = 20;
    private static final Map<String, String> ENV = Map.of("CALSYNC_SYNC_LEASE_TTL", "1s");

    @TempDir
    Path dir;

    @Test
    void killedAtRandomMomentsTwentyTimesThenOneSyncLeavesNoDuplicateAndNothingMissing() throws Exception {
        long seed = Long.getLong("calsync.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        try (CalsyncProcesses calsync = new CalsyncProcesses(dir, "jdbc:h2:file:" + dir.resolve("db/calsync"), null,
                null, "crashy").hostDatabase()) {
            int busy = calsync.seed(60, seed);
            calsync.emulator.faults().setLatency(Duration.ofMillis(20));
            int killed = 0;
            int finished = 0;
            long started = System.nanoTime();
            for (int round = 0; round < KILLS; round++) {
                long insertsBefore = calsync.emulator.counters().total(CallKind.INSERT);
                Process sync = calsync.start("sync-" + round, ENV, "sync", "--config", calsync.config.toString());
                if (round % 2 == 0) {
                    // Anywhere from JVM start-up to well into the pass.
                    Thread.sleep(500 + random.nextInt(3500));
                } else {
                    // In the middle of the writes: after a random number of them.
                    long writesBefore = writes(calsync);
                    int k = 1 + random.nextInt(40);
                    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    while (writes(calsync) - writesBefore < k && sync.isAlive() && System.nanoTime() < deadline) {
                        Thread.sleep(2);
                    }
                }
                if (sync.isAlive()) {
                    sync.destroyForcibly().waitFor();
                    killed++;
                } else {
                    finished++;
                }
                System.out.printf("crash round %d: %s after %d inserts%n", round, sync.exitValue() == 0 ? "finished" : "killed",
                        calsync.emulator.counters().total(CallKind.INSERT) - insertsBefore);
                if (round % 4 == 1) {
                    editSomething(calsync, random);
                }
                Thread.sleep(1100); // the dead worker's 1 s lease runs out
            }
            Map<String, String> userEvents = calsync.userEvents();

            CalsyncProcesses.Run last = calsync.run("sync-final", ENV, "sync", "--config", calsync.config.toString());
            assertThat(last.exitCode()).as(last.output()).isZero();
            CalsyncProcesses.Run verify = calsync.run("verify", ENV, "verify", "--json", "--config", calsync.config.toString());
            System.out.printf("calsync crash test (seed %d): %d kill -9 at random moments, %d passes finished before "
                            + "the kill, %d busy source events, %.1f s%n", seed, killed, finished, busy,
                    (System.nanoTime() - started) / 1e9);

            assertThat(verify.exitCode()).as(verify.output()).isZero();
            JsonNode report = new ObjectMapper().readTree(verify.output().substring(verify.output().indexOf('{')));
            assertThat(report.path("consistent").asBoolean()).isTrue();
            JsonNode group = report.path("groups").get(0);
            assertThat(group.path("missing").asInt() + group.path("duplicate").asInt() + group.path("orphan").asInt()
                    + group.path("stale").asInt()).isZero();
            Map<String, Integer> blocks = calsync.blockCounts();
            assertThat(blocks.values()).as("no duplicate block").allMatch(n -> n == 1);
            assertThat(blocks).as("one block per busy source on each other calendar").hasSize(busyNow(calsync) * 2);
            assertThat(calsync.userEvents()).as("events without the marker are untouched").isEqualTo(userEvents);
        }
    }

    /** A person moves one event and deletes another while calsync keeps being killed. */
    private static void editSomething(CalsyncProcesses calsync, Random random) {
        String calendar = CalsyncProcesses.CALENDARS.get(random.nextInt(3));
        var events = calsync.emulator.userListAll(calendar, false).stream().filter(e -> !CalsyncProcesses.isBlock(e))
                .filter(e -> !e.has("recurrence")).toList();
        ObjectNode moved = events.get(random.nextInt(events.size())).deepCopy();
        Instant start = Instant.parse(moved.path("start").path("dateTime").asText()).plus(Duration.ofHours(2));
        moved.set("start", CalsyncProcesses.time(start));
        moved.set("end", CalsyncProcesses.time(start.plus(Duration.ofMinutes(45))));
        calsync.emulator.userUpdate(calendar, moved.get("id").asText(), moved);
        ObjectNode deleted = events.get(random.nextInt(events.size()));
        if (!deleted.get("id").asText().equals(moved.get("id").asText())) {
            calsync.emulator.userDelete(calendar, deleted.get("id").asText());
        }
    }

    private static long writes(CalsyncProcesses calsync) {
        var counters = calsync.emulator.counters();
        return counters.total(CallKind.INSERT) + counters.total(CallKind.UPDATE) + counters.total(CallKind.DELETE);
    }

    private static int busyNow(CalsyncProcesses calsync) {
        int busy = 0;
        for (String calendar : CalsyncProcesses.CALENDARS) {
            busy += (int) calsync.emulator.userListAll(calendar, false).stream()
                    .filter(e -> !CalsyncProcesses.isBlock(e))
                    .filter(e -> !"transparent".equals(e.path("transparency").asText())).count();
        }
        return busy;
    }
}
