package dev.calsync.core.block;

import dev.calsync.core.calendar.CalendarRef;

/**
 * Deterministic block ids: the same source event always maps to the same block id on a target, so a
 * replayed insert finds the block it made before instead of making a duplicate, whatever crashed or raced.
 */
public final class BlockIds {
    private BlockIds() {
    }

    /** {@code "cs" + base32hex(sha256(groupId|sourceCalendar|sourceEventId|targetCalendar))[0..40]}. */
    public static String of(String groupId, CalendarRef source, String sourceEventId, CalendarRef target) {
        String digest = Sha256.base32hex(groupId + "|" + source.key() + "|" + sourceEventId + "|" + target.key());
        return "cs" + digest.substring(0, 40);
    }
}
