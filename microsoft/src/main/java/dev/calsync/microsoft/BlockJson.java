package dev.calsync.microsoft;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.event.EventTime;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Graph body of a busy block: the title and times of the {@link BlockBody}, its colour as calsync's category
 * ({@link BlockCategory}) where the group sets one, and the fixed rest — private, shown as busy, no reminder, the
 * marker and written form as extended properties — with no body, location, attendees or other categories. An update sends those empty too, so it also wipes what a person added by hand.
 *
 * <p>A single block's times go out in UTC (the instant is all that counts; the zone it was written in is kept in
 * the {@link WrittenForm}). A block series goes out in its own zone, since Graph repeats it there (09:00 Berlin
 * stays 09:00 across DST), with Graph's pattern for its RRULE (see {@link RecurrenceTranslation}).
 */
final class BlockJson {
    /** Graph's idempotency key for a POST: the same for every attempt to create the same block. */
    static final String TRANSACTION_PREFIX = "calsync-";

    /** A block series whose lines Graph's patterns cannot say. */
    static final class NotExpressibleException extends Exception {
        NotExpressibleException(String problem) {
            super(problem);
        }
    }

    private BlockJson() {
    }

    /** The marker's value for the block with this key: core's marker map with the key in it. */
    static String markerValue(String key, BlockBody body) {
        Map<String, String> marker = new HashMap<>(body.marker());
        marker.put(BlockMarker.KEY, key);
        return BlockProperties.markerValue(marker);
    }

    /** @param category the block's category for its colour ({@link BlockCategory}); null or empty: none */
    static ObjectNode forInsert(String key, BlockBody body, String category) throws NotExpressibleException {
        ObjectNode event = common(key, body, category);
        event.put("transactionId", TRANSACTION_PREFIX + key);
        return event;
    }

    /** The whole fixed form, hand-added content cleared; a block no longer a series loses its recurrence. */
    static ObjectNode forUpdate(String key, BlockBody body, String category) throws NotExpressibleException {
        ObjectNode event = cleared(common(key, body, category));
        if (body.recurrence().isEmpty()) {
            event.putNull("recurrence");
        }
        return event;
    }

    /** One occurrence of a block series: like an update, but an occurrence has no recurrence of its own. */
    static ObjectNode forOccurrence(String seriesKey, BlockBody body, String category)
            throws NotExpressibleException {
        return cleared(common(seriesKey, body, category));
    }

    private static ObjectNode cleared(ObjectNode event) {
        event.putObject("body").put("contentType", "text").put("content", "");
        event.putObject("location").put("displayName", "");
        event.putArray("attendees");
        return event;
    }

    private static ObjectNode common(String key, BlockBody body, String category) throws NotExpressibleException {
        boolean series = !body.recurrence().isEmpty();
        String zone = series ? seriesZone(body.start()) : "UTC";
        ObjectNode event = GraphHttp.JSON.createObjectNode();
        event.put("subject", body.summary());
        event.set("start", GraphTimes.write(body.start(), zone));
        event.set("end", GraphTimes.write(body.end(), zone));
        event.put("isAllDay", body.start() instanceof EventTime.AllDay);
        event.put("sensitivity", "private");
        event.put("showAs", "busy");
        event.put("isReminderOn", false);
        // Only calsync's own category: an update also drops what a person added.
        ArrayNode categories = event.putArray("categories");
        if (category != null && !category.isEmpty()) {
            categories.add(category);
        }
        if (series) {
            ZoneId zoneId = ZoneId.of(zone);
            Optional<GraphPattern> pattern = RecurrenceTranslation.toPattern(body.recurrence(), body.start(), zoneId);
            if (pattern.isEmpty()) {
                throw new NotExpressibleException("a recurrence Graph's patterns cannot express");
            }
            LocalDate first = LocalDate.ofInstant(body.start().instant(),
                    body.start() instanceof EventTime.AllDay ? ZoneOffset.UTC : zoneId);
            event.set("recurrence", pattern.get().toJson(first, zone));
        }
        event.set("singleValueExtendedProperties", BlockProperties.of(markerValue(key, body),
                WrittenForm.of(body.start(), body.end(), body.recurrence(), category)));
        return event;
    }

    /** The zone a series repeats in: the one its source was written in (UTC for none, and for all-day ones). */
    private static String seriesZone(EventTime start) throws NotExpressibleException {
        if (!(start instanceof EventTime.Timed timed) || timed.timeZone() == null) {
            return "UTC";
        }
        try {
            return ZoneId.of(timed.timeZone()).getId();
        } catch (DateTimeException e) {
            throw new NotExpressibleException("a series in a zone Java does not know");
        }
    }
}
