package dev.calsync.google;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Bounded exponential backoff with full jitter: before retry n (0-based) wait a uniformly random time in
 * [0, min(maxDelay, baseDelay * 2^n)]. Full jitter spreads the retries of many workers hit by the same
 * rate limit instead of letting them come back in lock step.
 *
 * @param maxAttempts  calls per logical request, the first one included (1 = never retry)
 * @param baseDelay    ceiling of the first wait
 * @param maxDelay     cap of every single wait, also the clamp for a server's Retry-After
 * @param maxTotalWait give up rather than wait longer than this in total for one request
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

    /** 6 attempts, waits up to 0.5 s, 1 s, 2 s, 4 s, 8 s, at most 30 s in total. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(16), Duration.ofSeconds(30));
    }

    public static RetryPolicy noRetries() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** The largest wait allowed before retry {@code retry} (0-based): min(maxDelay, baseDelay * 2^retry). */
    public Duration ceiling(int retry) {
        long base = baseDelay.toMillis();
        long cap = maxDelay.toMillis();
        // 2^retry overflows long quickly; once past the cap the exact power no longer matters.
        if (retry >= 62 || base > (cap >> Math.min(retry, 62))) {
            return maxDelay;
        }
        return Duration.ofMillis(Math.min(cap, base << retry));
    }

    /** A full-jitter wait before retry {@code retry}: uniform in [0, ceiling(retry)] milliseconds. */
    public Duration delay(int retry, RandomGenerator random) {
        long ceiling = ceiling(retry).toMillis();
        return Duration.ofMillis(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
    }

    /** A server's Retry-After, clamped so a hostile or buggy header cannot park a worker. */
    public Duration clampRetryAfter(Duration retryAfter) {
        if (retryAfter.isNegative()) {
            return Duration.ZERO;
        }
        return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
    }
}
