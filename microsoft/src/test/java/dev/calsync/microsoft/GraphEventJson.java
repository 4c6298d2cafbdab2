package dev.calsync.microsoft;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Graph event JSON as Outlook would write it, for the emulator's simulated user edits. */
final class GraphEventJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphEventJson() {
    }

    static ObjectNode timed(String subject, Instant start, Instant end) {
        ObjectNode event = JSON.createObjectNode().put("subject", subject);
        event.putObject("start").put("dateTime", LocalDateTime.ofInstant(start, ZoneOffset.UTC).toString())
                .put("timeZone", "UTC");
        event.putObject("end").put("dateTime", LocalDateTime.ofInstant(end, ZoneOffset.UTC).toString())
                .put("timeZone", "UTC");
        return event;
    }

    static ObjectNode json(String singleQuoted) {
        try {
            return (ObjectNode) JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
