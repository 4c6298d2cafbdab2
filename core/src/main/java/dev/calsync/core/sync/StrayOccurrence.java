package dev.calsync.core.sync;

import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockState;
import dev.calsync.core.block.KnownBlock;
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

    static Optional<StrayOccurrence> of(CalendarRef calendar, SourceEvent event, BlockRows rows) {
        if (event.recurringEventId() == null) {
            return Optional.empty();
        }
        return rows.get(calendar, event.recurringEventId())
                .filter(series -> series.state() == BlockState.SYNCED)
                .filter(series -> event.id().startsWith(series.blockId() + "_"))
                .map(series -> new StrayOccurrence(series, new KnownBlock(series.groupId(), calendar, event.id(),
                        series.sourceCalendar(), series.sourceEventId() + event.id().substring(series.blockId().length()),
                        BlockBody.contentHashOf(event), BlockState.SYNCED), BlockBody.contentHashOf(event)));
    }
}
