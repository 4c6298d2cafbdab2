package dev.calsync.core.reconcile;

import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.DesiredBlock;
import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.event.EventTime;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * The plain occurrence of a block series, as its rule alone places it: what an overridden occurrence goes
 * back to when its source exception is reverted.
 */
public final class OccurrenceDefaults {
    private OccurrenceDefaults() {
    }

    /** The default occurrence for an occurrence row of {@code series}, or empty when it cannot be one. */
    public static Optional<DesiredBlock> of(DesiredBlock series, KnownBlock instance) {
        OccurrenceRef occurrence = instance.occurrence();
        BlockBody body = series.body();
        if (occurrence == null || !occurrence.seriesKey().equals(series.blockId())) {
            return Optional.empty();
        }
        EventTime start;
        EventTime end;
        if (body.start() instanceof EventTime.AllDay seriesStart && body.end() instanceof EventTime.AllDay seriesEnd
                && occurrence.originalStart() instanceof EventTime.AllDay original) {
            start = original;
            end = EventTime.on(original.date().plus(Period.between(seriesStart.date(), seriesEnd.date())));
        } else if (body.start() instanceof EventTime.Timed seriesStart && body.end() instanceof EventTime.Timed seriesEnd
                && occurrence.originalStart() instanceof EventTime.Timed original) {
            Instant at = original.instant();
            start = EventTime.at(at, seriesStart.timeZone());
            end = EventTime.at(at.plus(Duration.between(seriesStart.instant(), seriesEnd.instant())),
                    seriesEnd.timeZone());
        } else {
            return Optional.empty();
        }
        BlockBody plain = new BlockBody(body.summary(), start, end, List.of(), body.marker());
        return Optional.of(DesiredBlock.occurrence(series.groupId(), series.source(), instance.sourceEventId(),
                series.target(), occurrence, plain));
    }
}
