package dev.calsync.app.cluster;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.app.accounts.AccountPauses;
import dev.calsync.app.assembly.PassRunner;
import dev.calsync.app.metrics.CalsyncMetrics;
import dev.calsync.app.push.PushProperties;
import dev.calsync.app.runtime.LeaseSettings;
import dev.calsync.app.runtime.SafetyReconcile;
import dev.calsync.app.server.ServerSettings;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.push.EchoingProvider;
import dev.calsync.store.ClusterQueries;
import dev.calsync.store.JdbcSyncStore;
import dev.calsync.store.LastPasses;
import dev.calsync.store.PushChannelStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Clustered scheduling on db-scheduler: every task is a row in the shared {@code scheduled_tasks} table, picked by
 * exactly one node; a node that dies stops heartbeating and its executions are revived elsewhere.
 * <ul>
 *   <li>{@value #POLL_TASK}: one per source calendar ({@code account|calendar}), reads that calendar's changes in
 *       each of its groups, then reschedules itself ({@code sync.pollInterval}, or the safety interval while the
 *       calendar has a push channel);</li>
 *   <li>{@value #RECONCILE_TASK}: one per group, the safety reconcile (poll, then full reconcile; fixes are
 *       integrity alerts), every {@code calsync.cluster.reconcileInterval} (1 day);</li>
 *   <li>{@value #HORIZON_TASK}: one per group, projects events that entered the window, daily;</li>
 *   <li>{@value #PLAN_TASK}: recurring, adds and cancels the tasks above as calendars and groups come and go.</li>
 * </ul>
 * Every pass of the node, the dashboard's buttons included, runs on the one engine defined here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ClusterProperties.class, PushProperties.class})
public class ClusterConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterConfiguration.class);

    public static final String POLL_TASK = "calendar-poll";
    public static final String RECONCILE_TASK = "group-reconcile";
    public static final String HORIZON_TASK = "group-horizon";
    public static final String PLAN_TASK = "cluster-plan";

    /** How long a poll waits in place for a group another pass holds before it reschedules itself. */
    static final Duration LEASE_WAIT = Duration.ofSeconds(5);

    @Bean
    ClusterQueries clusterQueries(HikariDataSource dataSource) {
        return new ClusterQueries(dataSource);
    }

    @Bean
    PushChannelStore pushChannelStore(HikariDataSource dataSource, Clock clock) {
        return new PushChannelStore(dataSource, clock);
    }

    /**
     * The node's one engine, for scheduled, push and dashboard passes alike, over the node's providers as
     * {@link ObservedProvider} sees it (metrics, propagation times) and, with push on, with each block write's echo
     * announced in the shared database, so whichever node receives the notification can absorb it.
     */
    @Bean
    ClusterSync clusterSync(CalendarProvider providers, CalsyncMetrics metrics, PushChannelStore channels,
                            PushProperties push, ServerSettings settings, JdbcSyncStore store, ClusterQueries queries,
                            Recurrences recurrences, AccountPauses pauses, LastPasses lastPasses,
                            Clock clock) {
        CalendarProvider writes = settings.config().push().enabled()
                ? new EchoingProvider(providers, channels, push.echoWindow()) : providers;
        ObservedProvider provider = new ObservedProvider(writes, metrics);
        SyncEngine engine = new SyncEngine(provider, store, recurrences, clock, LeaseSettings.workerId(),
                LeaseSettings.ttl(System.getenv()));
        return new ClusterSync(new PassRunner(engine, store, pauses), provider, store, queries, metrics, lastPasses,
                clock);
    }

    @Bean
    SyncEngine syncEngine(ClusterSync sync) {
        return sync.engine();
    }

    @Bean
    PollIntervals pollIntervals(ServerSettings settings, PushProperties push, PushChannelStore channels) {
        return new PollIntervals(settings.config().sync().pollInterval(), push.safetyPollInterval(),
                settings.config().push().enabled(), channels);
    }

    /** The task data is the number of failed passes in a row (null: none), for the backoff after failures. */
    @Bean
    CustomTask<Integer> calendarPollTask(ClusterSync sync, PollIntervals intervals, ClusterProperties properties) {
        return Tasks.custom(POLL_TASK, Integer.class)
                .onFailure(new FailureHandler.OnFailureReschedule<>(FixedDelay.of(intervals.pollInterval())))
                .execute((instance, context) -> {
                    CalendarRef calendar = TaskIds.calendar(instance.getId());
                    List<SyncGroup> groups = sync.groupsWith(calendar);
                    if (groups.isEmpty()) {
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    ClusterSync.Attempt attempt = sync.runCalendar(calendar, groups, ClusterSync.Trigger.POLL,
                            LEASE_WAIT);
                    int failures = instance.getData() == null ? 0 : instance.getData();
                    Duration regular = intervals.next(calendar);
                    Duration next = switch (attempt) {
                        case DONE -> regular;
                        // A group that stayed busy has not read this calendar: soon again, not a whole interval.
                        case BUSY -> properties.leaseHeldRetry();
                        case FAILED -> properties.failureBackoff().after(++failures, regular);
                    };
                    Integer data = attempt == ClusterSync.Attempt.DONE ? null : Integer.valueOf(failures);
                    return (complete, operations) -> operations.reschedule(complete, Instant.now().plus(next), data);
                });
    }

    @Bean
    CustomTask<Void> groupReconcileTask(ClusterSync sync, JdbcSyncStore store, CalsyncMetrics metrics,
                                        ClusterProperties properties) {
        // A group paused meanwhile is skipped like one whose lease another pass holds.
        SafetyReconcile safety = new SafetyReconcile((group, request) -> sync.run(group, request,
                ClusterSync.Trigger.RECONCILE).orElseGet(() -> GroupReport.leaseHeld(group.id(), "paused")),
                store, alert -> LOG.warn(alert));
        return Tasks.custom(RECONCILE_TASK, Void.class)
                .onFailure(new FailureHandler.OnFailureReschedule<>(FixedDelay.of(Duration.ofMinutes(15))))
                .execute((instance, context) -> {
                    Optional<SyncGroup> group = store.group(instance.getId());
                    if (group.isEmpty()) {
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    SafetyReconcile.GroupResult result = safety.check(group.get());
                    metrics.integrityFixes(result.fixes());
                    Duration next = result.skipped() != null && !"paused".equals(result.skipped())
                            ? Duration.ofMinutes(1) : properties.reconcileInterval();
                    return (complete, operations) -> operations.reschedule(complete, Instant.now().plus(next));
                });
    }

    @Bean
    CustomTask<Void> groupHorizonTask(ClusterSync sync, JdbcSyncStore store, ClusterProperties properties) {
        return Tasks.custom(HORIZON_TASK, Void.class)
                .onFailure(new FailureHandler.OnFailureReschedule<>(FixedDelay.of(Duration.ofMinutes(15))))
                .execute((instance, context) -> {
                    Optional<SyncGroup> group = store.group(instance.getId());
                    if (group.isEmpty()) {
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    sync.run(group.get(), SyncRequest.horizon(), ClusterSync.Trigger.HORIZON);
                    return (complete, operations) -> operations.reschedule(complete,
                            Instant.now().plus(properties.horizonInterval()));
                });
    }

    @Bean
    TaskPlanner taskPlanner(ClusterQueries queries, CustomTask<Integer> calendarPollTask,
                            CustomTask<Void> groupReconcileTask, CustomTask<Void> groupHorizonTask,
                            PollIntervals intervals, ClusterProperties properties, Clock clock) {
        return new TaskPlanner(queries, calendarPollTask, groupReconcileTask, groupHorizonTask, intervals, properties,
                clock);
    }

    @Bean
    RecurringTask<Void> clusterPlanTask(TaskPlanner planner, ClusterProperties properties) {
        return Tasks.recurring(PLAN_TASK, FixedDelay.of(properties.planInterval()))
                .execute((instance, context) -> planner.plan(context.getSchedulerClient()));
    }
}
