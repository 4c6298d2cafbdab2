package dev.calsync.core.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.provider.ProviderException;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration SIX_HOURS = Duration.ofHours(6);

    private final FailurePolicy policy = new FailurePolicy(Duration.ofSeconds(30), Duration.ofSeconds(2),
            Duration.ofSeconds(5));

    @Test
    void failuresInARowWaitTwiceAsLongEachTimeUpToTheRegularPass() {
        Failure unavailable = Failure.of(FailureKind.PROVIDER_UNAVAILABLE, null);
        assertThat(policy.decide(unavailable, 1, NOW, SIX_HOURS)).isEqualTo(at(Duration.ofSeconds(30)));
        assertThat(policy.decide(unavailable, 2, NOW, SIX_HOURS)).isEqualTo(at(Duration.ofMinutes(1)));
        assertThat(policy.decide(unavailable, 5, NOW, SIX_HOURS)).isEqualTo(at(Duration.ofMinutes(8)));
        assertThat(policy.decide(unavailable, 10, NOW, SIX_HOURS)).isEqualTo(at(Duration.ofSeconds(30 * 512)));
        assertThat(policy.decide(unavailable, 11, NOW, SIX_HOURS)).isEqualTo(at(SIX_HOURS));
        assertThat(policy.decide(unavailable, 1_000, NOW, SIX_HOURS)).as("no overflow").isEqualTo(at(SIX_HOURS));
        assertThat(policy.decide(unavailable, 1, NOW, Duration.ofSeconds(10))).as("never later than the regular pass")
                .isEqualTo(at(Duration.ofSeconds(10)));
    }

    @Test
    void theProvidersRetryAfterIsNeverCutShortButDoesNotShortenTheBackoff() {
        Failure rateLimited = failure(429, Duration.ofMinutes(20));
        assertThat(policy.decide(rateLimited, 1, NOW, Duration.ofMinutes(5))).as("longer than the regular poll too")
                .isEqualTo(at(Duration.ofMinutes(20)));
        assertThat(policy.decide(failure(429, Duration.ofSeconds(3)), 1, NOW, SIX_HOURS))
                .isEqualTo(at(Duration.ofSeconds(30)));
    }

    @Test
    void aRefusedGrantPausesTheAccountAndAnUnreachableDatabaseGivesUpTheBatch() {
        assertThat(policy.decide(Failure.of(new ProviderException(ProviderException.Kind.UNAUTHORIZED, 401, null,
                "refused")), 1, NOW, SIX_HOURS)).isInstanceOf(Decision.PauseAccount.class);
        assertThat(policy.decide(Failure.of(FailureKind.DATABASE_UNREACHABLE, "connection refused"), 2, NOW, SIX_HOURS))
                .isEqualTo(new Decision.GiveUpBatch(NOW.plus(Duration.ofMinutes(1))));
    }

    @Test
    void aBusyGroupIsTriedAgainInPlaceForTheBusyWaitThenRescheduled() {
        assertThat(policy.decide(Failure.groupBusy(), 1, NOW, SIX_HOURS))
                .isEqualTo(new Decision.RetryNow(FailurePolicy.BUSY_PAUSE));
        assertThat(policy.decide(Failure.groupBusy(), 50, NOW, SIX_HOURS)).as("50 × 100 ms = the 5 s wait")
                .isEqualTo(new Decision.RetryNow(FailurePolicy.BUSY_PAUSE));
        assertThat(policy.decide(Failure.groupBusy(), 51, NOW, SIX_HOURS)).isEqualTo(at(Duration.ofSeconds(2)));
        assertThat(FailurePolicy.oneShot().decide(Failure.groupBusy(), 1, NOW, SIX_HOURS))
                .as("a one-shot run never waits").isInstanceOf(Decision.RescheduleAt.class);
    }

    @Test
    void aProviderFailureKeepsItsStatusReasonAndRetryAfter() {
        Failure failure = Failure.of(new ProviderException(ProviderException.Kind.TRANSIENT, 503, "backendError",
                "Google events.list gave up after 6 attempts", null, Duration.ofSeconds(90)));
        assertThat(failure.kind()).isEqualTo(FailureKind.PROVIDER_UNAVAILABLE);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(90));
        assertThat(failure.description())
                .isEqualTo("temporarily unavailable (503 backendError): Google events.list gave up after 6 attempts");
    }

    @Test
    void theFailureThatDecidesAnAttemptIsTheMostSeriousThenTheLongestWait() {
        Failure busy = Failure.groupBusy();
        Failure unavailable = failure(503, null);
        Failure rateLimited = failure(429, Duration.ofMinutes(1));
        Failure database = Failure.of(FailureKind.DATABASE_UNREACHABLE, null);
        assertThat(busy.worse(unavailable)).isSameAs(unavailable);
        assertThat(unavailable.worse(rateLimited)).isSameAs(rateLimited);
        assertThat(rateLimited.worse(database)).isSameAs(database);
        assertThat(database.worse(null)).isSameAs(database);
    }

    @Property
    void aRescheduleIsAfterNowNotSoonerThanRetryAfterAndNeverSoonerForMoreFailures(
            @ForAll @IntRange(min = 1, max = 200) int failures,
            @ForAll @LongRange(min = 1, max = 86_400) long regularSeconds,
            @ForAll @LongRange(min = 0, max = 86_400) long retryAfterSeconds) {
        Duration regular = Duration.ofSeconds(regularSeconds);
        Failure failure = failure(429, retryAfterSeconds == 0 ? null : Duration.ofSeconds(retryAfterSeconds));
        Instant at = ((Decision.RescheduleAt) policy.decide(failure, failures, NOW, regular)).at();
        Instant next = ((Decision.RescheduleAt) policy.decide(failure, failures + 1, NOW, regular)).at();
        assertThat(at).isAfter(NOW);
        assertThat(at).isBeforeOrEqualTo(NOW.plus(regular).plusSeconds(retryAfterSeconds));
        assertThat(Duration.between(NOW, at)).isGreaterThanOrEqualTo(Duration.ofSeconds(retryAfterSeconds));
        assertThat(next).isAfterOrEqualTo(at);
    }

    private static Failure failure(int status, Duration retryAfter) {
        return Failure.of(new ProviderException(ProviderException.Kind.TRANSIENT, status, null, "failed", null,
                retryAfter));
    }

    private static Decision at(Duration after) {
        return new Decision.RescheduleAt(NOW.plus(after));
    }
}
