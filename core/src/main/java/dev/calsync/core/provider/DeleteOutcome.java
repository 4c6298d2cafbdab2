package dev.calsync.core.provider;

public enum DeleteOutcome {
    DELETED,
    /** Already deleted or never there: nothing left to do. */
    ALREADY_GONE
}
