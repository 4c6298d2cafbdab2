package dev.calsync.app.cluster;

import java.time.Duration;
import java.time.Instant;

/**
 * When a calendar is polled next: on its own slot of the interval, {@code epoch + offset(id) + k · interval}, the
 * first at least half an interval away. A poll on time lands on the slot one interval later, as "now + interval"
 * would; one that ran late (after an outage longer than the interval, when every poll ran at once) goes back to its
 * slot instead of keeping the burst for ever. The offset is the one {@link TaskIds#offset} gives every task.
 */
public final class PollSlots {
    private PollSlots() {
    }

    public static Instant next(String instanceId, Duration interval, Instant now) {
        long period = Math.max(1, interval.toMillis());
        long phase = TaskIds.offset(instanceId, interval).toMillis();
        long earliest = now.toEpochMilli() + period / 2;
        long slots = Math.floorDiv(earliest - phase + period - 1, period);
        return Instant.ofEpochMilli(phase + slots * period);
    }
}
