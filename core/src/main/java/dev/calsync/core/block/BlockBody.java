package dev.calsync.core.block;

import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import java.util.List;
import java.util.Map;

/**
 * What calsync writes on a target: the busy title and the source's times, nothing else. Providers add the
 * fixed parts of a block (opaque, private, no reminders, no attendees, description or location).
 *
 * @param recurrence the source series' RRULE/EXDATE/RDATE lines, or empty
 */
public record BlockBody(String summary, EventTime start, EventTime end, List<String> recurrence,
                        Map<String, String> marker) {

    public BlockBody {
        recurrence = List.copyOf(recurrence);
        marker = Map.copyOf(marker);
    }

    /** Hash of what a person can see and change; an echo with another hash was edited by hand. */
    public String contentHash() {
        return hash(summary, start, end, recurrence);
    }

    /** The same hash for an event read back from a target; a deleted block never matches. */
    public static String contentHashOf(SourceEvent echo) {
        if (echo.cancelled() || echo.start() == null || echo.end() == null) {
            return "cancelled";
        }
        return hash(echo.summary(), echo.start(), echo.end(), echo.recurrence());
    }

    private static String hash(String summary, EventTime start, EventTime end, List<String> recurrence) {
        String text = summary + "\n" + start.canonical() + "\n" + end.canonical() + "\n" + String.join("\n", recurrence);
        return Sha256.base32hex(text).substring(0, 24);
    }
}
