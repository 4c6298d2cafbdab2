package dev.calsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One small run of every mode (3 users, 1 day; the naive baseline on 1 user for the first 2 simulated hours, its
 * per-day figures scaled from those 8 polls: each naive poll rewrites every block, whatever the hour), shared by the
 * assertions below. Nothing here depends on timing: only on call counts, which the engine must get exactly right.
 */
class BenchmarkTest {
    private static BenchResult result;

    @BeforeAll
    static void runSmallBenchmark() {
        BenchOptions options = new BenchOptions(3, 1, 7L, 20.0, 0.0, 0.0, Set.of());
        result = new Benchmark().naiveSampleUsers(1).naiveSimulatedHours(2).run(options, ProgressListener.NONE);
    }

    @Test
    void everyModeEndsConsistentAndBothCountersAgree() {
        assertThat(result.modes().keySet()).containsExactlyElementsOf(BenchOptions.ALL_MODES);
        result.modes().values().forEach(mode -> {
            assertThat(mode.verifyConsistent()).as(mode.mode() + " " + mode.details().get("verifyProblemSamples")).isTrue();
            assertThat(mode.details().get("countsAgree")).as(mode.mode() + " emulator vs CallTally").isEqualTo(true);
            assertThat(mode.details().get("unpropagatedChanges")).as(mode.mode()).isEqualTo(0L);
        });
    }

    @Test
    void incrementalPollingEvery15MinutesIsAtTheLowerBound() {
        ModeResult incremental = result.mode(BenchOptions.INCREMENTAL_15M);
        assertThat(incremental.lowerBound()).isPositive();
        assertThat(incremental.ratioToLowerBound()).isBetween(1.0, 1.05);
        // A poll that finds nothing costs exactly one list per calendar.
        assertThat(incremental.detail("idlePollCallsPerCalendar")).isEqualTo(1.0);
    }

    @Test
    void thePassesCpuIsSplitIntoEngineClientAndEmulatorWhereTheEmulatorAnswersInProcess() {
        for (String mode : List.of(BenchOptions.INCREMENTAL_15M, BenchOptions.PUSH)) {
            ModeResult m = result.mode(mode);
            assertThat(m.detail("emulatorCpuSeconds")).as(mode).isPositive()
                    .isLessThan(m.detail("callCpuSeconds"));
            assertThat(m.detail("callCpuSeconds")).as(mode).isLessThan(m.detail("passCpuSeconds"));
        }
        // Graph's emulator answers over loopback HTTP, on its own threads: only the client's side is on the pass's.
        ModeResult microsoft = result.mode(BenchOptions.MICROSOFT_15M);
        assertThat(microsoft.detail("emulatorCpuSeconds")).isZero();
        assertThat(microsoft.detail("callCpuSeconds")).isPositive();
    }

    @Test
    void microsoftPollingEvery15MinutesIsMeasuredAgainstTheSameLowerBound() {
        ModeResult microsoft = result.mode(BenchOptions.MICROSOFT_15M);
        ModeResult google = result.mode(BenchOptions.INCREMENTAL_15M);
        // The same workload, so the same bound: polls × calendars + changed events × targets.
        assertThat(microsoft.lowerBound()).isEqualTo(google.lowerBound());
        assertThat(microsoft.ratioToLowerBound()).isGreaterThanOrEqualTo(1.0);
        assertThat(microsoft.verifyConsistent()).isTrue();
    }

    @Test
    void pushAbsorbsTheEchoesOfItsOwnWrites() {
        ModeResult push = result.mode(BenchOptions.PUSH);
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) push.details().get("push");
        assertThat((Long) details.get("echoNotificationsAbsorbed")).isPositive();
        assertThat(push.ratioToLowerBound()).isBetween(1.0, 1.05);
        assertThat(push.callsPerUserDay()).isLessThan(result.mode(BenchOptions.INCREMENTAL_15M).callsPerUserDay());
    }

    @Test
    void naiveRewritesEveryBlockEveryPoll() {
        ModeResult naive = result.mode(BenchOptions.NAIVE);
        assertThat(naive.detail("polls")).isEqualTo(8.0);
        assertThat(naive.detail("simulatedHoursPerUser")).isEqualTo(2.0);
        assertThat(naive.callsPerUserDay()).isBetween(1_000.0, 100_000.0);
        Map<String, Double> byKind = naive.callsPerUserDayByKind();
        assertThat(byKind.get("insert")).isGreaterThan(96.0 * 40);
        assertThat(byKind.get("delete")).isGreaterThan(96.0 * 40);
        assertThat(result.mode(BenchOptions.INCREMENTAL_15M).callsPerUserDay())
                .isLessThan(naive.callsPerUserDay() * 0.08);
    }

    @Test
    void jsonHasTheShapeOfIssue8() throws Exception {
        JsonNode json = new ObjectMapper().readTree(result.report().toJson());
        assertThat(json.get("users").asInt()).isEqualTo(3);
        assertThat(json.get("days").asInt()).isEqualTo(1);
        List<String> modes = new ArrayList<>();
        json.get("modes").fieldNames().forEachRemaining(modes::add);
        assertThat(modes).containsExactlyElementsOf(BenchOptions.ALL_MODES);
        for (String mode : modes) {
            JsonNode m = json.get("modes").get(mode);
            List<String> keys = new ArrayList<>();
            m.fieldNames().forEachRemaining(keys::add);
            assertThat(keys.subList(0, 7)).containsExactly("calls", "callsPerUserDay", "lowerBound",
                    "ratioToLowerBound", "usersPerDailyQuota", "propagationP95Seconds", "verifyConsistent");
            assertThat(m.get("calls").isIntegralNumber()).isTrue();
            assertThat(m.get("verifyConsistent").isBoolean()).isTrue();
            assertThat(m.get("ratioToLowerBound").isNumber()).as(mode).isTrue();
        }
    }

    @Test
    void markdownAndSvgShowEveryMode() {
        String markdown = result.report().toMarkdown();
        String svg = result.report().toSvg();
        assertThat(svg).startsWith("<svg").endsWith("</svg>\n");
        for (String mode : BenchOptions.ALL_MODES) {
            assertThat(markdown).contains("| " + mode + " |");
            assertThat(svg).contains(">" + mode + "<");
        }
    }
}
