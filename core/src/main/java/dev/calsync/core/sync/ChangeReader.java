package dev.calsync.core.sync;

import dev.calsync.core.store.CalendarSyncState;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.ChangeSet;
import dev.calsync.core.provider.ListOutcome;
import java.time.Instant;

/**
 * Phase one of a pass: read a calendar's changes with its token, or everything when there is no usable
 * token. An expired token is a state transition to the full list, not an exception.
 */
final class ChangeReader {
    private final CalendarProvider provider;

    ChangeReader(CalendarProvider provider) {
        this.provider = provider;
    }

    /** What a read returned; {@code fullReason} is null for an incremental read. */
    record Read(CalendarRef calendar, ChangeSet changes, String fullReason) {
        boolean full() {
            return fullReason != null;
        }
    }

    Read read(CalendarRef calendar, CalendarSyncState state, boolean forceFull, Instant timeMin) {
        if (forceFull) {
            return new Read(calendar, provider.listAll(calendar, timeMin), "full reconcile requested");
        }
        if (state.syncToken() == null) {
            return new Read(calendar, provider.listAll(calendar, timeMin), "no sync token yet");
        }
        ListOutcome outcome = provider.listChanges(calendar, state.syncToken());
        if (outcome instanceof ListOutcome.FullSyncRequired required) {
            return new Read(calendar, provider.listAll(calendar, timeMin), "sync token refused: " + required.reason());
        }
        return new Read(calendar, ((ListOutcome.Changes) outcome).changes(), null);
    }
}
