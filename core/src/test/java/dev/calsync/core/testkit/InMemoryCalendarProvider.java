package dev.calsync.core.testkit;

import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockHandle;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.ChangeSet;
import dev.calsync.core.provider.DeleteOutcome;
import dev.calsync.core.provider.InsertOutcome;
import dev.calsync.core.provider.ListOutcome;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.core.provider.UpdateOutcome;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.reconcile.SeriesOccurrences;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * A calendar service in memory that assigns event ids itself (as Microsoft Graph does), keeps an occurrence's
 * override inside its series (as CalDAV does) and counts versions for its change tokens: the opposite of Google
 * on every point where providers differ, so an engine that passes with it cannot lean on Google's conventions.
 * Thread-safe by a lock on the whole service. A person's edits go through {@code person…} methods.
 */
public final class InMemoryCalendarProvider implements CalendarProvider {

    private final Map<CalendarRef, Calendar> calendars = new LinkedHashMap<>();
    private final Recurrences recurrences;
    private final Queue<ProviderException> failures = new ArrayDeque<>();
    private final Queue<ProviderException> writeFailures = new ArrayDeque<>();
    private long ids;
    private int writes;

    /** @param recurrences decides which original starts are occurrences of a series */
    public InMemoryCalendarProvider(Recurrences recurrences) {
        this.recurrences = recurrences;
    }

    private static final class Calendar {
        final String name;
        final Map<String, Stored> events = new LinkedHashMap<>();
        final Map<String, String> idByKey = new HashMap<>();
        long version;
        long oldestValidToken;

        Calendar(String name) {
            this.name = name;
        }
    }

    private record Stored(SourceEvent event, long version) {
    }

    // --- the service's own side: calendars, a person's edits, faults ---------------------------------------

    public synchronized void addCalendar(CalendarRef calendar, String name) {
        calendars.putIfAbsent(calendar, new Calendar(name));
    }

    /** A person creates or changes an event (the id is the person's choice here, as a test needs it). */
    public synchronized void personWrites(CalendarRef calendar, SourceEvent event) {
        store(calendar(calendar), event);
    }

    /** A person deletes an event: it stays listed as cancelled, as every provider's change feed reports it. */
    public synchronized void personDeletes(CalendarRef calendar, String id) {
        Calendar cal = calendar(calendar);
        Stored stored = cal.events.get(id);
        if (stored != null) {
            store(cal, stored.event().withStatus(EventStatus.CANCELLED));
        }
    }

    /** The events a person sees on the calendar: live ones only, occurrences' overrides included. */
    public synchronized List<SourceEvent> live(CalendarRef calendar) {
        return calendar(calendar).events.values().stream().map(Stored::event).filter(e -> !e.cancelled()).toList();
    }

    /** Every token issued so far is refused from now on (as a provider may do at any time). */
    public synchronized void expireTokens(CalendarRef calendar) {
        Calendar cal = calendar(calendar);
        cal.oldestValidToken = cal.version + 1;
    }

    /** The next call fails with {@code failure} (after its retries, as an adapter would report it). */
    public synchronized void failNextCall(ProviderException failure) {
        failures.add(failure);
    }

    /** The next write fails with {@code failure}; reads go on. */
    public synchronized void failNextWrite(ProviderException failure) {
        writeFailures.add(failure);
    }

    /** Writes (inserts, updates, deletes, occurrence writes) answered so far. */
    public synchronized int writes() {
        return writes;
    }

    // --- the port ----------------------------------------------------------------------------------------------

    @Override
    public synchronized List<CalendarInfo> listCalendars(String accountId) {
        failIfAsked();
        List<CalendarInfo> list = new ArrayList<>();
        calendars.forEach((ref, cal) -> {
            if (ref.accountId().equals(accountId)) {
                list.add(new CalendarInfo(ref.calendarId(), cal.name, list.isEmpty(), "owner", "UTC"));
            }
        });
        return list;
    }

    @Override
    public synchronized ListOutcome listChanges(CalendarRef calendar, String syncToken) {
        failIfAsked();
        Calendar cal = calendar(calendar);
        long since;
        try {
            since = Long.parseLong(syncToken.substring(1));
        } catch (RuntimeException e) {
            return new ListOutcome.FullSyncRequired("unreadable token");
        }
        if (!syncToken.startsWith("v") || since < cal.oldestValidToken || since > cal.version) {
            return new ListOutcome.FullSyncRequired("token refused");
        }
        List<SourceEvent> changed = cal.events.values().stream().filter(s -> s.version() > since)
                .map(Stored::event).toList();
        return new ListOutcome.Changes(new ChangeSet(changed, "v" + cal.version, false));
    }

    @Override
    public synchronized ChangeSet listAll(CalendarRef calendar, Instant timeMin) {
        failIfAsked();
        Calendar cal = calendar(calendar);
        List<SourceEvent> all = cal.events.values().stream().map(Stored::event)
                .filter(e -> e.cancelled() || e.isSeries() || e.end().instant().isAfter(timeMin)).toList();
        return new ChangeSet(all, "v" + cal.version, true);
    }

    @Override
    public synchronized InsertOutcome insert(CalendarRef calendar, String key, BlockBody body) {
        failWriteIfAsked();
        Calendar cal = calendar(calendar);
        String existing = cal.idByKey.get(key);
        if (existing != null) {
            return new InsertOutcome.AlreadyExists(new BlockHandle(key, existing, null));
        }
        String id = "mem" + (++ids);
        cal.idByKey.put(key, id);
        store(cal, blockEvent(id, key, body, null, null));
        return new InsertOutcome.Created(handle(cal, key, id));
    }

    @Override
    public synchronized UpdateOutcome update(CalendarRef calendar, BlockHandle block, BlockBody body) {
        failWriteIfAsked();
        Calendar cal = calendar(calendar);
        String id = idOf(cal, block);
        if (id == null || !cal.events.containsKey(id)) {
            return UpdateOutcome.NOT_FOUND;
        }
        store(cal, blockEvent(id, block.key(), body, null, null));
        return new UpdateOutcome.Updated(handle(cal, block.key(), id));
    }

    @Override
    public synchronized DeleteOutcome delete(CalendarRef calendar, BlockHandle block) {
        failWriteIfAsked();
        Calendar cal = calendar(calendar);
        String id = idOf(cal, block);
        Stored stored = id == null ? null : cal.events.get(id);
        if (stored == null || stored.event().cancelled()) {
            return DeleteOutcome.ALREADY_GONE;
        }
        store(cal, stored.event().withStatus(EventStatus.CANCELLED));
        return DeleteOutcome.DELETED;
    }

    @Override
    public synchronized UpdateOutcome updateOccurrence(CalendarRef calendar, BlockHandle series,
                                                       OccurrenceRef occurrence, BlockBody body) {
        failWriteIfAsked();
        Calendar cal = calendar(calendar);
        String seriesId = liveSeriesWith(cal, series, occurrence);
        if (seriesId == null) {
            return UpdateOutcome.NOT_FOUND;
        }
        String id = seriesId + "/" + occurrence.key();
        store(cal, blockEvent(id, occurrence.key(), body, seriesId, occurrence.originalStart()));
        return new UpdateOutcome.Updated(handle(cal, occurrence.key(), id));
    }

    @Override
    public synchronized DeleteOutcome cancelOccurrence(CalendarRef calendar, BlockHandle series,
                                                       OccurrenceRef occurrence) {
        failWriteIfAsked();
        Calendar cal = calendar(calendar);
        String seriesId = liveSeriesWith(cal, series, occurrence);
        if (seriesId == null) {
            return DeleteOutcome.ALREADY_GONE;
        }
        String id = seriesId + "/" + occurrence.key();
        Stored override = cal.events.get(id);
        if (override != null && override.event().cancelled()) {
            return DeleteOutcome.ALREADY_GONE;
        }
        SourceEvent seriesEvent = cal.events.get(seriesId).event();
        store(cal, new SourceEvent(id, EventStatus.CANCELLED, null, null, false, null, null, List.of(), seriesId,
                occurrence.originalStart(), null, seriesEvent.privateProperties(), null, null));
        return DeleteOutcome.DELETED;
    }

    // --- inside --------------------------------------------------------------------------------------------------

    private Calendar calendar(CalendarRef ref) {
        Calendar cal = calendars.get(ref);
        if (cal == null) {
            throw new ProviderException(ProviderException.Kind.NOT_FOUND, 404, "notFound", "no calendar " + ref);
        }
        return cal;
    }

    private void failIfAsked() {
        ProviderException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
    }

    private void failWriteIfAsked() {
        failIfAsked();
        ProviderException failure = writeFailures.poll();
        if (failure != null) {
            throw failure;
        }
        writes++;
    }

    private void store(Calendar cal, SourceEvent event) {
        cal.events.put(event.id(), new Stored(event, ++cal.version));
    }

    private static String idOf(Calendar cal, BlockHandle block) {
        return block.providerId() != null ? block.providerId() : cal.idByKey.get(block.key());
    }

    /** The series' id when it is live, a series, and has an occurrence at the original start. */
    private String liveSeriesWith(Calendar cal, BlockHandle series, OccurrenceRef occurrence) {
        String id = idOf(cal, series);
        Stored stored = id == null ? null : cal.events.get(id);
        if (stored == null || stored.event().cancelled() || !stored.event().isSeries()
                || !SeriesOccurrences.hasOccurrenceAt(recurrences, stored.event(), occurrence.originalStart())) {
            return null;
        }
        return id;
    }

    private static BlockHandle handle(Calendar cal, String key, String id) {
        return new BlockHandle(key, id, "e" + cal.version);
    }

    /** A block as this service stores it: it names the block by its key, since its ids are its own. */
    private static SourceEvent blockEvent(String id, String key, BlockBody body, String seriesId,
                                          EventTime originalStart) {
        Map<String, String> properties = new HashMap<>(body.marker());
        properties.put(BlockMarker.KEY, key);
        return new SourceEvent(id, EventStatus.CONFIRMED, body.start(), body.end(), false, null, null,
                body.recurrence(), seriesId, originalStart, body.summary(), properties, null, null);
    }
}
