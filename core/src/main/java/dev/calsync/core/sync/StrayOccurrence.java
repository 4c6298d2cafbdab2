package dev.calsync.core.sync;

import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockState;
import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import java.util.Optional;

/**
 * A changed occurrence of one of our block series that we never wrote ourselves: moved or deleted by hand,
 * or the echo of an occurrence we reset.
 *
 * @param series   the block series' row
 * @param row      a row for the occurrence, as if it were known
 * @param echoHash the content hash of the occurrence as the target shows it
 */
record StrayOccurrence(KnownBlock series, KnownBlock row, String echoHash) {

    static Optional<StrayOccurrence> of(CalendarRef calendar, SourceEvent event, KnownBlocks rows) {
        if (event.recurringEventId() == null || event.originalStartTime() == null) {
            return Optional.empty();
        }
        String echoHash = BlockBody.contentHashOf(event);
        return rows.byProviderId(calendar, event.recurringEventId())
                .filter(series -> series.state() == BlockState.SYNCED && series.occurrence() == null)
                .map(series -> {
                    OccurrenceRef occurrence = new OccurrenceRef(series.blockId(), event.originalStartTime());
                    KnownBlock row = new KnownBlock(series.groupId(), calendar, occurrence.key(),
                            series.sourceCalendar(), occurrence.nameWithin(series.sourceEventId()), echoHash,
                            BlockState.SYNCED, event.id(), null, occurrence);
                    return new StrayOccurrence(series, row, echoHash);
                });
    }
}
