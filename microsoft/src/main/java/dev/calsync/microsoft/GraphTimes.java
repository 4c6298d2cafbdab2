package dev.calsync.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.event.EventTime;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Graph's {@code dateTimeTimeZone} ({@code {"dateTime":"2026-03-02T09:00:00.0000000","timeZone":"UTC"}}) and
 * core's {@link EventTime}. Graph answers in UTC unless asked otherwise; an all-day value is a floating midnight
 * (the same date in every zone), so only its date counts.
 */
final class GraphTimes {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private GraphTimes() {
    }

    /**
     * @param zoneLabel the zone name the event was written in, as core should see it (null: none known)
     * @return null when the value is missing or unreadable
     */
    static EventTime read(JsonNode value, boolean allDay, String zoneLabel) {
        String dateTime = value.path("dateTime").asText(null);
        if (dateTime == null) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(dateTime);
            if (allDay) {
                return EventTime.on(local.toLocalDate());
            }
            ZoneId zone = WindowsZones.ianaOf(value.path("timeZone").asText("UTC")).map(ZoneId::of).orElse(null);
            return zone == null ? null : EventTime.at(local.atZone(zone).toInstant(), zoneLabel);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** An instant as Graph writes one in a query or {@code originalStart}: ISO-8601 with offset. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /** A timed value in {@code zone} (an IANA id Graph accepts), or an all-day value as midnight UTC. */
    static ObjectNode write(EventTime time, String zone) {
        ObjectNode node = GraphHttp.JSON.createObjectNode();
        if (time instanceof EventTime.AllDay allDay) {
            node.put("dateTime", LOCAL.format(allDay.date().atStartOfDay()));
            node.put("timeZone", "UTC");
        } else {
            node.put("dateTime", LOCAL.format(LocalDateTime.ofInstant(time.instant(), ZoneId.of(zone))));
            node.put("timeZone", zone);
        }
        return node;
    }
}
