package dev.calsync.core.block;

import dev.calsync.core.calendar.CalendarRef;

/**
 * A block calsync has written (or is about to write) on a target, as the store remembers it or as a full
 * listing of the target shows it.
 *
 * @param sourceCalendar the source calendar's key, or for a listed block its marker hash
 * @param contentHash    hash of the content last written ({@link BlockBody#contentHash()})
 */
public record KnownBlock(String groupId, CalendarRef target, String blockId, String sourceCalendar,
                         String sourceEventId, String contentHash, BlockState state) {

    public KnownBlock withState(BlockState newState) {
        return new KnownBlock(groupId, target, blockId, sourceCalendar, sourceEventId, contentHash, newState);
    }

    public KnownBlock withContentHash(String hash) {
        return new KnownBlock(groupId, target, blockId, sourceCalendar, sourceEventId, hash, state);
    }
}
