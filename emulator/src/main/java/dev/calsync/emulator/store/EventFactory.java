package dev.calsync.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.EmulatorApiException;
import dev.calsync.emulator.Json;
import dev.calsync.emulator.Rfc3339;
import dev.calsync.emulator.recurrence.RecurrenceSpec;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a client's event body into the stored resource: validates it like Google, drops fields the server owns,
 * and fills in etag, created/updated, sequence, creator/organizer and defaults.
 */
final class EventFactory {
    /** Fields a client may send but the server decides. */
    private static final Set<String> SERVER_OWNED = Set.of("kind", "etag", "id", "htmlLink", "created", "updated", "creator",
            "organizer", "sequence", "recurringEventId", "originalStartTime", "iCalUID", "status", "start", "end", "recurrence",
            "extendedProperties", "attendees", "reminders", "eventType", "privateCopy", "locked");
    private static final Set<String> STATUSES = Set.of("confirmed", "tentative", "cancelled");
    private static final Set<String> TRANSPARENCIES = Set.of("opaque", "transparent");
    /** Google's event palette (colors.get, "event"): colorId 1 to 11. */
    private static final Set<String> COLOR_IDS = Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
    private static final Set<String> VISIBILITIES = Set.of("default", "public", "private", "confidential");
    private static final Set<String> EVENT_TYPES = Set.of("default", "outOfOffice", "focusTime", "workingLocation", "birthday", "fromGmail");

    /** Links an exception to its series. */
    record SeriesLink(String recurringEventId, EventTime originalStart, String iCalUID) {}

    private final String calendarId;
    private final ZoneId calendarZone;
    private final EmulatorContext context;

    EventFactory(String calendarId, ZoneId calendarZone, EmulatorContext context) {
        this.calendarId = calendarId;
        this.calendarZone = calendarZone;
        this.context = context;
    }

    /**
     * @param previous the stored version being replaced, or null for a new event
     * @param defaultStatus status when the body has none: "confirmed" for insert and update (which revives a
     *                      deleted event), the previous status for patch
     */
    StoredEvent build(String id, ObjectNode body, StoredEvent previous, SeriesLink link, String defaultStatus, long changeSeq) {
        String status = Objects.requireNonNullElse(Json.text(body, "status"), defaultStatus);
        if (!STATUSES.contains(status)) throw EmulatorApiException.invalid("Invalid value for status.");
        checkEnum(body, "transparency", TRANSPARENCIES);
        checkEnum(body, "visibility", VISIBILITIES);
        checkEnum(body, "eventType", EVENT_TYPES);
        checkEnum(body, "colorId", COLOR_IDS);

        EventTime start = EventTime.parse(body.get("start"), "start");
        EventTime end = EventTime.parse(body.get("end"), "end");
        if (start.allDay() != end.allDay()) throw EmulatorApiException.invalid("Start and end times must either both be date or both be dateTime.");
        long startMillis = start.epochMillis(calendarZone);
        long endMillis = end.epochMillis(calendarZone);
        if (endMillis < startMillis) throw EmulatorApiException.badRequest("timeRangeEmpty", "The specified time range is empty.");

        List<String> recurrenceLines = recurrenceLines(body.get("recurrence"));
        RecurrenceSpec recurrence = null;
        if (!recurrenceLines.isEmpty()) {
            if (link != null) throw EmulatorApiException.invalid("Invalid recurrence for an instance of a recurring event.");
            recurrence = RecurrenceSpec.parse(recurrenceLines, start, end, calendarZone);
        }

        long now = context.now();
        String etag = context.nextEtag();
        ObjectNode out = Json.object();
        out.put("kind", "calendar#event");
        out.put("etag", etag);
        out.put("id", id);
        out.put("status", status);
        out.put("htmlLink", "https://www.google.com/calendar/event?eid="
                + Base64.getUrlEncoder().withoutPadding().encodeToString((id + " " + calendarId).getBytes(StandardCharsets.UTF_8)));
        out.put("created", previous != null ? Json.text(previous.json(), "created") : Rfc3339.utcMillis(now));
        out.put("updated", Rfc3339.utcMillis(now));
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!SERVER_OWNED.contains(f.getKey()) && !f.getValue().isNull()) out.set(f.getKey(), f.getValue().deepCopy());
        }
        out.set("creator", self());
        out.set("organizer", self());
        out.set("start", start.toJson());
        out.set("end", end.toJson());
        if (recurrence != null) {
            ArrayNode lines = out.putArray("recurrence");
            recurrenceLines.forEach(lines::add);
        }
        if (link != null) {
            out.put("recurringEventId", link.recurringEventId());
            out.set("originalStartTime", link.originalStart().toJson());
        }
        if (body.hasNonNull("attendees")) out.set("attendees", attendees(body.get("attendees")));
        if (body.hasNonNull("extendedProperties")) out.set("extendedProperties", ExtendedProperties.limit(body.get("extendedProperties")));
        String iCalUID = previous != null ? Json.text(previous.json(), "iCalUID")
                : link != null ? link.iCalUID()
                : Objects.requireNonNullElse(Json.text(body, "iCalUID"), id + "@google.com");
        out.put("iCalUID", iCalUID);
        out.put("sequence", sequence(previous, body, out));
        out.set("reminders", body.hasNonNull("reminders") ? body.get("reminders").deepCopy() : Json.object().put("useDefault", true));
        out.put("eventType", Objects.requireNonNullElse(Json.text(body, "eventType"), "default"));
        return new StoredEvent(id, out, changeSeq, now, start, end, startMillis, endMillis, recurrence);
    }

    /** Google bumps sequence when the time, recurrence or status of an event changes (what invitations track). */
    private static long sequence(StoredEvent previous, ObjectNode body, ObjectNode out) {
        if (previous == null) return body.path("sequence").asLong(0);
        JsonNode old = previous.json();
        boolean changed = !old.path("start").equals(out.path("start")) || !old.path("end").equals(out.path("end"))
                || !old.path("recurrence").equals(out.path("recurrence")) || !old.path("status").equals(out.path("status"));
        return previous.sequence() + (changed ? 1 : 0);
    }

    private ObjectNode self() { return Json.object().put("email", calendarId).put("self", true); }

    private ArrayNode attendees(JsonNode input) {
        if (!input.isArray()) throw EmulatorApiException.invalid("Invalid attendees.");
        ArrayNode out = Json.array();
        for (JsonNode a : input) {
            if (!a.isObject() || Json.text(a, "email") == null) throw EmulatorApiException.required("Missing attendee email.");
            ObjectNode copy = ((ObjectNode) a).deepCopy();
            if (calendarId.equalsIgnoreCase(Json.text(a, "email"))) copy.put("self", true);
            if (!copy.has("responseStatus")) copy.put("responseStatus", "needsAction");
            out.add(copy);
        }
        return out;
    }

    private static List<String> recurrenceLines(JsonNode node) {
        List<String> lines = new ArrayList<>();
        if (node == null || node.isNull()) return lines;
        if (!node.isArray()) throw EmulatorApiException.invalid("Invalid recurrence rule.");
        node.forEach(l -> lines.add(l.asText()));
        return lines;
    }

    private static void checkEnum(ObjectNode body, String field, Set<String> allowed) {
        String v = Json.text(body, field);
        if (v != null && !allowed.contains(v)) throw EmulatorApiException.invalid("Invalid value for " + field + ".");
    }
}
