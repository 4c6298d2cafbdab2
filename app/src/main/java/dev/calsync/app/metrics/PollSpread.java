package dev.calsync.app.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * How evenly the calendars' polls are spread over the poll interval: each next execution time, taken modulo the
 * interval, is an angle on a circle, and the spread is one minus the length of their mean vector (the circular
 * variance). 1 means evenly spread, 0 means every poll due at the same moment of the interval: the bursts that
 * "now + interval" after an outage would make for ever.
 */
public final class PollSpread {
    private PollSpread() {
    }

    /** @return the spread in [0, 1], or NaN without executions */
    public static double of(Collection<Instant> executionTimes, Duration interval) {
        if (executionTimes.isEmpty()) {
            return Double.NaN;
        }
        long period = Math.max(1, interval.toMillis());
        double x = 0;
        double y = 0;
        for (Instant time : executionTimes) {
            double angle = 2 * Math.PI * Math.floorMod(time.toEpochMilli(), period) / period;
            x += Math.cos(angle);
            y += Math.sin(angle);
        }
        double meanLength = Math.hypot(x, y) / executionTimes.size();
        return Math.max(0, Math.min(1, 1 - meanLength));
    }
}
