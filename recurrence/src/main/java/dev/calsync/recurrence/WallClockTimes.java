package dev.calsync.recurrence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.InstanceIterator;
import org.dmfs.rfc5545.RecurrenceSet;

/**
 * A set of floating wall-clock times (what lib-recur expands a rule into) as the instants they name in one
 * zone, in instant order, so lib-recur's Merged and Difference can combine it with other placed sets.
 *
 * <p>A time inside a spring-forward gap names a later instant than the times just after the gap, so a few
 * placed instants wait in a queue until no later wall-clock time can name an earlier one. Two times naming
 * the same instant (02:30 in the gap and 03:30) give it once.
 *
 * <p>An UNTIL in UTC bounds the instants, not the wall-clock times: lib-recur is given a wall-clock bound a
 * little later and the instants after {@code until} are dropped here, except the series' start, which is
 * always its first occurrence.
 */
final class WallClockTimes implements RecurrenceSet {

    /** Offsets of one zone never differ by this much, so a wall-clock time this far back names an earlier instant. */
    static final long SLACK_DAYS = 2;

    private final RecurrenceSet wallClockTimes;
    private final WallClock clock;
    private final Instant until;
    private final boolean keepsStart;

    /**
     * @param until      instants after it are dropped, or null
     * @param keepsStart whether the series' start survives {@code until} (it does for an RRULE, not an EXRULE)
     */
    WallClockTimes(RecurrenceSet wallClockTimes, WallClock clock, Instant until, boolean keepsStart) {
        this.wallClockTimes = wallClockTimes;
        this.clock = clock;
        this.until = until;
        this.keepsStart = keepsStart;
    }

    @Override
    public InstanceIterator iterator() {
        return new Placed(wallClockTimes.iterator());
    }

    @Override
    public boolean isInfinite() {
        return until == null && wallClockTimes.isInfinite();
    }

    private final class Placed implements InstanceIterator {
        private final InstanceIterator times;
        private final PriorityQueue<Instant> pending = new PriorityQueue<>();
        private LocalDateTime lookahead;

        Placed(InstanceIterator times) {
            this.times = times;
            this.lookahead = pull();
        }

        @Override
        public boolean hasNext() {
            settle();
            return !pending.isEmpty();
        }

        @Override
        public DateTime next() {
            settle();
            Instant next = pending.poll();
            if (next == null) {
                throw new NoSuchElementException("no more instances");
            }
            while (next.equals(pending.peek())) {
                pending.poll();
            }
            return WallClock.utc(next);
        }

        @Override
        public void fastForward(DateTime to) {
            Instant target = Instant.ofEpochMilli(to.getTimestamp());
            pending.removeIf(instant -> instant.isBefore(target));
            LocalDateTime skipTo = clock.local(target).minusDays(SLACK_DAYS);
            if (lookahead != null && lookahead.isBefore(skipTo)) {
                // lib-recur skips the bulk (and still counts it for COUNT); the last days are placed one by one.
                times.fastForward(WallClock.floating(skipTo));
                lookahead = pull();
            }
            while (lookahead != null && clock.earliestFrom(lookahead).isBefore(target)) {
                Instant placed = clock.instant(lookahead);
                if (!placed.isBefore(target)) {
                    add(placed);
                }
                lookahead = pull();
            }
        }

        /** Places times until the earliest pending instant is certainly the next one. */
        private void settle() {
            while (lookahead != null && (pending.isEmpty() || !clock.earliestFrom(lookahead).isAfter(pending.peek()))) {
                add(clock.instant(lookahead));
                lookahead = pull();
            }
        }

        private void add(Instant instant) {
            boolean start = keepsStart && instant.equals(clock.startInstant());
            if (until == null || !instant.isAfter(until) || start) {
                pending.add(instant);
            }
        }

        private LocalDateTime pull() {
            return times.hasNext() ? WallClock.local(times.next()) : null;
        }
    }
}
