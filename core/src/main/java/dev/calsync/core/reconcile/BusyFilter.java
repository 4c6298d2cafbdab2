package dev.calsync.core.reconcile;

import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.event.ResponseStatus;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.rules.BusyRules;
import java.util.Optional;

/**
 * Decides whether a source event makes its owner busy, and if not, why: always under the fixed rules, and under a
 * group's {@link BusyRules} (tentative, all-day, out of office, titles to skip; hours clip, they do not filter).
 */
public final class BusyFilter {
    private BusyFilter() {
    }

    public static boolean isBusy(SourceEvent event) {
        return whyNotBusy(event).isEmpty();
    }

    public static boolean isBusy(SourceEvent event, BusyRules rules) {
        return whyNotBusy(event, rules).isEmpty();
    }

    public static Optional<String> whyNotBusy(SourceEvent event) {
        return whyNotBusy(event, BusyRules.DEFAULT);
    }

    public static Optional<String> whyNotBusy(SourceEvent event, BusyRules rules) {
        if (BlockMarker.isBlock(event.privateProperties())) {
            // Loop prevention: a block mirrored back would echo between calendars for ever.
            return Optional.of("calsync block");
        }
        if (event.cancelled()) {
            return Optional.of("cancelled");
        }
        if (event.transparent() && !rules.overridesFree(event)) {
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
        return rules.whyNot(event);
    }
}
