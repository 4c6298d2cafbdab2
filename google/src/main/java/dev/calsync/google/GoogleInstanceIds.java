package dev.calsync.google;

import dev.calsync.core.block.BlockHandle;
import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.event.EventTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How Google names one occurrence of a series: {@code <seriesId>_<yyyyMMdd'T'HHmmss'Z'>} in UTC, or
 * {@code <seriesId>_<yyyyMMdd>} for an all-day series. Writing to that id overrides or cancels the occurrence.
 */
final class GoogleInstanceIds {
    private static final DateTimeFormatter TIMED =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private GoogleInstanceIds() {
    }

    static String of(BlockHandle series, OccurrenceRef occurrence) {
        EventTime start = occurrence.originalStart();
        return series.idAtProvider() + "_"
                + (start instanceof EventTime.AllDay allDay ? DATE.format(allDay.date()) : TIMED.format(start.instant()));
    }
}
