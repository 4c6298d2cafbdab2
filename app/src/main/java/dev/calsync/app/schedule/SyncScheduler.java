package dev.calsync.app.schedule;

import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.calsync.app.cluster.CalendarPolls;
import dev.calsync.core.group.SyncGroup;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What the web layer asks of the scheduler: queue a pass now, and when the next poll is due. */
@Component
public class SyncScheduler {

    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> syncGroupTask;

    public SyncScheduler(SchedulerClient scheduler, OneTimeTask<Void> syncGroupTask) {
        this.scheduler = scheduler;
        this.syncGroupTask = syncGroupTask;
    }

    /** "Sync now" and "Full resync": a pass as soon as a scheduler thread is free. */
    public SyncOrder requestSync(String groupId, boolean full) {
        SyncOrder order = SyncOrder.now(groupId, full);
        scheduler.schedule(syncGroupTask.instance(order.instanceId()), Instant.now());
        return order;
    }

    /**
     * "Sync now" and "Full resync" pressed again and again: a pass of this kind is queued only when none is waiting
     * yet (one already running does not count: it may have read before the change the person wants to see).
     *
     * @return the new order, or empty when one of the kind was still waiting
     */
    public synchronized Optional<SyncOrder> requestSyncUnlessQueued(String groupId, boolean full) {
        SyncOrder.Kind kind = full ? SyncOrder.Kind.FULL : SyncOrder.Kind.SYNC;
        boolean waiting = scheduler.getScheduledExecutionsForTask(SyncTasks.SYNC_TASK, Object.class,
                        ScheduledExecutionsFilter.all().withPicked(false)).stream()
                .map(execution -> SyncOrder.parse(execution.getTaskInstance().getId()))
                .anyMatch(order -> order.groupId().equals(groupId) && order.kind() == kind);
        return waiting ? Optional.empty() : Optional.of(requestSync(groupId, full));
    }

    /** The soonest poll of one of the group's calendars. */
    public Optional<Instant> nextPoll(SyncGroup group) {
        return CalendarPolls.nextPoll(scheduler, group);
    }

    /** Passes of this group waiting to run or running. */
    public List<SyncOrder> pending(String groupId) {
        return scheduler.getScheduledExecutionsForTask(SyncTasks.SYNC_TASK).stream()
                .map(execution -> SyncOrder.parse(execution.getTaskInstance().getId()))
                .filter(order -> order.groupId().equals(groupId))
                .toList();
    }
}
