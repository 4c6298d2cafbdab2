package dev.calsync.recurrence;

import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.recurrence.Occurrence;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.recurrence.UnsupportedRecurrenceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.InstanceIterator;
import org.dmfs.rfc5545.RecurrenceSet;
import org.dmfs.rfc5545.recurrenceset.FastForwarded;

/**
 * {@link Recurrences} backed by lib-recur. Stateless and thread-safe; the lines are re-read on every call.
 */
public final class LibRecurRecurrences implements Recurrences {

    /** Enough for any sane window; keeps a FREQ=MINUTELY rule over a year from exhausting memory. */
    public static final int DEFAULT_MAX_OCCURRENCES = 10_000;

    private static final System.Logger LOG = System.getLogger(LibRecurRecurrences.class.getName());

    private final int maxOccurrences;

    public LibRecurRecurrences() {
        this(DEFAULT_MAX_OCCURRENCES);
    }

    /** @param maxOccurrences at most this many occurrences are returned by one call (the earliest ones) */
    public LibRecurRecurrences(int maxOccurrences) {
        if (maxOccurrences < 1) {
            throw new IllegalArgumentException("maxOccurrences must be positive");
        }
        this.maxOccurrences = maxOccurrences;
    }

    @Override
    public List<Occurrence> between(SourceEvent series, Instant from, Instant to) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        SeriesTiming timing = SeriesTiming.of(series);
        RecurrenceSet set;
        try {
            set = RecurrenceLines.toRecurrenceSet(series.recurrence(), timing);
        } catch (UnsupportedRecurrenceException e) {
            throw new UnsupportedRecurrenceException("Series " + series.id() + ": " + e.getMessage(), e.getCause());
        }
        if (!from.isBefore(to)) {
            return List.of();
        }
        try {
            // Fast-forwarding skips old instances without materialising them (an endless rule started years
            // ago stays cheap), while lib-recur still counts them, so COUNT keeps counting from DTSTART.
            return collect(new FastForwarded(timing.fastForwardPoint(from), set).iterator(), timing, from, to, series);
        } catch (UnsupportedRecurrenceException e) {
            throw e;
        } catch (RuntimeException e) {
            // lib-recur gives up on rules that (almost) never match, e.g. BYMONTH=2;BYMONTHDAY=30 or an
            // EXRULE removing everything.
            throw new UnsupportedRecurrenceException("Cannot expand recurrence " + series.recurrence()
                    + " of series " + series.id() + ": " + e.getMessage(), e);
        }
    }

    private List<Occurrence> collect(InstanceIterator instances, SeriesTiming timing, Instant from, Instant to,
            SourceEvent series) {
        List<Occurrence> result = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        while (instances.hasNext()) {
            DateTime instance = instances.next();
            if (instance.getTimestamp() == previous) {
                // lib-recur's Merged only folds equal DateTimes, zone included: an RDATE written in UTC for
                // an instant the Berlin rule also produces would otherwise come out twice.
                continue;
            }
            previous = instance.getTimestamp();
            Occurrence occurrence = timing.occurrence(instance);
            if (!occurrence.start().instant().isBefore(to)) {
                break;
            }
            if (occurrence.end().instant().isAfter(from)) {
                result.add(occurrence);
                if (result.size() == maxOccurrences) {
                    LOG.log(System.Logger.Level.WARNING, "Series {0}: more than {1} occurrences between {2} and {3},"
                            + " returning the first {1}", series.id(), maxOccurrences, from, to);
                    break;
                }
            }
        }
        return result;
    }
}
