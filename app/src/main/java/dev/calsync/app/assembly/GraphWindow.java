package dev.calsync.app.assembly;

import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.Window;
import java.time.Duration;
import java.util.List;

/**
 * The delta window the Graph adapter opens on a full read. Graph fixes a delta round's window when the round
 * starts, so it must reach beyond the furthest {@code window.futureDays} of the groups ({@code horizon}) for as
 * long as the round lives; the span adds the longest {@code pastDays} and {@link #BASELINE_EVERY} days, which is how
 * often a calendar's window moves by a new baseline. With the default windows this is the adapter's own default:
 * 30 + 180 + 190 = 400 days.
 *
 * @param span    how far a full read reaches from its start
 * @param horizon how far ahead of now a round's window must still reach
 */
record GraphWindow(Duration span, Duration horizon) {

    static final int MIN_HORIZON_DAYS = 180;
    static final int BASELINE_EVERY = 190;

    /** Wide enough for every group of {@code groups} (groups made later in the web UI get at least the default). */
    static GraphWindow covering(List<SyncGroup> groups) {
        int past = groups.stream().mapToInt(g -> g.window().pastDays()).max().orElse(Window.DEFAULT.pastDays());
        int future = Math.max(MIN_HORIZON_DAYS, groups.stream().mapToInt(g -> g.window().futureDays()).max().orElse(0));
        return new GraphWindow(Duration.ofDays(past + future + BASELINE_EVERY), Duration.ofDays(future));
    }
}
