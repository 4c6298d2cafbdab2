package dev.calsync.core.reconcile;

import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.event.ResponseStatus;
import dev.calsync.core.event.SourceEvent;
import java.util.Optional;

/** Decides whether a source event makes its owner busy, and if not, why. */
public final class BusyFilter {
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
        if (event.kind().describesTheDay()) {
            return Optional.of(event.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        if (event.start() == null || event.end() == null) {
            return Optional.of("no times");
        }
        return Optional.empty();
    }
}
