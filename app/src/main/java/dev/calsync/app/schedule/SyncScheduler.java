package dev.calsync.app.schedule;

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
