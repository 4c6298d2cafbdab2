package dev.calsync.core.block;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Deterministic block ids: the same source event always maps to the same block id on a target, so a
 * replayed insert meets 409 instead of making a duplicate, whatever crashed or raced.
 */
public final class BlockIds {
    private static final DateTimeFormatter INSTANCE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter INSTANCE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private BlockIds() {
    }

    /** {@code "cs" + base32hex(sha256(groupId|sourceCalendar|sourceEventId|targetCalendar))[0..40]}. */
    public static String of(String groupId, CalendarRef source, String sourceEventId, CalendarRef target) {
        String digest = Sha256.base32hex(groupId + "|" + source.key() + "|" + sourceEventId + "|" + target.key());
        return "cs" + digest.substring(0, 40);
    }

    /** The id of one occurrence of a block series, as Google names instances. */
    public static String instanceOf(String seriesBlockId, EventTime originalStart) {
        return seriesBlockId + "_" + instanceSuffix(originalStart);
    }

    public static String instanceSuffix(EventTime originalStart) {
        if (originalStart instanceof EventTime.AllDay allDay) {
            return INSTANCE_DATE.format(allDay.date());
        }
        return INSTANCE_TIME.format(originalStart.instant());
    }
}
