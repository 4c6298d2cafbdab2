package dev.calsync.core.provider;

/** Reading changes either works or tells the engine to start over with a full sync. */
public sealed interface ListOutcome {

    record Changes(ChangeSet changes) implements ListOutcome {
    }

    /** The provider expired or refused the token: drop it and do a full sync. */
    record FullSyncRequired(String reason) implements ListOutcome {
    }
}
