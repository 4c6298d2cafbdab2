package dev.calsync.core.provider;

public enum InsertOutcome {
    CREATED,
    /** An event with that id exists, or existed and was deleted (Google's 409). */
    ALREADY_EXISTS
}
