package dev.calsync.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(8, Duration.ofMillis(100), Duration.ofSeconds(2),
            Duration.ofSeconds(10));

    @Test
    void ceilingDoublesFromTheBaseDelayUntilTheCap() {
        assertThat(List.of(0, 1, 2, 3, 4, 5, 6)).map(policy::ceiling).containsExactly(
                Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
                Duration.ofMillis(1600), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void ceilingDoesNotOverflowForHugeRetryNumbers() {
        assertThat(policy.ceiling(63)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.ceiling(1000)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.ceiling(40)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void fullJitterDelaysStayBetweenZeroAndTheCeilingAndUseTheWholeRange() {
        Random random = new Random(42);
        for (int retry = 0; retry < 8; retry++) {
            List<Long> samples = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                samples.add(policy.delay(retry, random).toMillis());
            }
            long ceiling = policy.ceiling(retry).toMillis();
            assertThat(samples).allSatisfy(ms -> assertThat(ms).isBetween(0L, ceiling));
            // Full jitter, not "equal jitter": small delays must occur too, and large ones.
            assertThat(samples).anySatisfy(ms -> assertThat(ms).isLessThan(ceiling / 4));
            assertThat(samples).anySatisfy(ms -> assertThat(ms).isGreaterThan(ceiling * 3 / 4));
        }
    }

    @Test
    void theSameSeedGivesTheSameDelays() {
        Random a = new Random(7);
        Random b = new Random(7);
        for (int retry = 0; retry < 6; retry++) {
            assertThat(policy.delay(retry, a)).isEqualTo(policy.delay(retry, b));
        }
    }

    @Test
    void retryAfterIsClampedToTheMaximumDelayAndNeverNegative() {
        assertThat(policy.clampRetryAfter(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.clampRetryAfter(Duration.ofHours(3))).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.clampRetryAfter(Duration.ofSeconds(-5))).isEqualTo(Duration.ZERO);
    }

    @Test
    void aZeroBaseDelayNeverWaits() {
        assertThat(RetryPolicy.noRetries().delay(3, new Random(1))).isEqualTo(Duration.ZERO);
    }

    @Test
    void atLeastOneAttemptIsRequired() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultsRetryAFewTimesWithinHalfAMinute() {
        RetryPolicy defaults = RetryPolicy.defaults();
        assertThat(defaults.maxAttempts()).isGreaterThan(1);
        assertThat(defaults.maxTotalWait()).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }
}
