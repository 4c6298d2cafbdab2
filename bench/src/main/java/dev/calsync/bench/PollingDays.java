package dev.calsync.bench;

import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.sync.SyncRequest;
import java.time.Instant;
import java.util.List;

/** The polling modes' days: every poll interval, each group is polled (all users at once on the worker pool). */
final class PollingDays {
    private final Batch batch;

    PollingDays(Batch batch) {
        this.batch = batch;
    }

    void run() {
        List<TimelineItem> timeline = batch.replay.timeline();
        int next = 0;
        Instant end = batch.end();
        Stats stats = batch.stats;
        for (Instant tick = Workload.START.plus(batch.plan.spec().pollInterval()); !tick.isAfter(end);
             tick = tick.plus(batch.plan.spec().pollInterval())) {
            while (next < timeline.size() && timeline.get(next).at().isBefore(tick)) {
                TimelineItem item = timeline.get(next++);
                batch.clock.set(item.at());
                batch.replay.apply(item);
            }
            batch.clock.set(tick);
            Instant at = tick;
            batch.parallel(u -> batch.passes.dayPass(u, SyncRequest.poll(), at, batch.groups.get(u).calendars().size()));
            for (SyncGroup group : batch.groups) {
                stats.boundLists += group.calendars().size();
            }
            stats.polls += batch.users.size();
            batch.report(tick);
        }
    }
}
