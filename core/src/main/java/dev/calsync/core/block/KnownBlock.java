package dev.calsync.core.block;

import dev.calsync.core.calendar.CalendarRef;

/**
 * A block calsync has written (or is about to write) on a target, as the store remembers it or as a full
 * listing of the target shows it.
 *
 * @param blockId        calsync's key for the block (its identity; {@link OccurrenceRef#key()} for an occurrence)
 * @param sourceCalendar the source calendar's key, or for a listed block its marker hash
 * @param contentHash    hash of the content last written ({@link BlockBody#contentHash()})
 * @param providerId     the provider's own id for the block, or null when it is the key itself
 * @param etag           the version the provider last reported, or null
 * @param occurrence     which occurrence of a block series this row is, or null for a single block or a series
 */
public record KnownBlock(String groupId, CalendarRef target, String blockId, String sourceCalendar,
                         String sourceEventId, String contentHash, BlockState state, String providerId, String etag,
                         OccurrenceRef occurrence) {

    public KnownBlock {
        if (blockId.equals(providerId)) {
            providerId = null; // the provider knows the block by its key: nothing more to remember
        }
    }

    public KnownBlock(String groupId, CalendarRef target, String blockId, String sourceCalendar, String sourceEventId,
                      String contentHash, BlockState state) {
        this(groupId, target, blockId, sourceCalendar, sourceEventId, contentHash, state, null, null, null);
    }

    /** How the provider finds this block. */
    public BlockHandle handle() {
        return new BlockHandle(blockId, providerId, etag);
    }

    /** The id the provider knows the block by: the one its change feed reports it under. */
    public String idAtProvider() {
        return handle().idAtProvider();
    }

    public KnownBlock withState(BlockState newState) {
        return new KnownBlock(groupId, target, blockId, sourceCalendar, sourceEventId, contentHash, newState,
                providerId, etag, occurrence);
    }

    public KnownBlock withContentHash(String hash) {
        return new KnownBlock(groupId, target, blockId, sourceCalendar, sourceEventId, hash, state, providerId, etag,
                occurrence);
    }
}
