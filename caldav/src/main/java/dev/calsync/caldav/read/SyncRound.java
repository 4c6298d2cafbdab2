package dev.calsync.caldav.read;

import java.net.URI;
import java.util.List;

/** The answer to a sync-collection report: the members changed and removed since the token, or a refusal. */
public sealed interface SyncRound {

    record Changes(List<CalendarResource> changed, List<URI> removed, String syncToken) implements SyncRound {
        public Changes {
            changed = List.copyOf(changed);
            removed = List.copyOf(removed);
        }
    }

    /** The server will not continue from the token (expired, unknown, or it keeps failing): read everything. */
    record TokenRefused(String reason) implements SyncRound {
    }
}
