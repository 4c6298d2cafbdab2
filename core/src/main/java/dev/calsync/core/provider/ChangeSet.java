package dev.calsync.core.provider;

import dev.calsync.core.event.SourceEvent;
import java.util.List;

/**
 * The answer to a list: every event changed since the token (or every event, for a full list), all pages
 * read, and the token to store once everything it implies has been written.
 */
public record ChangeSet(List<SourceEvent> events, String nextSyncToken, boolean full) {
    public ChangeSet {
        events = List.copyOf(events);
    }
}
