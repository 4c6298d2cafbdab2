package dev.calsync.app.cluster;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import java.time.Instant;
import java.util.Optional;

/** For the dashboard: when a group's next poll is due, now that each of its calendars is polled on its own. */
public final class CalendarPolls {
    private CalendarPolls() {
    }

    /** The soonest scheduled {@code calendar-poll} of the group's calendars, if any is scheduled. */
    public static Optional<Instant> nextPoll(SchedulerClient scheduler, SyncGroup group) {
        Optional<Instant> next = Optional.empty();
        for (CalendarRef calendar : group.calendars()) {
            Optional<Instant> at = scheduler.getScheduledExecution(
                    TaskInstanceId.of(ClusterConfiguration.POLL_TASK, TaskIds.calendar(calendar)))
                    .map(ScheduledExecution::getExecutionTime);
            if (at.isPresent() && (next.isEmpty() || at.get().isBefore(next.get()))) {
                next = at;
            }
        }
        return next;
    }
}
