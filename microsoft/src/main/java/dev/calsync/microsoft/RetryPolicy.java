package dev.calsync.microsoft;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Bounded retries with full jitter: before retry n (0-based) wait uniformly in [0, min(maxDelay, baseDelay·2ⁿ)],
 * or what Graph's Retry-After asks, clamped to maxDelay; never more than {@code maxTotalWait} for one request.
 * Full jitter spreads the retries of many workers throttled together (Graph throttles per mailbox and app).
 *
 * @param maxAttempts calls per request, the first one included (1 = never retry)
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxTotalWait) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxTotalWait, "maxTotalWait");
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxTotalWait.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    /** 6 attempts, waits up to 0.5 s, 1 s, 2 s, 4 s, 8 s, at most 60 s in total (Graph asks for tens of seconds). */
    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    public static RetryPolicy noRetries() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The wait before retry {@code retry}: the server's Retry-After when it gave a positive one (Graph sometimes
     * sends none, or 0, which asks for nothing usable), else full jitter.
     */
    public Duration delay(int retry, Duration retryAfter, RandomGenerator random) {
        if (retryAfter != null && !retryAfter.isNegative() && !retryAfter.isZero()) {
            return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
        }
        long cap = maxDelay.toMillis();
        long base = baseDelay.toMillis();
        // 2^retry overflows quickly; once past the cap the exact power no longer matters.
        long ceiling = retry < 62 && base <= (cap >> retry) ? Math.min(cap, base << retry) : cap;
        return Duration.ofMillis(ceiling <= 0 ? 0 : random.nextLong(ceiling + 1));
    }
}
