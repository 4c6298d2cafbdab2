package dev.calsync.caldav;

import dev.calsync.caldav.dav.Hrefs;
import dev.calsync.caldav.ical.EventIds;
import dev.calsync.caldav.ical.MalformedResourceException;
import dev.calsync.caldav.ical.ReadContext;
import dev.calsync.caldav.ical.ResourceEvents;
import dev.calsync.caldav.read.CalendarResource;
import dev.calsync.caldav.read.CollectionTag;
import dev.calsync.caldav.read.SyncRound;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.provider.ChangeSet;
import dev.calsync.core.provider.ListOutcome;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The read side of the port on CalDAV: first the collection's tag (an unchanged calendar costs this one
 * PROPFIND), then sync-collection from the stored token, or everything by calendar-query. Resources become events
 * one by one; one that cannot be read is reported and skipped, and the rest of the calendar goes on.
 */
final class EventReads {
    private static final System.Logger LOG = System.getLogger(EventReads.class.getName());

    private final ResourceCache cache;
    private final MalformedResourceListener malformed;

    EventReads(ResourceCache cache, MalformedResourceListener malformed) {
        this.cache = cache;
        this.malformed = malformed;
    }

    ListOutcome changesSince(AccountSession session, CalendarRef calendar, String token) {
        Optional<StoredToken> stored = StoredToken.parse(token);
        if (stored.isEmpty()) {
            return new ListOutcome.FullSyncRequired("not a CalDAV token");
        }
        URI collection = session.account.collection(calendar.calendarId());
        CollectionTag tag = session.reader.tag(collection, calendar);
        if (stored.get().unchanged(tag)) {
            return new ListOutcome.Changes(new ChangeSet(List.of(), token, false));
        }
        if (stored.get().kind() != StoredToken.Kind.SYNC || tag.syncToken() == null) {
            return new ListOutcome.FullSyncRequired("calendar changed and the server offers no sync-collection");
        }
        SyncRound round = session.reader.changesSince(collection, stored.get().value(), calendar);
        if (round instanceof SyncRound.TokenRefused refused) {
            return new ListOutcome.FullSyncRequired(refused.reason());
        }
        SyncRound.Changes changes = (SyncRound.Changes) round;
        List<SourceEvent> events = events(session, calendar, collection, changes.changed());
        for (URI removed : changes.removed()) {
            cache.forget(removed);
            events.add(SourceEvent.cancelled(EventIds.ofResource(Hrefs.name(removed))));
        }
        String next = new StoredToken(StoredToken.Kind.SYNC, changes.syncToken()).text();
        return new ListOutcome.Changes(new ChangeSet(events, next, false));
    }

    /** The token is taken before the read: whatever changes meanwhile is read again next time. */
    ChangeSet everything(AccountSession session, CalendarRef calendar, Instant timeMin) {
        URI collection = session.account.collection(calendar.calendarId());
        CollectionTag tag = session.reader.tag(collection, calendar);
        List<CalendarResource> resources = session.reader.everything(collection, timeMin, calendar);
        return new ChangeSet(events(session, calendar, collection, resources), StoredToken.of(tag).text(), true);
    }

    private List<SourceEvent> events(AccountSession session, CalendarRef calendar, URI collection,
                                     List<CalendarResource> resources) {
        List<SourceEvent> events = new ArrayList<>();
        if (resources.isEmpty()) {
            return events;
        }
        ReadContext context = session.context(collection);
        for (CalendarResource resource : resources) {
            try {
                List<SourceEvent> read = ResourceEvents.parse(resource.name(), resource.ics(), context);
                if (read.stream().anyMatch(e -> BlockMarker.isBlock(e.privateProperties()))) {
                    cache.put(resource);
                }
                events.addAll(read);
            } catch (MalformedResourceException e) {
                LOG.log(System.Logger.Level.WARNING, "CalDAV calendar {0}: skipped {1}: {2}", calendar, resource.name(),
                        e.getMessage());
                malformed.onSkipped(calendar, resource.name(), e.getMessage());
            }
        }
        return events;
    }
}
