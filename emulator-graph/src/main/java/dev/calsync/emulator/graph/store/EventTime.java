package dev.calsync.emulator.graph.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.graph.GraphError;
import dev.calsync.emulator.graph.Json;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Graph's {@code dateTimeTimeZone}: a local date-time without offset plus a zone name. {@code zoneName} is kept as the
 * client wrote it (Graph echoes it in {@code originalStartTimeZone}).
 */
public record EventTime(LocalDateTime local, ZoneId zone, String zoneName) {
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");

    public Instant instant() { return local.atZone(zone).toInstant(); }

    public static EventTime of(Instant instant, ZoneId zone, String zoneName) {
        return new EventTime(LocalDateTime.ofInstant(instant, zone), zone, zoneName);
    }

    /** Reads {"dateTime": "...", "timeZone": "..."}; a missing zone means UTC, as in Graph. */
    public static EventTime parse(JsonNode node, String field) {
        if (node == null || !node.isObject()) throw GraphError.invalidProperty("The property '" + field + "' must be a dateTimeTimeZone object.");
        String dateTime = Json.text(node, "dateTime");
        if (dateTime == null) throw GraphError.invalidProperty("The property '" + field + ".dateTime' is required.");
        String zoneName = Json.text(node, "timeZone");
        if (zoneName == null) zoneName = "UTC";
        ZoneId zone = TimeZones.resolve(zoneName);
        return new EventTime(parseLocal(dateTime, zone, field), zone, zoneName);
    }

    /** A dateTime with an offset is taken as that instant, seen in the given zone. */
    static LocalDateTime parseLocal(String dateTime, ZoneId zone, String field) {
        try {
            return LocalDateTime.parse(dateTime);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.ofInstant(OffsetDateTime.parse(dateTime).toInstant(), zone);
            } catch (DateTimeParseException e2) {
                throw GraphError.badRequest("ErrorInvalidRequest", "Cannot convert the literal '" + dateTime + "' to the expected type 'Edm.DateTime' (" + field + ").");
            }
        }
    }

    /**
     * The Graph form in the reader's zone. All-day times are floating: midnight stays midnight, only the label
     * changes (Outlook shows an all-day event on the same date everywhere).
     */
    public ObjectNode render(ZoneId outZone, String outName, boolean allDay) {
        LocalDateTime shown = allDay ? local : LocalDateTime.ofInstant(instant(), outZone);
        ObjectNode n = Json.object();
        n.put("dateTime", OUT.format(shown));
        n.put("timeZone", outName);
        return n;
    }

    public static String formatInstant(Instant instant) {
        return OUT.format(LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC)) + "Z";
    }
}
