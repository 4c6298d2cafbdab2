package dev.calsync.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.EmulatorApiException;
import dev.calsync.emulator.Json;
import dev.calsync.emulator.recurrence.Occurrence;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One calendar's events and change log. Every public method is synchronized on the calendar: calls on different
 * calendars run in parallel, calls on one calendar see a consistent state.
 *
 * <p>The change log maps each event's latest change sequence to its id, so an incremental list walks only the
 * changes since the token (O(changes)), not the whole calendar.
 *
 * <p>Exceptions of a series are stored as separate events with the instance id ({@code <seriesId>_<suffix>}).
 * When a series' recurrence or start changes, stored exceptions stay as they are (like Google, which keeps them
 * until they are deleted); ones that no longer match an occurrence are listed on their own.
 */
public final class CalendarState {
    private final String id;
    private final String accountId;
    private final String summary;
    private final String timeZone;
    private final ZoneId zone;
    private final EmulatorContext context;
    private final EventFactory factory;
    final TreeMap<String, StoredEvent> events = new TreeMap<>();
    final TreeMap<Long, String> changeLog = new TreeMap<>();
    private long seq;

    public CalendarState(String id, String accountId, String summary, String timeZone, EmulatorContext context) {
        this.id = id;
        this.accountId = accountId;
        this.summary = summary;
        this.timeZone = timeZone;
        this.zone = ZoneId.of(timeZone);
        this.context = context;
        this.factory = new EventFactory(id, zone, context);
    }

    public String id() { return id; }
    public String accountId() { return accountId; }
    public String summary() { return summary; }
    public String timeZone() { return timeZone; }
    ZoneId zone() { return zone; }
    EmulatorContext context() { return context; }
    public synchronized long currentSeq() { return seq; }
    public synchronized int storedEventCount() { return events.size(); }

    /** The change sequence of the event's latest stored version, or -1 when it was never stored. */
    public synchronized long changeSeqOf(String eventId) {
        StoredEvent e = events.get(eventId);
        return e == null ? -1 : e.changeSeq();
    }

    public synchronized ObjectNode insert(ObjectNode body) {
        String eventId = Json.text(body, "id");
        if (eventId != null) {
            EventIds.validateClientId(eventId);
            // Google refuses to reuse an id even when the event was deleted.
            if (events.containsKey(eventId)) throw EmulatorApiException.duplicate();
        } else {
            do { eventId = EventIds.generate(); } while (events.containsKey(eventId));
        }
        return commit(factory.build(eventId, body, null, null, "confirmed", seq + 1)).fullView();
    }

    /** PUT: full replacement. Without a status (or with confirmed) it revives a deleted event. */
    public synchronized ObjectNode update(String eventId, ObjectNode body, String ifMatch) {
        StoredEvent current = events.get(eventId);
        if (current != null) {
            checkIfMatch(ifMatch, current.etag());
            return commit(factory.build(eventId, body, current, linkOf(current), "confirmed", seq + 1)).fullView();
        }
        VirtualInstance instance = virtualInstance(eventId);
        checkIfMatch(ifMatch, instance.series().etag());
        return commit(factory.build(eventId, body, null, instance.link(), "confirmed", seq + 1)).fullView();
    }

    /** PATCH: fields given replace stored ones, nested objects merge, null removes. */
    public synchronized ObjectNode patch(String eventId, ObjectNode patch, String ifMatch) {
        StoredEvent current = events.get(eventId);
        if (current != null) {
            checkIfMatch(ifMatch, current.etag());
            ObjectNode merged = merge(current.fullView(), patch);
            return commit(factory.build(eventId, merged, current, linkOf(current), current.status(), seq + 1)).fullView();
        }
        VirtualInstance instance = virtualInstance(eventId);
        checkIfMatch(ifMatch, instance.series().etag());
        ObjectNode merged = merge(instance.json(), patch);
        return commit(factory.build(eventId, merged, null, instance.link(), "confirmed", seq + 1)).fullView();
    }

    public synchronized void delete(String eventId, String ifMatch) {
        StoredEvent current = events.get(eventId);
        if (current != null) {
            if (current.cancelled()) throw EmulatorApiException.deleted();
            checkIfMatch(ifMatch, current.etag());
            cancel(current);
            if (current.isSeries()) {
                // Deleting a series deletes its modified instances too.
                for (StoredEvent ex : new ArrayList<>(exceptionsOf(eventId).values())) {
                    if (!ex.cancelled()) cancel(ex);
                }
            }
            return;
        }
        VirtualInstance instance = virtualInstance(eventId);
        checkIfMatch(ifMatch, instance.series().etag());
        ObjectNode body = instance.json();
        body.put("status", "cancelled");
        commit(factory.build(eventId, body, null, instance.link(), "cancelled", seq + 1));
    }

    /** events.get: stored events (also cancelled ones, as Google does) and unmodified instances of a series. */
    public synchronized ObjectNode get(String eventId) {
        StoredEvent current = events.get(eventId);
        if (current != null) return current.fullView();
        return virtualInstance(eventId).json();
    }

    /** Stored events (series and exceptions, not expanded), for tests that inspect a calendar directly. */
    public synchronized List<ObjectNode> all(boolean includeCancelled) {
        List<ObjectNode> out = new ArrayList<>();
        for (StoredEvent e : events.values()) {
            if (includeCancelled || !e.cancelled()) out.add(e.fullView());
        }
        return out;
    }

    public synchronized ListResult list(ListQuery query, PageCursor cursor, int pageSize) {
        return new EventListing(this, query).page(cursor == null ? new PageCursor(false, query.singleEvents(), 0, seq, 0, null) : cursor, pageSize);
    }

    public synchronized ListResult listChanges(long fromSeq, boolean singleEvents, PageCursor cursor, int pageSize) {
        PageCursor c = cursor != null ? cursor : new PageCursor(true, singleEvents, fromSeq, seq, 0, null);
        return new EventListing(this, ListQuery.all(true)).changes(c, singleEvents, pageSize);
    }

    public synchronized ListResult instances(String seriesId, Long timeMin, Long timeMax, boolean showDeleted, PageCursor cursor, int pageSize) {
        StoredEvent series = events.get(seriesId);
        if (series == null) throw EmulatorApiException.notFound();
        if (series.cancelled()) throw EmulatorApiException.deleted();
        if (!series.isSeries()) throw EmulatorApiException.invalid("The event is not a recurring event.");
        PageCursor c = cursor != null ? cursor : new PageCursor(false, true, 0, seq, 0, null);
        return new EventListing(this, new ListQuery(timeMin, timeMax, null, showDeleted, true, ListQuery.Order.START_TIME,
                null, null, List.of(), List.of())).instancesOf(series, c, pageSize);
    }

    // --- internals -------------------------------------------------------------------------------------------

    private void cancel(StoredEvent current) {
        ObjectNode body = current.fullView();
        body.put("status", "cancelled");
        commit(factory.build(current.id(), body, current, linkOf(current), "cancelled", seq + 1));
    }

    private StoredEvent commit(StoredEvent event) {
        StoredEvent old = events.put(event.id(), event);
        if (old != null) changeLog.remove(old.changeSeq());
        seq = event.changeSeq();
        changeLog.put(seq, event.id());
        context.changed(id);
        return event;
    }

    private static void checkIfMatch(String ifMatch, String etag) {
        if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(etag)) throw EmulatorApiException.conditionNotMet();
    }

    private EventFactory.SeriesLink linkOf(StoredEvent e) {
        if (!e.isException()) return null;
        return new EventFactory.SeriesLink(e.recurringEventId(), EventTime.parse(e.json().get("originalStartTime"), "originalStart"),
                Json.text(e.json(), "iCalUID"));
    }

    NavigableMap<String, StoredEvent> exceptionsOf(String seriesId) {
        return events.subMap(seriesId + "_", true, seriesId + "_\uffff", true);
    }

    record VirtualInstance(StoredEvent series, Occurrence occurrence, ObjectNode json) {
        EventFactory.SeriesLink link() {
            return new EventFactory.SeriesLink(series.id(), occurrence.start(), Json.text(series.json(), "iCalUID"));
        }
    }

    /** An unmodified occurrence addressed by instance id; 404 unless the series really has it. */
    private VirtualInstance virtualInstance(String eventId) {
        int cut = eventId.lastIndexOf('_');
        if (cut <= 0) throw EmulatorApiException.notFound();
        StoredEvent series = events.get(eventId.substring(0, cut));
        if (series == null || !series.isSeries()) throw EmulatorApiException.notFound();
        Occurrence occurrence = series.recurrence().occurrenceFor(eventId.substring(cut + 1));
        if (occurrence == null) throw EmulatorApiException.notFound();
        if (series.cancelled()) throw EmulatorApiException.deleted();
        return new VirtualInstance(series, occurrence, instanceJson(series, occurrence));
    }

    static ObjectNode instanceJson(StoredEvent series, Occurrence o) {
        ObjectNode n = series.fullView();
        n.remove("recurrence");
        n.put("id", series.id() + "_" + o.idSuffix());
        n.set("start", o.start().toJson());
        n.set("end", o.end().toJson());
        n.put("recurringEventId", series.id());
        n.set("originalStartTime", o.start().toJson());
        return n;
    }

    private static ObjectNode merge(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode existing = target.get(f.getKey());
            if (f.getValue().isNull()) {
                target.remove(f.getKey());
            } else if (f.getValue().isObject() && existing != null && existing.isObject()
                    && !f.getKey().equals("start") && !f.getKey().equals("end")) {
                merge((ObjectNode) existing, (ObjectNode) f.getValue());
            } else {
                target.set(f.getKey(), f.getValue().deepCopy());
            }
        }
        return target;
    }
}
