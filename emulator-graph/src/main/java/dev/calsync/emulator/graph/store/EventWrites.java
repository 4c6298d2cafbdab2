package dev.calsync.emulator.graph.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.graph.GraphError;
import dev.calsync.emulator.graph.Json;
import dev.calsync.emulator.graph.recurrence.Recurrence;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Creating, changing and deleting events as Graph does it: server-assigned ids, {@code transactionId} retries,
 * occurrences that become exceptions when changed and disappear from their series when deleted. A mailbox's writes
 * run one at a time, so a retried POST and its original can never both create an event.
 */
public final class EventWrites {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final GraphContext context;

    public EventWrites(GraphContext context) { this.context = context; }

    /** An event id resolved in a mailbox: its calendar, the stored event and the instance the id names. */
    public record Found(CalendarStore calendar, StoredEvent event, Instance instance) {}

    /**
     * Resolves an event id of the mailbox, in any calendar or only in {@code only}.
     *
     * @throws GraphError 400 ErrorInvalidIdMalformed, 404 ErrorItemNotFound
     */
    public Found find(Mailbox mailbox, CalendarStore only, String id) {
        GraphIds.Parsed parsed = GraphIds.parseEventId(id);
        if (parsed == null) throw GraphError.malformedId();
        CalendarStore calendar = only != null ? (only.current(parsed.eventId()) != null ? only : null) : mailbox.calendarOfEvent(parsed.eventId());
        if (calendar == null) throw GraphError.itemNotFound();
        StoredEvent event = calendar.current(parsed.eventId());
        if (event == null) throw GraphError.itemNotFound();
        if (!parsed.isOccurrence()) return new Found(calendar, event, Instances.single(event));
        Instance occurrence = Instances.at(event, parsed.originalStart());
        if (occurrence == null) throw GraphError.itemNotFound();
        return new Found(calendar, event, occurrence);
    }

    /**
     * POST .../events. A retry carrying the {@code transactionId} of a live event and the same body answers with that
     * event instead of creating another; the same transactionId with a different body (or calendar) is refused with
     * 400 ErrorDuplicateTransactionId, as Graph refuses it.
     */
    public Found create(CalendarStore calendar, ObjectNode body, boolean ownerEdit) {
        Mailbox mailbox = calendar.owner();
        synchronized (mailbox) {
            String transactionId = Json.text(body, "transactionId");
            if (transactionId != null) {
                Found earlier = byTransactionId(mailbox, transactionId);
                if (earlier != null) {
                    if (earlier.calendar() == calendar && body.equals(earlier.event().requestBody())) return earlier;
                    throw GraphError.badRequest("ErrorDuplicateTransactionId",
                            "Your request can't be completed. The TransactionId specified in the request has already been used to create a different event.");
                }
            }
            ObjectNode props = EventProps.defaults(mailbox);
            EventProps.apply(props, body, ownerEdit);
            if (!body.hasNonNull("start") || !body.hasNonNull("end")) {
                throw GraphError.badRequest("ErrorInvalidRequest", "Your request can't be completed. The start and end of the event are required.");
            }
            EventTime start = EventTime.parse(body.get("start"), "start");
            Times times = times(start, EventTime.parse(body.get("end"), "end"), bool(body, "isAllDay", false),
                    recurrence(body.get("recurrence"), start));
            String iCalUId = ownerEdit && Json.text(body, "iCalUId") != null ? Json.text(body, "iCalUId") : GraphIds.newICalUId();
            Instant now = context.now();
            StoredEvent event = new StoredEvent(GraphIds.newEventId(), calendar.id(), props, times.start, times.end, times.allDay,
                    times.recurrence, Map.of(), Set.of(), EventProps.extended(Map.of(), body.get("singleValueExtendedProperties")),
                    transactionId, body.deepCopy(), iCalUId, now, now, changeKey());
            store(calendar, event, "created", event.id());
            return new Found(calendar, event, Instances.single(event));
        }
    }

    /** PATCH of a single event, a series master, or an occurrence (which becomes an exception). */
    public Found patch(Mailbox mailbox, CalendarStore only, String id, ObjectNode body, boolean ownerEdit) {
        synchronized (mailbox) {
            Found found = find(mailbox, only, id);
            StoredEvent e = found.event();
            String transactionId = Json.text(body, "transactionId");
            if (transactionId != null && !transactionId.equals(e.transactionId())) {
                throw GraphError.badRequest("ErrorInvalidPropertyUpdate", "The transactionId of an event can't be changed.");
            }
            if (found.instance().originalStart() != null) return patchOccurrence(found, body, ownerEdit);
            ObjectNode props = e.props().deepCopy();
            EventProps.apply(props, body, ownerEdit);
            EventTime start = body.has("start") ? EventTime.parse(body.get("start"), "start") : e.start();
            EventTime end = body.has("end") ? EventTime.parse(body.get("end"), "end") : e.end();
            Recurrence recurrence = body.has("recurrence") ? recurrence(body.get("recurrence"), start) : e.recurrence();
            Times times = times(start, end, bool(body, "isAllDay", e.allDay()), recurrence);
            // As in Outlook, moving a series or changing its pattern drops its exceptions and deleted occurrences.
            boolean reshaped = !Objects.equals(times.recurrence, e.recurrence()) || !times.start.equals(e.start())
                    || !times.end.equals(e.end()) || times.allDay != e.allDay();
            StoredEvent next = new StoredEvent(e.id(), e.calendarId(), props, times.start, times.end, times.allDay, times.recurrence,
                    reshaped ? Map.of() : e.exceptions(), reshaped ? Set.of() : e.cancelled(),
                    EventProps.extended(e.extended(), body.get("singleValueExtendedProperties")), e.transactionId(), e.requestBody(),
                    e.iCalUId(), e.created(), context.now(), changeKey());
            store(found.calendar(), next, "updated", e.id());
            return new Found(found.calendar(), next, Instances.single(next));
        }
    }

    private Found patchOccurrence(Found found, ObjectNode body, boolean ownerEdit) {
        if (body.hasNonNull("recurrence")) {
            throw GraphError.badRequest("ErrorInvalidRequest", "An occurrence of a series can't have a recurrence of its own.");
        }
        StoredEvent series = found.event();
        Instance occurrence = found.instance();
        ModifiedOccurrence x = occurrence.exception();
        ObjectNode props = (x != null ? x.props() : series.props()).deepCopy();
        EventProps.apply(props, body, ownerEdit);
        EventTime start = body.has("start") ? EventTime.parse(body.get("start"), "start") : occurrence.start();
        EventTime end = body.has("end") ? EventTime.parse(body.get("end"), "end") : occurrence.end();
        Times times = times(start, end, bool(body, "isAllDay", occurrence.allDay()), null);
        ModifiedOccurrence changed = new ModifiedOccurrence(props, times.start, times.end, times.allDay,
                EventProps.extended(x != null ? x.extended() : series.extended(), body.get("singleValueExtendedProperties")),
                context.now(), changeKey());
        Map<Instant, ModifiedOccurrence> exceptions = new TreeMap<>(series.exceptions());
        exceptions.put(occurrence.originalStart(), changed);
        StoredEvent next = withOccurrences(series, exceptions, series.cancelled());
        store(found.calendar(), next, "updated", occurrence.id());
        return new Found(found.calendar(), next, Instances.at(next, occurrence.originalStart()));
    }

    /** DELETE of a single event or series (gone), or of an occurrence or exception (removed from its series). */
    public void delete(Mailbox mailbox, CalendarStore only, String id) {
        synchronized (mailbox) {
            Found found = find(mailbox, only, id);
            Instance instance = found.instance();
            if (instance.originalStart() == null) {
                store(found.calendar(), null, "deleted", found.event().id());
                return;
            }
            Map<Instant, ModifiedOccurrence> exceptions = new TreeMap<>(found.event().exceptions());
            exceptions.remove(instance.originalStart());
            Set<Instant> cancelled = new HashSet<>(found.event().cancelled());
            cancelled.add(instance.originalStart());
            store(found.calendar(), withOccurrences(found.event(), exceptions, cancelled), "deleted", instance.id());
        }
    }

    private Found byTransactionId(Mailbox mailbox, String transactionId) {
        for (CalendarStore c : mailbox.calendars()) {
            for (StoredEvent e : c.allAt(c.currentSeq())) {
                if (transactionId.equals(e.transactionId())) return new Found(c, e, Instances.single(e));
            }
        }
        return null;
    }

    private void store(CalendarStore calendar, StoredEvent state, String changeType, String resourceId) {
        calendar.store(state == null ? GraphIds.parseEventId(resourceId).eventId() : state.id(), state);
        context.changed(calendar, changeType, resourceId);
    }

    private static StoredEvent withOccurrences(StoredEvent e, Map<Instant, ModifiedOccurrence> exceptions, Set<Instant> cancelled) {
        return new StoredEvent(e.id(), e.calendarId(), e.props(), e.start(), e.end(), e.allDay(), e.recurrence(),
                Map.copyOf(exceptions), Set.copyOf(cancelled), e.extended(), e.transactionId(), e.requestBody(), e.iCalUId(),
                e.created(), e.modified(), e.changeKey());
    }

    private record Times(EventTime start, EventTime end, boolean allDay, Recurrence recurrence) {}

    /** Checks start/end and, for a series, moves the master onto the first occurrence (Exchange does the same). */
    private static Times times(EventTime start, EventTime end, boolean allDay, Recurrence recurrence) {
        if (end.instant().isBefore(start.instant())) {
            throw GraphError.badRequest("ErrorInvalidRequest", "Your request can't be completed. The end time must be on or after the start time.");
        }
        if (allDay && (!start.local().toLocalTime().equals(LocalTime.MIDNIGHT) || !end.local().toLocalTime().equals(LocalTime.MIDNIGHT)
                || !end.local().toLocalDate().isAfter(start.local().toLocalDate()))) {
            throw GraphError.badRequest("ErrorInvalidRequest", "Your request can't be completed. An all-day event must start and end at "
                    + "midnight and last at least one day.");
        }
        if (recurrence == null) return new Times(start, end, allDay, null);
        LocalDate first = recurrence.firstDate();
        if (first == null) throw GraphError.badRequest("ErrorInvalidRequest", "The recurrence produces no occurrence.");
        long shift = ChronoUnit.DAYS.between(start.local().toLocalDate(), first);
        Duration length = Duration.between(start.instant(), end.instant());
        EventTime s = new EventTime(start.local().plusDays(shift), start.zone(), start.zoneName());
        EventTime e = allDay ? new EventTime(end.local().plusDays(shift), end.zone(), end.zoneName())
                : EventTime.of(s.instant().plus(length), end.zone(), end.zoneName());
        return new Times(s, e, allDay, recurrence);
    }

    private static Recurrence recurrence(JsonNode node, EventTime start) {
        if (node == null || node.isNull()) return null;
        return Recurrence.parse(node, start.local().toLocalDate(), start.zoneName());
    }

    private static boolean bool(ObjectNode body, String field, boolean fallback) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return fallback;
        if (!v.isBoolean()) throw GraphError.badRequest("RequestBodyRead", "Cannot convert a primitive value to the expected type 'Edm.Boolean' (" + field + ").");
        return v.asBoolean();
    }

    /** Exchange change keys: opaque base64, new with every change. */
    private static String changeKey() {
        byte[] b = new byte[22];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }
}
