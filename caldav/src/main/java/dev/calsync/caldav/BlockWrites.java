package dev.calsync.caldav;

import dev.calsync.caldav.dav.Hrefs;
import dev.calsync.caldav.ical.BlockResource;
import dev.calsync.caldav.ical.EventIds;
import dev.calsync.caldav.ical.MalformedResourceException;
import dev.calsync.caldav.read.CalendarResource;
import dev.calsync.caldav.write.PutOutcome;
import dev.calsync.caldav.write.ResourceStore;
import dev.calsync.core.block.BlockBody;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.provider.DeleteOutcome;
import dev.calsync.core.provider.InsertOutcome;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.core.provider.UpdateOutcome;
import dev.calsync.core.recurrence.Recurrences;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * The write side of the port on CalDAV. A block is the resource {@code <blockKey>.ics}: created with
 * {@code If-None-Match: *} (412: it exists, the engine updates), replaced and deleted under the ETag it was read
 * with (412: read again, apply again). An occurrence of a block series is an edit of the series' resource: a
 * sibling VEVENT with RECURRENCE-ID, or an EXDATE to cancel it. A resource without calsync's marker is never
 * changed.
 */
final class BlockWrites {
    /** Rounds of read, change, conditional write before a resource that keeps changing is left for the next pass. */
    static final int MAX_CONFLICTS = 5;

    private final ResourceCache cache;
    private final Recurrences recurrences;
    private final Clock clock;

    BlockWrites(ResourceCache cache, Recurrences recurrences, Clock clock) {
        this.cache = cache;
        this.recurrences = recurrences;
        this.clock = clock;
    }

    InsertOutcome insert(AccountSession session, CalendarRef calendar, String eventId, BlockBody body) {
        EventIds.Address address = EventIds.parse(eventId);
        if (address.isOccurrence()) {
            throw rejected(calendar, eventId, "an occurrence is written with update, never inserted");
        }
        URI href = href(session, calendar, eventId);
        String text = text(calendar, eventId, () -> BlockResource.fresh(eventId, body, clock.instant()).text());
        PutOutcome outcome = session.store.create(href, text, calendar);
        if (outcome instanceof PutOutcome.Written written) {
            cache.put(new CalendarResource(href, written.etag(), text));
            return InsertOutcome.CREATED;
        }
        if (outcome instanceof PutOutcome.PreconditionFailed) {
            return InsertOutcome.ALREADY_EXISTS;
        }
        throw new ProviderException(ProviderException.Kind.NOT_FOUND, 404, "notFound",
                "CalDAV calendar " + calendar + " is not there");
    }

    UpdateOutcome update(AccountSession session, CalendarRef calendar, String eventId, BlockBody body) {
        EventIds.Address address = EventIds.parse(eventId);
        URI href = href(session, calendar, address.seriesId());
        Edited edited;
        if (!address.isOccurrence()) {
            edited = edit(session, calendar, href, resource -> {
                resource.replaceMaster(body, clock.instant());
                return true;
            });
        } else {
            EventTime originalStart = address.originalStart();
            edited = edit(session, calendar, href, resource -> {
                if (!resource.hasOccurrence(originalStart, recurrences)) {
                    throw new NoSuchOccurrence();
                }
                if (body.cancelled()) {
                    return resource.cancelOccurrence(originalStart);
                }
                if (resource.isPlainOccurrence(originalStart, body)) {
                    return resource.resetOccurrence(originalStart);
                }
                resource.putOccurrence(originalStart, body, clock.instant());
                return true;
            });
        }
        return edited == Edited.MISSING ? UpdateOutcome.NOT_FOUND : UpdateOutcome.UPDATED;
    }

    DeleteOutcome delete(AccountSession session, CalendarRef calendar, String eventId) {
        EventIds.Address address = EventIds.parse(eventId);
        URI href = href(session, calendar, address.seriesId());
        if (address.isOccurrence()) {
            EventTime originalStart = address.originalStart();
            Edited edited = edit(session, calendar, href, resource -> resource.hasOccurrence(originalStart, recurrences)
                    && resource.cancelOccurrence(originalStart));
            return edited == Edited.CHANGED ? DeleteOutcome.DELETED : DeleteOutcome.ALREADY_GONE;
        }
        for (int round = 0; round < MAX_CONFLICTS; round++) {
            Optional<CalendarResource> current = current(session, calendar, href);
            if (current.isEmpty()) {
                return DeleteOutcome.ALREADY_GONE;
            }
            parse(calendar, eventId, current.get());
            ResourceStore.Deleted deleted = session.store.delete(href, current.get().etag(), calendar);
            cache.forget(href);
            if (deleted != ResourceStore.Deleted.PRECONDITION_FAILED) {
                return deleted == ResourceStore.Deleted.DELETED ? DeleteOutcome.DELETED : DeleteOutcome.ALREADY_GONE;
            }
        }
        throw keptChanging(calendar, eventId);
    }

    private enum Edited { CHANGED, UNCHANGED, MISSING }

    @FunctionalInterface
    private interface Change {
        /** @return false when the resource already is as wanted */
        boolean apply(BlockResource resource);
    }

    private static final class NoSuchOccurrence extends RuntimeException {
        NoSuchOccurrence() {
            super(null, null, false, false);
        }
    }

    /** Read (the cached version if any), change, write under the version's ETag; on 412 start over from a fresh read. */
    private Edited edit(AccountSession session, CalendarRef calendar, URI href, Change change) {
        String eventId = EventIds.ofResource(Hrefs.name(href));
        for (int round = 0; round < MAX_CONFLICTS; round++) {
            Optional<CalendarResource> current = current(session, calendar, href);
            if (current.isEmpty()) {
                return Edited.MISSING;
            }
            BlockResource resource = parse(calendar, eventId, current.get());
            try {
                if (!text(calendar, eventId, () -> change.apply(resource))) {
                    return Edited.UNCHANGED;
                }
            } catch (NoSuchOccurrence e) {
                return Edited.MISSING;
            }
            String text = text(calendar, eventId, resource::text);
            PutOutcome outcome = session.store.replace(href, text, current.get().etag(), calendar);
            if (outcome instanceof PutOutcome.Written written) {
                cache.put(new CalendarResource(href, written.etag(), text));
                return Edited.CHANGED;
            }
            cache.forget(href);
            if (outcome instanceof PutOutcome.Missing) {
                return Edited.MISSING;
            }
        }
        throw keptChanging(calendar, eventId);
    }

    private Optional<CalendarResource> current(AccountSession session, CalendarRef calendar, URI href) {
        Optional<CalendarResource> cached = cache.get(href);
        return cached.isPresent() ? cached : session.store.read(href, calendar);
    }

    private static BlockResource parse(CalendarRef calendar, String eventId, CalendarResource resource) {
        try {
            return BlockResource.parse(resource.ics());
        } catch (MalformedResourceException e) {
            throw rejected(calendar, eventId, "the resource there is not a calsync block we can read: " + e.getMessage());
        }
    }

    private static URI href(AccountSession session, CalendarRef calendar, String seriesId) {
        return Hrefs.member(session.account.collection(calendar.calendarId()), EventIds.resourceName(seriesId));
    }

    private static <T> T text(CalendarRef calendar, String eventId, java.util.function.Supplier<T> writing) {
        try {
            return writing.get();
        } catch (IllegalArgumentException e) {
            throw rejected(calendar, eventId, e.getMessage());
        }
    }

    private static ProviderException rejected(CalendarRef calendar, String eventId, String why) {
        return new ProviderException(ProviderException.Kind.REJECTED, 0, "unwritable",
                "CalDAV block " + eventId + " on " + calendar + ": " + why);
    }

    private static ProviderException keptChanging(CalendarRef calendar, String eventId) {
        return new ProviderException(ProviderException.Kind.TRANSIENT, 412, "conflict",
                "CalDAV block " + eventId + " on " + calendar + " changed under every one of " + MAX_CONFLICTS + " writes");
    }
}
