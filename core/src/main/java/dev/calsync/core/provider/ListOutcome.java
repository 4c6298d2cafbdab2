package dev.calsync.core.provider;

/** Reading changes either works or tells the engine to start over with a full sync. */
public sealed interface ListOutcome {

    record Changes(ChangeSet changes) implements ListOutcome {
    }

    /** The token was expired (410) or refused (400): drop it and do a full sync. */
    record FullSyncRequired(String reason) implements ListOutcome {
    }
}
