package dev.calsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Token expiries and rate-limit bursts cost their retries and re-lists, which are counted, never hidden. */
class FaultsTest {

    @Test
    void expiredTokensAndRateLimitsAreCountedAndEverythingStaysConsistent() {
        BenchOptions options = new BenchOptions(2, 1, 11L, 20.0, 2.0, 2.0, Set.of(BenchOptions.INCREMENTAL_15M));
        ModeResult mode = new Benchmark().run(options, ProgressListener.NONE).mode(BenchOptions.INCREMENTAL_15M);

        assertThat(mode.verifyConsistent()).as(String.valueOf(mode.details().get("verifyProblemSamples"))).isTrue();
        assertThat(mode.detail("tokenExpiries")).isEqualTo(4.0);
        assertThat(mode.detail("rateLimitBursts")).isEqualTo(4.0);
        @SuppressWarnings("unchecked")
        Map<String, Long> outcomes = (Map<String, Long>) mode.details().get("callsByKindAndOutcome");
        assertThat(outcomes.get("list 410")).isEqualTo(4L);
        assertThat(outcomes.keySet()).anyMatch(k -> k.endsWith(" 403"));
        assertThat(mode.detail("faultCalls")).isPositive();
        assertThat(mode.ratioToLowerBound()).isGreaterThan(1.0);
        // Without the failed calls themselves, recovery costs nothing extra: the full list replaces the
        // incremental one and rewrites no block.
        assertThat(mode.detail("ratioExcludingFaults")).isEqualTo(1.0);
    }
}
