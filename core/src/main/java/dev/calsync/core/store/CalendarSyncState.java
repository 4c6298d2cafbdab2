package dev.calsync.core.store;

import java.time.Instant;

/**
 * Where the sync of one calendar inside one group stands.
 *
 * @param syncToken      the provider's token for the next incremental list; null means "full sync next"
 * @param lastError      the last failure, as shown to the user (never a secret), or null after a success
 */
public record CalendarSyncState(String syncToken, Instant lastFullSync, Instant lastIncrementalSync,
                                String lastError, Instant lastErrorAt) {

    public static final CalendarSyncState NEW = new CalendarSyncState(null, null, null, null, null);

    public CalendarSyncState afterSuccess(String token, boolean full, Instant at) {
        return new CalendarSyncState(token, full ? at : lastFullSync, full ? lastIncrementalSync : at, null, null);
    }

    public CalendarSyncState afterFailure(String error, Instant at) {
        return new CalendarSyncState(syncToken, lastFullSync, lastIncrementalSync, error, at);
    }

    public CalendarSyncState withoutToken() {
        return new CalendarSyncState(null, lastFullSync, lastIncrementalSync, lastError, lastErrorAt);
    }
}
