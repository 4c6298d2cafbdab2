package dev.calsync.caldav.dav;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Bounded retries with full jitter: before retry n (0-based) wait uniformly in [0, min(cap, base·2ⁿ)], or what
 * the server's Retry-After asks, clamped to the cap; never more than {@code maxTotalWait} for one request.
 *
 * @param maxAttempts calls per request, the first one included (1 = never retry)
 */
public record Backoff(int maxAttempts, Duration base, Duration cap, Duration maxTotalWait) {

    public Backoff {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(maxTotalWait, "maxTotalWait");
        if (base.isNegative() || cap.isNegative() || maxTotalWait.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    /** 5 attempts, waits up to 0.5 s, 1 s, 2 s, 4 s, at most 20 s in total. */
    public static Backoff defaults() {
        return new Backoff(5, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    public static Backoff none() {
        return new Backoff(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** The wait before retry {@code retry}: the server's wish if it stated one, else full jitter. */
    public Duration delay(int retry, Duration retryAfter, RandomGenerator random) {
        if (retryAfter != null) {
            return retryAfter.isNegative() ? Duration.ZERO : min(retryAfter, cap);
        }
        long ceiling = cap.toMillis();
        if (retry < 62 && base.toMillis() <= (ceiling >> retry)) {
            ceiling = base.toMillis() << retry;
        }
        return Duration.ofMillis(ceiling <= 0 ? 0 : random.nextLong(ceiling + 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
