package dev.calsync.store;

import static dev.calsync.store.Fixtures.T0;
import static dev.calsync.store.Fixtures.WORK;
import static dev.calsync.store.Fixtures.full;
import static dev.calsync.store.Fixtures.timed;
import static dev.calsync.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md: two CLI runs, or a CLI run next to the server, share one H2 file. H2 locks a file to one process,
 * so {@link Databases} opens file URLs with AUTO_SERVER=TRUE; these tests open one file twice.
 */
class TwoProcessesTest {

    @Test
    void twoStoresWithTheirOwnPoolsOnOneH2FileBothReadAndWrite() {
        String url = "jdbc:h2:file:" + TestDatabases.tempDir().resolve(unique("shared"));
        try (HikariDataSource first = Databases.open(url, "sa", "");
             HikariDataSource second = Databases.open(url, "sa", "")) {
            JdbcSyncStore a = new JdbcSyncStore(first);
            JdbcSyncStore b = new JdbcSyncStore(second);
            String group = unique("group");

            a.commit(group, List.of(full(WORK, "from-a", timed("e1", 1))));
            assertThat(b.syncState(group, WORK).syncToken()).isEqualTo("from-a");
            assertThat(b.cachedEvents(group, WORK)).containsExactly(timed("e1", 1));

            assertThat(a.tryAcquireLease(group, "a", T0, Duration.ofSeconds(30))).isTrue();
            assertThat(b.tryAcquireLease(group, "b", T0, Duration.ofSeconds(30))).isFalse();
            b.commit(group, List.of(full(WORK, "from-b")));
            assertThat(a.syncState(group, WORK).syncToken()).isEqualTo("from-b");
        }
    }

    @Test
    void aSecondJvmReachesAnOpenH2FileThroughAutoServer() throws Exception {
        Path file = TestDatabases.tempDir().resolve(unique("two-jvms"));
        String url = "jdbc:h2:file:" + file;
        try (HikariDataSource parentPool = Databases.open(url, "sa", "")) {
            JdbcSyncStore parent = new JdbcSyncStore(parentPool);
            String parentGroup = unique("parent");
            String childGroup = unique("child");
            parent.commit(parentGroup, List.of(full(WORK, "parent-token", timed("p1", 1), timed("p2", 2))));
            assertThat(parent.tryAcquireLease(parentGroup, "parent", T0, Duration.ofSeconds(30))).isTrue();

            Map<String, String> seen = runChild(url, parentGroup, childGroup,
                    String.valueOf(T0.plusSeconds(1).getEpochSecond()));

            assertThat(seen).containsEntry("leaseTaken", "false")
                    .containsEntry("parentToken", "parent-token")
                    .containsEntry("parentEvents", "2")
                    .containsEntry("committed", "true");
            assertThat(parent.syncState(childGroup, WORK).syncToken()).isEqualTo("child-token");
            assertThat(parent.cachedEvents(childGroup, WORK)).extracting(e -> e.id()).containsExactly("from-child");
        }
    }

    private static Map<String, String> runChild(String url, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                StoreChildProcess.class.getName(), url));
        command.addAll(List.of(args));
        File log = TestDatabases.tempDir().resolve(unique("child") + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectError(log).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
        assertThat(process.exitValue()).as("child exit; stdout: %s; stderr in %s", out, log).isZero();
        Map<String, String> seen = new HashMap<>();
        for (String line : out.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                seen.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return seen;
    }
}
