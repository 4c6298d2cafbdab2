package dev.calsync.bench;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Set;

/** What one simulated user has pending between passes: changes not yet propagated, calls this minute. */
final class UserState {
    /** Simulated and wall times of the changes since the last successful pass, oldest first. */
    final ArrayDeque<Instant> pendingSim = new ArrayDeque<>();
    final ArrayDeque<Long> pendingWall = new ArrayDeque<>();
    /** The source events changed since the last successful pass ({@code calendar/event}): each needs one write. */
    final Set<String> pendingEvents = new LinkedHashSet<>();
    /** Something happened since the last pass, so it is not an idle one. */
    boolean touched;
    long minute = -1;
    long minuteCalls;
}
