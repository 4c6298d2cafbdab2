package dev.calsync.core.block;

import dev.calsync.core.event.EventTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One occurrence of a block series: the series' key and the original start that names the occurrence in it.
 * Adapters map it to their own addressing (an instance id, a {@code RECURRENCE-ID} inside the series' resource,
 * an occurrence id of the provider's); core only ever needs it as a value and, for its own rows, as a key.
 *
 * @param originalStart the occurrence's start as the series' rule places it (only its instant, or its date for
 *                      an all-day series, names it)
 */
public record OccurrenceRef(String seriesKey, EventTime originalStart) {
    private static final DateTimeFormatter TIMED =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    public OccurrenceRef {
        Objects.requireNonNull(seriesKey, "seriesKey");
        Objects.requireNonNull(originalStart, "originalStart");
    }

    /**
     * The occurrence's own key among calsync's blocks: the series key and the original start in UTC (or the date).
     * Built here and nowhere else; never parsed back (a row keeps the value itself).
     */
    public String key() {
        return nameWithin(seriesKey);
    }

    /** A name for this occurrence under another name of its series (the series' source event, say). */
    public String nameWithin(String seriesName) {
        return seriesName + "_" + (originalStart instanceof EventTime.AllDay allDay
                ? DATE.format(allDay.date()) : TIMED.format(originalStart.instant()));
    }
}
