package dev.calsync.core.block;

public enum BlockState {
    /** Written down before the write is sent: it may or may not exist on the target. */
    PENDING,
    /** Written and confirmed with the recorded content. */
    SYNCED,
    /** Edited by hand and, by the group's policy, left alone until its source changes. */
    RESPECTED,
    /**
     * Moved, changed or deleted by hand and, by the group's policy, to be written back now (with the
     * occurrences of a series). Only ever held during a pass: the write that follows makes it SYNCED.
     */
    EDITED
}
