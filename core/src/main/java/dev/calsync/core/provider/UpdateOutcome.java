package dev.calsync.core.provider;

public enum UpdateOutcome {
    UPDATED,
    /** No event with that id (404): insert it instead. */
    NOT_FOUND
}
