package dev.calsync.caldav;

import dev.calsync.caldav.dav.Hrefs;
import dev.calsync.caldav.ical.BlockResource;
import dev.calsync.caldav.ical.EventIds;
import dev.calsync.caldav.ical.MalformedResourceException;
import dev.calsync.caldav.read.CalendarResource;
import dev.calsync.caldav.write.PutOutcome;
import dev.calsync.caldav.write.ResourceStore;
import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockHandle;
import dev.calsync.core.block.OccurrenceRef;
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
import java.util.function.Supplier;

/**
 * The write side of the port on CalDAV. A block is the resource {@code <key>.ics} (the client names resources, so
 * the key is the provider's id too): created with {@code If-None-Match: *} (412: it exists, the engine updates),
 * replaced and deleted under the ETag it was last seen with (412: read again, apply again). An occurrence of a
 * block series is an edit of the series' resource: a sibling VEVENT with RECURRENCE-ID, or an EXDATE to cancel
 * it. A resource without calsync's marker is never changed.
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

    InsertOutcome insert(AccountSession session, CalendarRef calendar, String key, BlockBody body) {
        URI href = href(session, calendar, key);
        String text = writable(calendar, key, () -> BlockResource.fresh(key, body, clock.instant()).text());
        PutOutcome outcome = session.store.create(href, text, calendar);
        if (outcome instanceof PutOutcome.Written written) {
            cache.put(new CalendarResource(href, written.etag(), text));
            return new InsertOutcome.Created(new BlockHandle(key, null, written.etag()));
        }
        if (outcome instanceof PutOutcome.PreconditionFailed) {
            return new InsertOutcome.AlreadyExists(BlockHandle.of(key));
        }
        throw new ProviderException(ProviderException.Kind.NOT_FOUND, 404, "notFound",
                "CalDAV calendar " + calendar + " is not there");
    }

    UpdateOutcome update(AccountSession session, CalendarRef calendar, BlockHandle block, BlockBody body) {
        URI href = href(session, calendar, block.idAtProvider());
        if (body.recurrence().isEmpty() && block.etag() != null) {
            // A single block keeps nothing of its old version: written straight over the version we last wrote.
            String text = writable(calendar, block.key(), () -> BlockResource.fresh(block.key(), body, clock.instant()).text());
            if (session.store.replace(href, text, block.etag(), calendar) instanceof PutOutcome.Written written) {
                cache.put(new CalendarResource(href, written.etag(), text));
                return new UpdateOutcome.Updated(new BlockHandle(block.key(), block.providerId(), written.etag()));
            }
            cache.forget(href);
        }
        Written written = edit(session, calendar, href, block.etag(), resource -> {
            resource.replaceMaster(body, clock.instant());
            return true;
        });
        return written.missing() ? UpdateOutcome.NOT_FOUND
                : new UpdateOutcome.Updated(new BlockHandle(block.key(), block.providerId(), written.etag()));
    }

    UpdateOutcome updateOccurrence(AccountSession session, CalendarRef calendar, BlockHandle series,
                                   OccurrenceRef occurrence, BlockBody body) {
        EventTime originalStart = occurrence.originalStart();
        Written written = edit(session, calendar, href(session, calendar, series.idAtProvider()), series.etag(),
                resource -> {
                    if (!resource.hasOccurrence(originalStart, recurrences)) {
                        throw new NoSuchOccurrence();
                    }
                    if (body.cancelled()) {
                        return resource.cancelOccurrence(originalStart);
                    }
                    if (resource.isPlainOccurrence(originalStart, body)) {
                        // Core's reset: the occurrence follows its series again, with no sibling VEVENT left over.
                        return resource.resetOccurrence(originalStart);
                    }
                    resource.putOccurrence(originalStart, body, clock.instant());
                    return true;
                });
        // An occurrence has no version of its own: the series' resource carries the ETag.
        return written.missing() ? UpdateOutcome.NOT_FOUND : new UpdateOutcome.Updated(BlockHandle.of(occurrence.key()));
    }

    DeleteOutcome cancelOccurrence(AccountSession session, CalendarRef calendar, BlockHandle series,
                                   OccurrenceRef occurrence) {
        EventTime originalStart = occurrence.originalStart();
        Written written = edit(session, calendar, href(session, calendar, series.idAtProvider()), series.etag(),
                resource -> resource.hasOccurrence(originalStart, recurrences) && resource.cancelOccurrence(originalStart));
        return written.changed() ? DeleteOutcome.DELETED : DeleteOutcome.ALREADY_GONE;
    }

    DeleteOutcome delete(AccountSession session, CalendarRef calendar, BlockHandle block) {
        URI href = href(session, calendar, block.idAtProvider());
        for (int round = 0; round < MAX_CONFLICTS; round++) {
            // The version we last wrote may go without a read: it carries our marker.
            Optional<CalendarResource> current = round == 0 && block.etag() != null && cache.get(href).isEmpty()
                    ? Optional.of(new CalendarResource(href, block.etag(), null))
                    : current(session, calendar, href, null, round);
            if (current.isEmpty()) {
                return DeleteOutcome.ALREADY_GONE;
            }
            if (current.get().ics() != null) {
                parse(calendar, block.key(), current.get());
            }
            ResourceStore.Deleted deleted = session.store.delete(href, current.get().etag(), calendar);
            cache.forget(href);
            if (deleted != ResourceStore.Deleted.PRECONDITION_FAILED) {
                return deleted == ResourceStore.Deleted.DELETED ? DeleteOutcome.DELETED : DeleteOutcome.ALREADY_GONE;
            }
        }
        throw keptChanging(calendar, block.key());
    }

    /**
     * @param etag    the version written last, if known
     * @param changed whether a write happened (false: nothing to change, or missing)
     * @param missing no resource there, or no such occurrence in it
     */
    private record Written(String etag, boolean changed, boolean missing) {
        static final Written MISSING = new Written(null, false, true);
    }

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

    /** Read, change, write under the version's ETag; on 412 start over from a fresh read. */
    private Written edit(AccountSession session, CalendarRef calendar, URI href, String knownEtag, Change change) {
        String key = EventIds.ofResource(Hrefs.name(href));
        for (int round = 0; round < MAX_CONFLICTS; round++) {
            Optional<CalendarResource> current = current(session, calendar, href, knownEtag, round);
            if (current.isEmpty()) {
                return Written.MISSING;
            }
            BlockResource resource = parse(calendar, key, current.get());
            try {
                if (!writable(calendar, key, () -> change.apply(resource))) {
                    return new Written(current.get().etag(), false, false);
                }
            } catch (NoSuchOccurrence e) {
                return Written.MISSING;
            }
            String text = writable(calendar, key, resource::text);
            PutOutcome outcome = session.store.replace(href, text, current.get().etag(), calendar);
            if (outcome instanceof PutOutcome.Written written) {
                cache.put(new CalendarResource(href, written.etag(), text));
                return new Written(written.etag(), true, false);
            }
            cache.forget(href);
            if (outcome instanceof PutOutcome.Missing) {
                return Written.MISSING;
            }
        }
        throw keptChanging(calendar, key);
    }

    /**
     * The version to change: the remembered one while it is the version the engine knows of (or the engine knows
     * none), else a fresh read; every retry after a 412 reads afresh.
     */
    private Optional<CalendarResource> current(AccountSession session, CalendarRef calendar, URI href, String knownEtag,
                                               int round) {
        if (round == 0) {
            Optional<CalendarResource> cached = cache.get(href);
            if (cached.isPresent() && (knownEtag == null || knownEtag.equals(cached.get().etag()))) {
                return cached;
            }
        }
        return session.store.read(href, calendar);
    }

    private static BlockResource parse(CalendarRef calendar, String key, CalendarResource resource) {
        try {
            return BlockResource.parse(resource.ics());
        } catch (MalformedResourceException e) {
            throw rejected(calendar, key, "the resource there is not a calsync block we can read: " + e.getMessage());
        }
    }

    private static URI href(AccountSession session, CalendarRef calendar, String id) {
        return Hrefs.member(session.account.collection(calendar.calendarId()), EventIds.resourceName(id));
    }

    private static <T> T writable(CalendarRef calendar, String key, Supplier<T> writing) {
        try {
            return writing.get();
        } catch (IllegalArgumentException e) {
            throw rejected(calendar, key, e.getMessage());
        }
    }

    private static ProviderException rejected(CalendarRef calendar, String key, String why) {
        return new ProviderException(ProviderException.Kind.REJECTED, 0, "unwritable",
                "CalDAV block " + key + " on " + calendar + ": " + why);
    }

    private static ProviderException keptChanging(CalendarRef calendar, String key) {
        return new ProviderException(ProviderException.Kind.TRANSIENT, 412, "conflict",
                "CalDAV block " + key + " on " + calendar + " changed under every one of " + MAX_CONFLICTS + " writes");
    }
}
