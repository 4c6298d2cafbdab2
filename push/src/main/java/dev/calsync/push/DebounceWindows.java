package dev.calsync.push;

import java.time.Duration;
import java.time.Instant;

/**
 * Debouncing by fixed windows: time is cut into windows of one length, counted from the epoch, and every
 * notification of a calendar within one window makes one sync, at the window's end. Fixed rather than sliding, so
 * that every node names the same window for the same instant without talking to the others (the sync is filed
 * under calendar + window index, once), and a steady stream of notifications cannot put its sync off for ever.
 */
public final class DebounceWindows {

    /** One window: its number since the epoch and the instant it ends (exclusive), when its sync is due. */
    public record Window(long index, Instant closes) {
    }

    private final long millis;

    /** @param length a zero or negative length means no debouncing worth the name: windows of 1 ms */
    public DebounceWindows(Duration length) {
        this.millis = Math.max(1, length.toMillis());
    }

    public Window at(Instant instant) {
        long index = Math.floorDiv(instant.toEpochMilli(), millis);
        return new Window(index, Instant.ofEpochMilli((index + 1) * millis));
    }
}
