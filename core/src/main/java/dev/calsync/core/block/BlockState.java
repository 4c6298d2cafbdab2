package dev.calsync.core.block;

public enum BlockState {
    /** Written down before the write is sent: it may or may not exist on the target. */
    PENDING,
    /** Written and confirmed with the recorded content. */
    SYNCED,
    /** Edited by hand and, by the group's policy, left alone until its source changes. */
    RESPECTED
}
