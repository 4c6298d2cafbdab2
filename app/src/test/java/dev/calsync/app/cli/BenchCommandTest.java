package dev.calsync.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void aSmallBenchPrintsTheJsonScriptsCompareAndWritesTheReportFiles() throws Exception {
        Path out = dir.resolve("results");

        CliRun result = CliRun.run(dir, Map.of(), "bench", "--users", "2", "--days", "1", "--modes",
                "incremental15m,push", "--json", "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("users").asInt()).isEqualTo(2);
        assertThat(json.get("days").asInt()).isEqualTo(1);
        for (String mode : new String[] {"incremental15m", "push"}) {
            JsonNode m = json.at("/modes/" + mode);
            assertThat(m.get("verifyConsistent").asBoolean()).as(mode).isTrue();
            assertThat(m.get("calls").asLong()).as(mode).isGreaterThanOrEqualTo(m.get("lowerBound").asLong());
            assertThat(m.get("ratioToLowerBound").asDouble()).as(mode).isBetween(1.0, 1.05);
        }
        assertThat(json.at("/modes/push/callsPerUserDay").asDouble())
                .isLessThan(json.at("/modes/incremental15m/callsPerUserDay").asDouble());
        assertThat(out.resolve("bench.json")).exists();
        assertThat(Files.readString(out.resolve("bench.md"))).contains("incremental15m", "push");
        assertThat(Files.readString(out.resolve("bench.svg"))).startsWith("<svg");
    }
}
