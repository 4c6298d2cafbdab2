package dev.calsync.core.reconcile;

import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.DesiredBlock;
import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.event.EventTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The plain occurrence of a block series, as its rule alone places it: what an overridden occurrence goes
 * back to when its source exception is reverted. The occurrence is named by its instance id's suffix.
 */
public final class OccurrenceDefaults {
    private static final DateTimeFormatter TIMED =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private OccurrenceDefaults() {
    }

    /** The default occurrence for an instance row of {@code series}, or empty when it cannot be one. */
    public static Optional<DesiredBlock> of(DesiredBlock series, KnownBlock instance) {
        String suffix = instance.blockId().substring(series.blockId().length() + 1);
        BlockBody body = series.body();
        try {
            EventTime start;
            EventTime end;
            if (body.start() instanceof EventTime.AllDay seriesStart && body.end() instanceof EventTime.AllDay seriesEnd) {
                LocalDate date = LocalDate.parse(suffix, DATE);
                start = EventTime.on(date);
                end = EventTime.on(date.plus(Period.between(seriesStart.date(), seriesEnd.date())));
            } else if (body.start() instanceof EventTime.Timed seriesStart && body.end() instanceof EventTime.Timed seriesEnd) {
                Instant at = TIMED.parse(suffix, Instant::from);
                start = EventTime.at(at, seriesStart.timeZone());
                end = EventTime.at(at.plus(Duration.between(seriesStart.instant(), seriesEnd.instant())),
                        seriesEnd.timeZone());
            } else {
                return Optional.empty();
            }
            BlockBody plain = new BlockBody(body.summary(), start, end, List.of(), body.marker());
            return Optional.of(new DesiredBlock(series.groupId(), series.source(), instance.sourceEventId(),
                    series.target(), instance.blockId(), plain, series.blockId()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
