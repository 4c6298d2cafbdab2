package dev.calsync.app.schedule;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.calsync.app.server.ServerSettings;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.store.JdbcSyncStore;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduler's tasks (db-scheduler, cluster-safe: each execution runs on one node). A recurring poll fans out
 * one {@code sync-group} execution per non-paused group every {@code sync.pollInterval}; the dashboard's buttons
 * schedule the same task for one group.
 */
@Configuration(proxyBeanMethods = false)
public class SyncTasks {

    public static final String POLL_TASK = "poll-groups";
    public static final String SYNC_TASK = "sync-group";

    @Bean
    OneTimeTask<Void> syncGroupTask(GroupSyncRunner runner) {
        return Tasks.oneTime(SYNC_TASK)
                .execute((instance, context) -> runner.run(SyncOrder.parse(instance.getId())));
    }

    @Bean
    RecurringTask<Void> pollGroupsTask(ServerSettings settings, JdbcSyncStore store, OneTimeTask<Void> syncGroupTask) {
        return Tasks.recurring(POLL_TASK, FixedDelay.of(settings.config().sync().pollInterval()))
                .execute((instance, context) -> enqueuePolls(store, syncGroupTask, context.getSchedulerClient()));
    }

    static void enqueuePolls(JdbcSyncStore store, OneTimeTask<Void> syncGroupTask, SchedulerClient scheduler) {
        Instant now = Instant.now();
        for (SyncGroup group : store.groups()) {
            if (!store.isPaused(group.id())) {
                scheduler.scheduleIfNotExists(syncGroupTask.instance(SyncOrder.poll(group.id()).instanceId()), now);
            }
        }
    }
}
