package dev.calsync.core.block;

import dev.calsync.core.calendar.CalendarRef;

/** A block the projection wants on a target, for one source event. */
public record DesiredBlock(String groupId, CalendarRef source, String sourceEventId, CalendarRef target,
                           String blockId, BlockBody body) {

    public String contentHash() {
        return body.contentHash();
    }

    public KnownBlock known(BlockState state) {
        return new KnownBlock(groupId, target, blockId, source.key(), sourceEventId, contentHash(), state);
    }
}
