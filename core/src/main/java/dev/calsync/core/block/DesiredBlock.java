package dev.calsync.core.block;

import dev.calsync.core.calendar.CalendarRef;

/**
 * A block the projection wants on a target, for one source event.
 *
 * @param seriesBlockId for an occurrence of a block series (written through its instance id), the series'
 *                      block id; null for a single block or a series
 */
public record DesiredBlock(String groupId, CalendarRef source, String sourceEventId, CalendarRef target,
                           String blockId, BlockBody body, String seriesBlockId) {

    public DesiredBlock(String groupId, CalendarRef source, String sourceEventId, CalendarRef target,
                        String blockId, BlockBody body) {
        this(groupId, source, sourceEventId, target, blockId, body, null);
    }

    public boolean isInstance() {
        return seriesBlockId != null;
    }

    public String contentHash() {
        return body.contentHash();
    }

    public KnownBlock known(BlockState state) {
        return new KnownBlock(groupId, target, blockId, source.key(), sourceEventId, contentHash(), state);
    }
}
