package dev.calsync.core.group;

/** The feature flag: how a pass brings blocks up to date. */
public enum SyncMode {
    /** Sync tokens: read only what changed, write only what differs. The default. */
    INCREMENTAL,
    /** Full reconcile on every pass: list everything and converge. The rollback. */
    FULL,
    /** Delete every block and create it again, as the old poller did. Benchmark baseline only. */
    NAIVE;

    public static SyncMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown sync mode '" + text + "' (incremental, full or naive)");
        }
    }
}
