package dev.calsync.core.failure;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The one rule for what follows a failure, for the scheduler and the command line alike:
 * <ul>
 *   <li>a refused grant pauses the account's groups (only reconnecting helps);</li>
 *   <li>an unreachable database gives up the batch: every other group would fail the same way;</li>
 *   <li>a group another pass holds is tried again in place every {@link #BUSY_PAUSE} for up to {@code busyWait}, then
 *       after {@code busyRetry};</li>
 *   <li>anything else is rescheduled: after {@code firstRetry}, twice as late after each further failure in a row,
 *       never later than the regular pass, but never sooner than the provider's Retry-After. A passing outage is
 *       caught up within seconds; a lasting one costs a few calls an hour.</li>
 * </ul>
 *
 * @param firstRetry the wait after a first failure (then doubling)
 * @param busyRetry  the wait after a group stayed busy for all of {@code busyWait}
 * @param busyWait   how long a pass waits in place for a busy group (zero: never, as a one-shot run)
 */
public record FailurePolicy(Duration firstRetry, Duration busyRetry, Duration busyWait) {
    public static final Duration BUSY_PAUSE = Duration.ofMillis(100);

    public FailurePolicy {
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(busyRetry, "busyRetry");
        Objects.requireNonNull(busyWait, "busyWait");
    }

    /** For a one-shot run (the CLI): it never waits in place, and a reschedule means "the next run". */
    public static FailurePolicy oneShot() {
        return new FailurePolicy(Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ZERO);
    }

    public FailurePolicy withBusyWait(Duration wait) {
        return new FailurePolicy(firstRetry, busyRetry, wait);
    }

    /**
     * @param failuresInRow failures in a row, this one included (at least 1); for a busy group, the tries in place
     * @param regular       when the pass would run again had nothing failed (the poll interval)
     */
    public Decision decide(Failure failure, int failuresInRow, Instant now, Duration regular) {
        int inRow = Math.max(failuresInRow, 1);
        return switch (failure.kind()) {
            case RECONNECT_NEEDED -> new Decision.PauseAccount();
            case DATABASE_UNREACHABLE -> new Decision.GiveUpBatch(now.plus(backoff(inRow, regular)));
            case GROUP_BUSY -> BUSY_PAUSE.multipliedBy(inRow).compareTo(busyWait) <= 0
                    ? new Decision.RetryNow(BUSY_PAUSE) : new Decision.RescheduleAt(now.plus(busyRetry));
            default -> new Decision.RescheduleAt(now.plus(later(backoff(inRow, regular), failure.retryAfter())));
        };
    }

    /** Whether the failure stops an account rather than a pass. */
    public static boolean pausesAccount(Failure failure) {
        return failure.kind() == FailureKind.RECONNECT_NEEDED;
    }

    /** firstRetry · 2^(failures − 1), at most {@code regular}. */
    Duration backoff(int failuresInRow, Duration regular) {
        Duration delay = firstRetry.multipliedBy(1L << Math.min(failuresInRow - 1, 30));
        return delay.compareTo(regular) < 0 ? delay : regular;
    }

    /** Which of two failures of one attempt decides: the batch-stopping, then the account's, then the rest, then busy. */
    static int severity(FailureKind kind) {
        return switch (kind) {
            case DATABASE_UNREACHABLE -> 4;
            case RECONNECT_NEEDED -> 3;
            case GROUP_BUSY -> 1;
            default -> 2;
        };
    }

    private static Duration later(Duration delay, Duration retryAfter) {
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }
}
