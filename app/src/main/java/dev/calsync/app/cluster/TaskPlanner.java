package dev.calsync.app.cluster;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.store.ClusterQueries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps db-scheduler's table in line with the groups: every calendar of a group has its poll task, every group its
 * reconcile and horizon task, a group retired from the configuration its reconcile task while its blocks are
 * recorded; tasks of calendars and groups that are gone are cancelled. It only adds with
 * {@code scheduleIfNotExists} under ids derived from the calendar or group, so any node may run it any number of
 * times (db-scheduler runs it on one node at a time) and a restart changes nothing.
 */
public final class TaskPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(TaskPlanner.class);
    /** New calendars are first polled within this long (spread by id), however long the poll interval. */
    public static final Duration FIRST_POLL_SPREAD = Duration.ofSeconds(30);

    /** What one run changed. */
    public record Changes(int scheduled, int cancelled) {
    }

    private final ClusterQueries queries;
    private final Task<Integer> pollTask;
    private final Task<Integer> reconcileTask;
    private final Task<Integer> horizonTask;
    private final PollIntervals intervals;
    private final ClusterProperties properties;
    private final Clock clock;

    TaskPlanner(ClusterQueries queries, Task<Integer> pollTask, Task<Integer> reconcileTask, Task<Integer> horizonTask,
                PollIntervals intervals, ClusterProperties properties, Clock clock) {
        this.queries = queries;
        this.pollTask = pollTask;
        this.reconcileTask = reconcileTask;
        this.horizonTask = horizonTask;
        this.intervals = intervals;
        this.properties = properties;
        this.clock = clock;
    }

    public Changes plan(SchedulerClient scheduler) {
        Instant now = clock.instant();
        Set<String> calendars = new LinkedHashSet<>();
        for (CalendarRef calendar : queries.calendarsInGroups()) {
            calendars.add(TaskIds.calendar(calendar));
        }
        Set<String> groups = new LinkedHashSet<>(queries.groupIds());
        // A group taken out of the configuration file keeps its reconcile task while its blocks are recorded: the
        // task removes them (see PassTasks#reconcile), first soon, then daily while a calendar cannot be reached.
        Set<String> retired = new LinkedHashSet<>(queries.retiredGroupIds());
        Set<String> reconciled = new LinkedHashSet<>(groups);
        reconciled.addAll(retired);
        Duration firstPoll = min(intervals.pollInterval(), FIRST_POLL_SPREAD);
        int scheduled = ensure(scheduler, pollTask, calendars, firstPoll, now);
        scheduled += ensure(scheduler, reconcileTask, groups, properties.reconcileInterval(), now);
        scheduled += ensure(scheduler, reconcileTask, retired, min(properties.reconcileInterval(), FIRST_POLL_SPREAD),
                now);
        scheduled += ensure(scheduler, horizonTask, groups, properties.horizonInterval(), now);
        int cancelled = retire(scheduler, pollTask, calendars) + retire(scheduler, reconcileTask, reconciled)
                + retire(scheduler, horizonTask, groups);
        if (scheduled > 0 || cancelled > 0) {
            LOG.atInfo().addKeyValue("scheduled", scheduled).addKeyValue("cancelled", cancelled)
                    .log("task plan: {} tasks scheduled, {} cancelled ({} calendars, {} groups)", scheduled, cancelled,
                            calendars.size(), groups.size());
        }
        return new Changes(scheduled, cancelled);
    }

    /**
     * At a node's start: the reconcile task of every group retired from the configuration (by this start's file, or
     * earlier with its removal unfinished) runs now, not on its next daily round, so the blocks of a group taken out
     * of the file go within a minute of the restart that dropped it.
     *
     * @return the retired groups whose removal was queued
     */
    public List<String> hurryRetired(SchedulerClient scheduler) {
        Instant now = clock.instant();
        List<String> queued = new ArrayList<>();
        for (String id : queries.retiredGroupIds()) {
            try {
                if (scheduler.scheduleIfNotExists(reconcileTask.instance(id), now)
                        || scheduler.reschedule(TaskInstanceId.of(reconcileTask.getName(), id), now)) {
                    queued.add(id);
                }
            } catch (RuntimeException e) {
                // Running right now on another node: that run removes the blocks.
                LOG.debug("could not queue the removal of retired group {}: {}", id, e.toString());
            }
        }
        if (!queued.isEmpty()) {
            LOG.info("groups no longer configured: removal of their blocks queued for {}", queued);
        }
        return queued;
    }

    private int ensure(SchedulerClient scheduler, Task<?> task, Collection<String> wanted, Duration spread,
                       Instant now) {
        Set<String> existing = existing(scheduler, task);
        int scheduled = 0;
        for (String id : wanted) {
            if (!existing.contains(id)
                    && scheduler.scheduleIfNotExists(task.instance(id), now.plus(TaskIds.offset(id, spread)))) {
                scheduled++;
            }
        }
        return scheduled;
    }

    private int retire(SchedulerClient scheduler, Task<?> task, Set<String> wanted) {
        int cancelled = 0;
        for (String id : existing(scheduler, task)) {
            if (!wanted.contains(id)) {
                try {
                    scheduler.cancel(TaskInstanceId.of(task.getName(), id));
                    cancelled++;
                } catch (RuntimeException e) {
                    // Running right now: it removes itself when it finds its calendar or group gone.
                    LOG.debug("could not cancel {} {}: {}", task.getName(), id, e.toString());
                }
            }
        }
        return cancelled;
    }

    private static Set<String> existing(SchedulerClient scheduler, Task<?> task) {
        Set<String> ids = new HashSet<>();
        for (ScheduledExecution<Object> execution : scheduler.getScheduledExecutionsForTask(task.getName(),
                Object.class, ScheduledExecutionsFilter.all().withPicked(false))) {
            ids.add(execution.getTaskInstance().getId());
        }
        return ids;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
