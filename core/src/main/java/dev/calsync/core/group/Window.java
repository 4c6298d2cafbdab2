package dev.calsync.core.group;

import java.time.Duration;
import java.time.Instant;

/** How far into the past and future blocks are kept, relative to now. */
public record Window(int pastDays, int futureDays) {

    public static final Window DEFAULT = new Window(30, 90);

    public Window {
        if (pastDays < 0) {
            throw new IllegalArgumentException("window.pastDays must be >= 0, was " + pastDays);
        }
        if (futureDays < 1) {
            throw new IllegalArgumentException("window.futureDays must be >= 1, was " + futureDays);
        }
    }

    public Instant start(Instant now) {
        return now.minus(Duration.ofDays(pastDays));
    }

    public Instant end(Instant now) {
        return now.plus(Duration.ofDays(futureDays));
    }
}
