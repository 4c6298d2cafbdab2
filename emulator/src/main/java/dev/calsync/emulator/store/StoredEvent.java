package dev.calsync.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.Json;
import dev.calsync.emulator.recurrence.RecurrenceSpec;

/**
 * One stored event (a plain event, a series, or an exception of a series) in Google's JSON shape, plus the
 * values derived from it for listing. Immutable: every change stores a new instance with a new change sequence.
 * The json must never be handed out without a deep copy.
 */
public record StoredEvent(String id, ObjectNode json, long changeSeq, long updatedMillis, EventTime start, EventTime end,
                          long startMillis, long endMillis, RecurrenceSpec recurrence) {

    public String status() { return Json.text(json, "status"); }
    public boolean cancelled() { return "cancelled".equals(status()); }
    public String etag() { return Json.text(json, "etag"); }
    public String recurringEventId() { return Json.text(json, "recurringEventId"); }
    public boolean isException() { return recurringEventId() != null; }
    public boolean isSeries() { return recurrence != null; }
    public long sequence() { return json.path("sequence").asLong(0); }

    /** What a list returns for a deleted event: Google often sends only these fields. */
    public ObjectNode cancelledView() {
        ObjectNode n = Json.object();
        n.put("kind", "calendar#event");
        n.put("etag", etag());
        n.put("id", id);
        n.put("status", "cancelled");
        copy(n, "recurringEventId");
        copy(n, "originalStartTime");
        return n;
    }

    public ObjectNode fullView() { return json.deepCopy(); }

    private void copy(ObjectNode target, String field) {
        JsonNode v = json.get(field);
        if (v != null) target.set(field, v.deepCopy());
    }
}
