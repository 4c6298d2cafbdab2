package dev.calsync.app.schedule;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dashboard's one-time passes (db-scheduler, cluster-safe: each execution runs on one node): "Sync now" and
 * "Full resync" schedule a {@code sync-group} execution for one group. Regular polls are per calendar
 * ({@code calendar-poll}, see {@code dev.calsync.app.cluster.ClusterConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class SyncTasks {

    public static final String SYNC_TASK = "sync-group";

    @Bean
    OneTimeTask<Void> syncGroupTask(GroupSyncRunner runner) {
        return Tasks.oneTime(SYNC_TASK)
                .execute((instance, context) -> runner.run(SyncOrder.parse(instance.getId())));
    }
}
