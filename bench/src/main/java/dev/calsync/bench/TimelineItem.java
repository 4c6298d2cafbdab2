package dev.calsync.bench;

import dev.calsync.bench.Workload.Change;
import dev.calsync.bench.Workload.Fault;
import java.time.Instant;
import java.util.Comparator;

/**
 * One thing that happens at a simulated instant: a user's change or a fault ({@code user} ≥ 0), or one of push's
 * routines for the whole batch. At one instant, users' items come first, then channel rounds, then safety polls.
 */
record TimelineItem(Instant at, int user, Change change, Fault fault, Routine routine) {

    enum Routine { CHANNEL_ROUND, SAFETY_POLL }

    static final Comparator<TimelineItem> ORDER = Comparator.comparing(TimelineItem::at)
            .thenComparing(item -> item.routine() == null ? -1 : item.routine().ordinal())
            .thenComparingInt(TimelineItem::user);

    static TimelineItem change(int user, Change change) {
        return new TimelineItem(change.at(), user, change, null, null);
    }

    static TimelineItem fault(int user, Fault fault) {
        return new TimelineItem(fault.at(), user, null, fault, null);
    }

    static TimelineItem routine(Instant at, Routine routine) {
        return new TimelineItem(at, -1, null, null, routine);
    }
}
