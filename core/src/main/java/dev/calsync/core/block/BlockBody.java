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
 * @param cancelled   true for an occurrence of a block series that must not take place (its source occurrence
 *                    was cancelled or declined); such a body is applied by deleting the instance
 * @param contentHash hash of what a person can see and change (an echo with another hash was edited by hand);
 *                    derived from the other components when the body is made, because the reconciler asks for it
 *                    several times for every target of every block: pass null, or the very same value
 */
public record BlockBody(String summary, EventTime start, EventTime end, List<String> recurrence,
                        Map<String, String> marker, boolean cancelled, String contentHash) {
    static final String CANCELLED_HASH = "cancelled";

    public BlockBody {
        recurrence = List.copyOf(recurrence);
        marker = Map.copyOf(marker);
        String derived = cancelled ? CANCELLED_HASH : hash(summary, start, end, recurrence, marker.get(BlockMarker.COLOR));
        if (contentHash != null && !contentHash.equals(derived)) {
            throw new IllegalArgumentException("contentHash is derived from the body, not chosen: " + contentHash);
        }
        contentHash = derived;
    }

    public BlockBody(String summary, EventTime start, EventTime end, List<String> recurrence,
                     Map<String, String> marker) {
        this(summary, start, end, recurrence, marker, false, null);
    }

    public static BlockBody cancelledOccurrence(Map<String, String> marker) {
        return new BlockBody(null, null, null, List.of(), marker, true, null);
    }

    /** This body with the installation's id in its marker (what every write carries). */
    public BlockBody stampedBy(String installationId) {
        if (installationId == null || installationId.equals(marker.get(BlockMarker.INSTALLATION))) {
            return this;
        }
        Map<String, String> stamped = new java.util.HashMap<>(marker);
        stamped.put(BlockMarker.INSTALLATION, installationId);
        return new BlockBody(summary, start, end, recurrence, stamped, cancelled, contentHash);
    }

    /** The same hash for an event read back from a target; a deleted block never matches a live one. */
    public static String contentHashOf(SourceEvent echo) {
        if (echo.cancelled() || echo.start() == null || echo.end() == null) {
            return CANCELLED_HASH;
        }
        return hash(echo.summary(), echo.start(), echo.end(), echo.recurrence(),
                echo.privateProperties().get(BlockMarker.COLOR));
    }

    /** The palette index of the block's colour ({@link BlockMarker#COLOR}), or null for the calendar's own. */
    public Integer color() {
        String color = marker.get(BlockMarker.COLOR);
        return color == null ? null : Integer.valueOf(color);
    }

    // A colour counts only where a group sets one, so blocks written before colours existed keep their hash.
    private static String hash(String summary, EventTime start, EventTime end, List<String> recurrence,
                               String color) {
        String text = summary + "\n" + start.canonical() + "\n" + end.canonical() + "\n" + String.join("\n", recurrence)
                + (color == null ? "" : "\ncolor " + color);
        return Sha256.base32hex(text).substring(0, 24);
    }
}
