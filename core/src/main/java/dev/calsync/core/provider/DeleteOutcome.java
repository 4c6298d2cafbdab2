package dev.calsync.core.provider;

public enum DeleteOutcome {
    DELETED,
    /** Already deleted (410) or never there (404): nothing left to do. */
    ALREADY_GONE
}
