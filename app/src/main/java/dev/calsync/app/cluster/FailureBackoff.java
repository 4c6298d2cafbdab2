package dev.calsync.app.cluster;

import java.time.Duration;

/**
 * When a failed pass is tried again: soon ({@code first}), then twice as late after each further failure in a row,
 * but never later than the calendar's next regular poll. A passing outage is caught up within seconds; a lasting
 * one (a target that refuses every write) costs a few calls an hour, not a pass a minute.
 */
public record FailureBackoff(Duration first) {

    /** @param failures failures in a row, this one included (at least 1) */
    public Duration after(int failures, Duration regular) {
        Duration delay = first.multipliedBy(1L << Math.min(Math.max(failures, 1) - 1, 30));
        return delay.compareTo(regular) < 0 ? delay : regular;
    }
}
