package dev.calsync.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.event.EventTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What a block said when calsync wrote it: the zone names of its start and end and its recurrence lines,
 * verbatim. Graph keeps neither: a block's times go out in UTC (a series in its zone, which Graph may rename),
 * "no zone" cannot be told from "UTC", and a recurrence comes back as Graph's pattern, never as the lines it was
 * made from. Without this, a block read back would differ from its body and look edited by hand on every pass.
 * Read back, the lines are believed only while Graph's pattern still is the one they make (see
 * {@link SeriesReads}); the instants always come from Graph, so a block moved by hand reads as moved.
 *
 * @param category the category written for the block's colour ({@link BlockCategory}): null for a block without
 *                 colour (or written before colours were), empty when the colour was wanted but the mailbox allowed
 *                 no category
 */
record WrittenForm(String startZone, String endZone, List<String> recurrence, String category) {
    static final WrittenForm NONE = new WrittenForm(null, null, List.of(), null);

    WrittenForm {
        recurrence = List.copyOf(recurrence);
    }

    static WrittenForm of(EventTime start, EventTime end, List<String> recurrence, String category) {
        return new WrittenForm(zone(start), zone(end), recurrence, category);
    }

    /** The same, for one occurrence of the series (which has no lines of its own). */
    WrittenForm withoutRecurrence() {
        return new WrittenForm(startZone, endZone, List.of(), category);
    }

    String toJson() {
        ObjectNode node = GraphHttp.JSON.createObjectNode();
        if (startZone != null) {
            node.put("startZone", startZone);
        }
        if (endZone != null) {
            node.put("endZone", endZone);
        }
        recurrence.forEach(node.withArray("recurrence")::add);
        if (category != null) {
            node.put("category", category);
        }
        return node.toString();
    }

    /** The form stored in a block; {@link #NONE} for anything unreadable (it then only costs a rewrite). */
    static WrittenForm fromJson(String text) {
        try {
            JsonNode node = GraphHttp.JSON.readTree(text);
            List<String> lines = new ArrayList<>();
            node.path("recurrence").forEach(line -> lines.add(line.asText()));
            return new WrittenForm(node.path("startZone").asText(null), node.path("endZone").asText(null), lines,
                    node.path("category").isTextual() ? node.path("category").asText() : null);
        } catch (Exception unreadable) {
            return NONE;
        }
    }

    private static String zone(EventTime time) {
        return time instanceof EventTime.Timed timed ? timed.timeZone() : null;
    }
}
