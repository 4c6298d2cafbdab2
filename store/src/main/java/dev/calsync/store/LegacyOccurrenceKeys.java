package dev.calsync.store;

import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.event.EventTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Rows written before blocks kept their occurrence as a value (V30) name an occurrence only by its key,
 * {@code <seriesKey>_<yyyyMMdd'T'HHmmss'Z'>} or {@code <seriesKey>_<yyyyMMdd>}: read the value back out of it,
 * once, here. Block keys themselves never contain an underscore.
 */
final class LegacyOccurrenceKeys {
    private static final DateTimeFormatter TIMED =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private LegacyOccurrenceKeys() {
    }

    /** The occurrence a legacy key names, or null for a single block or a series (or a key that names none). */
    static OccurrenceRef parse(String blockId) {
        int underscore = blockId.indexOf('_');
        if (underscore < 0) {
            return null;
        }
        String stamp = blockId.substring(underscore + 1);
        try {
            EventTime start = stamp.length() == 8 ? EventTime.on(LocalDate.parse(stamp, DATE))
                    : EventTime.at(TIMED.parse(stamp, Instant::from), null);
            OccurrenceRef occurrence = new OccurrenceRef(blockId.substring(0, underscore), start);
            return occurrence.key().equals(blockId) ? occurrence : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
