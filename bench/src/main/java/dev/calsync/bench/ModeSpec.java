package dev.calsync.bench;

import dev.calsync.core.group.SyncMode;
import java.time.Duration;

/**
 * One mode of the benchmark: the groups' sync mode, how often they are polled (push: not at all), and whether the
 * calendars are Microsoft 365 ones (the Graph emulator and adapter) rather than Google's.
 */
record ModeSpec(String key, SyncMode syncMode, Duration pollInterval, boolean microsoft, Duration pushMerge) {

    /**
     * How long Google merges a channel's changes into one notification in {@link BenchOptions#PUSH_MERGING}
     * (Google documents no figure; {@code -Dcalsync.bench.mergeSeconds=N} to try another).
     */
    static final Duration GOOGLE_MERGE_WINDOW = Duration.ofSeconds(Long.getLong("calsync.bench.mergeSeconds", 30));

    ModeSpec(String key, SyncMode syncMode, Duration pollInterval, boolean microsoft) {
        this(key, syncMode, pollInterval, microsoft, Duration.ZERO);
    }


    static ModeSpec of(String key) {
        return switch (key) {
            case BenchOptions.NAIVE -> new ModeSpec(key, SyncMode.NAIVE, Duration.ofMinutes(15), false);
            case BenchOptions.FULL -> new ModeSpec(key, SyncMode.FULL, Duration.ofMinutes(15), false);
            case BenchOptions.INCREMENTAL_15M -> new ModeSpec(key, SyncMode.INCREMENTAL, Duration.ofMinutes(15), false);
            case BenchOptions.MICROSOFT_15M -> new ModeSpec(key, SyncMode.INCREMENTAL, Duration.ofMinutes(15), true);
            case BenchOptions.INCREMENTAL_5M -> new ModeSpec(key, SyncMode.INCREMENTAL, Duration.ofMinutes(5), false);
            case BenchOptions.PUSH -> new ModeSpec(key, SyncMode.INCREMENTAL, null, false);
            case BenchOptions.PUSH_MERGING -> new ModeSpec(key, SyncMode.INCREMENTAL, null, false, GOOGLE_MERGE_WINDOW);
            default -> throw new IllegalArgumentException("unknown mode " + key);
        };
    }

    boolean push() {
        return pollInterval == null;
    }
}
