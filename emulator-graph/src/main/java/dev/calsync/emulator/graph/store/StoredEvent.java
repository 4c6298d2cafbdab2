package dev.calsync.emulator.graph.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.graph.recurrence.Recurrence;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One stored item of a calendar: a single event, or a series master with its exceptions and deleted occurrences.
 * Never changed in place: every write stores a new version, so a delta round can compare any two points in time.
 *
 * @param props      client-visible properties in Graph's shape, without the computed ones (times, ids, type, ...)
 * @param exceptions modified occurrences by original start
 * @param cancelled  original starts of deleted occurrences
 * @param extended   singleValueExtendedProperties, id (as first written) to value
 * @param requestBody the creating POST's body, to tell a retry from a different event with the same transactionId
 */
public record StoredEvent(String id, String calendarId, ObjectNode props, EventTime start, EventTime end, boolean allDay,
                          Recurrence recurrence, Map<Instant, ModifiedOccurrence> exceptions, Set<Instant> cancelled,
                          Map<String, String> extended, String transactionId, ObjectNode requestBody, String iCalUId,
                          Instant created, Instant modified, String changeKey) {

    public boolean isSeries() { return recurrence != null; }

    public String type() { return isSeries() ? "seriesMaster" : "singleInstance"; }
}
