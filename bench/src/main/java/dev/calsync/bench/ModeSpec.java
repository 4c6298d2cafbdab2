package dev.calsync.bench;

import dev.calsync.core.group.SyncMode;
import java.time.Duration;

/** One mode of the benchmark: the groups' sync mode and how often they are polled (push: not at all). */
record ModeSpec(String key, SyncMode syncMode, Duration pollInterval) {

    static ModeSpec of(String key) {
        return switch (key) {
            case BenchOptions.NAIVE -> new ModeSpec(key, SyncMode.NAIVE, Duration.ofMinutes(15));
            case BenchOptions.FULL -> new ModeSpec(key, SyncMode.FULL, Duration.ofMinutes(15));
            case BenchOptions.INCREMENTAL_15M -> new ModeSpec(key, SyncMode.INCREMENTAL, Duration.ofMinutes(15));
            case BenchOptions.INCREMENTAL_5M -> new ModeSpec(key, SyncMode.INCREMENTAL, Duration.ofMinutes(5));
            case BenchOptions.PUSH -> new ModeSpec(key, SyncMode.INCREMENTAL, null);
            default -> throw new IllegalArgumentException("unknown mode " + key);
        };
    }

    boolean push() {
        return pollInterval == null;
    }
}
