package dev.calsync.core.reconcile;

import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.event.ResponseStatus;
import dev.calsync.core.event.SourceEvent;
import java.util.Optional;
import java.util.Set;

/** Decides whether a source event makes its owner busy, and if not, why. */
public final class BusyFilter {
    /** Event types that describe the day rather than occupy it. */
    private static final Set<String> NEVER_BUSY_TYPES = Set.of("workingLocation", "birthday");

    private BusyFilter() {
    }

    public static boolean isBusy(SourceEvent event) {
        return whyNotBusy(event).isEmpty();
    }

    public static Optional<String> whyNotBusy(SourceEvent event) {
        if (BlockMarker.isBlock(event.privateProperties())) {
            // Loop prevention: a block mirrored back would echo between calendars for ever.
            return Optional.of("calsync block");
        }
        if (event.cancelled()) {
            return Optional.of("cancelled");
        }
        if (event.transparent()) {
            return Optional.of("shown as free");
        }
        if (event.selfResponse() == ResponseStatus.DECLINED) {
            return Optional.of("declined");
        }
        if (NEVER_BUSY_TYPES.contains(event.eventType())) {
            return Optional.of(event.eventType());
        }
        if (event.start() == null || event.end() == null) {
            return Optional.of("no times");
        }
        return Optional.empty();
    }
}
