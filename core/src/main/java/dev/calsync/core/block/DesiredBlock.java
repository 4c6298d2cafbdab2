package dev.calsync.core.block;

import dev.calsync.core.calendar.CalendarRef;

/**
 * A block the projection wants on a target, for one source event.
 *
 * @param blockId    calsync's key for the block: deterministic for a single block or a series, the occurrence's
 *                   key for an occurrence of a block series
 * @param occurrence for an occurrence of a block series (written through the series), which one; null for a
 *                   single block or a series
 */
public record DesiredBlock(String groupId, CalendarRef source, String sourceEventId, CalendarRef target,
                           String blockId, BlockBody body, OccurrenceRef occurrence) {

    public DesiredBlock {
        if (occurrence != null && !occurrence.key().equals(blockId)) {
            throw new IllegalArgumentException("an occurrence's block id is its key: " + blockId);
        }
    }

    public DesiredBlock(String groupId, CalendarRef source, String sourceEventId, CalendarRef target,
                        String blockId, BlockBody body) {
        this(groupId, source, sourceEventId, target, blockId, body, null);
    }

    /** An occurrence of a block series; its block id is the occurrence's key. */
    public static DesiredBlock occurrence(String groupId, CalendarRef source, String sourceEventId,
                                          CalendarRef target, OccurrenceRef occurrence, BlockBody body) {
        return new DesiredBlock(groupId, source, sourceEventId, target, occurrence.key(), body, occurrence);
    }

    public boolean isInstance() {
        return occurrence != null;
    }

    /** The block series' key for an occurrence, else null. */
    public String seriesBlockId() {
        return occurrence == null ? null : occurrence.seriesKey();
    }

    public String contentHash() {
        return body.contentHash();
    }

    /** The row for this block before the provider said anything about it. */
    public KnownBlock known(BlockState state) {
        return new KnownBlock(groupId, target, blockId, source.key(), sourceEventId, contentHash(), state, null, null,
                occurrence);
    }

    /** The row for this block as the provider confirmed it. */
    public KnownBlock known(BlockState state, BlockHandle written) {
        return new KnownBlock(groupId, target, blockId, source.key(), sourceEventId, contentHash(), state,
                written.providerId(), written.etag(), occurrence);
    }
}
