package dev.calsync.core.reconcile;

import dev.calsync.core.event.EventTime;
import dev.calsync.core.recurrence.Occurrence;
import dev.calsync.core.rules.WorkingHours;
import java.util.List;

/**
 * A group's {@code hours} applied to busy time. A single event is cut to the hours: one block per stretch inside
 * them (a week-long trip under weekday hours makes five), none when nothing is inside. A series is judged by its
 * occurrences in the window:
 * <ul>
 *   <li>all inside the hours: mirrored as one block series, as without hours (one write per target);</li>
 *   <li>all outside: not mirrored (its exceptions that moved into the hours stand alone);</li>
 *   <li>straddling the edge (some outside or cut, e.g. a daily series on a weekday-only schedule, or 07:30–08:30
 *       under hours from 08:00): a block series cannot be cut (its RRULE would need an EXDATE per weekend and a
 *       shifted DTSTART that a provider's expansion across zones does not keep exact), so each occurrence in the
 *       window gets single blocks for its stretches inside the hours. That costs one insert per occurrence per
 *       target instead of one per series, and one more insert for each occurrence that the moving window takes
 *       in (passed ones are forgotten, not deleted).</li>
 * </ul>
 * Pieces after the first of one source are named {@code id~n}; the occurrences of a series written as single
 * blocks {@code seriesId@originalStart} ({@link #occurrenceId}).
 */
public final class HoursClipping {
    /** How a series fares under the hours. */
    public enum SeriesForm { INSIDE, OUTSIDE, STRADDLES }

    /** One stretch of busy time that makes a block. */
    public record Piece(EventTime start, EventTime end) {
    }

    private final WorkingHours hours;

    /** @param hours null for all the time (nothing is clipped) */
    public HoursClipping(WorkingHours hours) {
        this.hours = hours;
    }

    public boolean clips() {
        return hours != null;
    }

    /** True when [start, end) needs no cutting. */
    public boolean inside(EventTime start, EventTime end) {
        return hours == null || hours.contains(start, end);
    }

    /** The stretches of [start, end) inside the hours, as block times in the hours' zone. */
    public List<Piece> pieces(EventTime start, EventTime end) {
        if (inside(start, end)) {
            return List.of(new Piece(start, end));
        }
        String zone = hours.zone().getId();
        return hours.clip(start, end).stream()
                .map(span -> new Piece(EventTime.at(span.start(), zone), EventTime.at(span.end(), zone)))
                .toList();
    }

    /** @param occurrences the series' occurrences in the window, at least one */
    public SeriesForm form(List<Occurrence> occurrences) {
        if (hours == null || occurrences.stream().allMatch(o -> hours.contains(o.start(), o.end()))) {
            return SeriesForm.INSIDE;
        }
        if (occurrences.stream().allMatch(o -> hours.clip(o.start(), o.end()).isEmpty())) {
            return SeriesForm.OUTSIDE;
        }
        return SeriesForm.STRADDLES;
    }

    /** The source event id of piece {@code n} of {@code eventId}: the id itself for the first. */
    public static String pieceId(String eventId, int n) {
        return n == 0 ? eventId : eventId + "~" + n;
    }

    /** The source event id of an occurrence written as a single block. */
    public static String occurrenceId(String seriesId, EventTime originalStart) {
        return seriesId + "@" + originalStart.canonical();
    }
}
