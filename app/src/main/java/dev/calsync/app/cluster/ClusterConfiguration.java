package dev.calsync.app.cluster;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.app.accounts.AccountPauses;
import dev.calsync.app.assembly.PassRunner;
import dev.calsync.app.accounts.AccountProbes;
import dev.calsync.store.AccountProbeStore;
import dev.calsync.store.AccountStore;
import dev.calsync.app.metrics.CalsyncMetrics;
import dev.calsync.app.metrics.DatabaseOutages;
import dev.calsync.app.push.PushProperties;
import dev.calsync.app.runtime.LeaseSettings;
import dev.calsync.app.schedule.SyncOrder;
import dev.calsync.app.server.ServerSettings;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.push.ConfirmingEchoLedger;
import dev.calsync.push.EchoingProvider;
import dev.calsync.store.ClusterQueries;
import dev.calsync.store.JdbcSyncStore;
import dev.calsync.store.LastPasses;
import dev.calsync.store.PushChannelStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Clustered scheduling on db-scheduler: every task is a row in the shared {@code scheduled_tasks} table, picked by
 * exactly one node; a node that dies stops heartbeating and its executions are revived elsewhere.
 * <ul>
 *   <li>{@value #POLL_TASK}: one per source calendar ({@code account|calendar}), reads that calendar's changes in
 *       each of its groups, then reschedules itself on its slot of {@code sync.pollInterval} (or of the safety
 *       interval while the calendar has a push channel), see {@link PassTasks};</li>
 *   <li>{@value #RECONCILE_TASK}: one per group, the safety reconcile (poll, then full reconcile; fixes are
 *       integrity alerts), every {@code calsync.cluster.reconcileInterval} (1 day); each run first removes the
 *       blocks of groups taken out of the configuration file, and such a group keeps its task (run at the start
 *       that retired it) until they are gone;</li>
 *   <li>{@value #HORIZON_TASK}: one per group, projects events that entered the window, daily;</li>
 *   <li>{@value #PLAN_TASK}: recurring, adds and cancels the tasks above as calendars and groups come and go;</li>
 *   <li>{@value #PROBE_TASK}: recurring, probes the accounts that hold up paused groups on their back-off and
 *       queues a pass of each group that resumes (see {@link AccountProbeRound}).</li>
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
    public static final String PROBE_TASK = "account-probes";

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
    ClusterSync clusterSync(CalendarProvider providers, CalsyncMetrics metrics, ConfirmingEchoLedger echoes,
                            PushProperties push, ServerSettings settings, JdbcSyncStore store, ClusterQueries queries,
                            Recurrences recurrences, AccountPauses pauses, LastPasses lastPasses,
                            DatabaseOutages outages, Clock clock, AccountProbes probes) {
        CalendarProvider writes = settings.config().push().enabled()
                ? new EchoingProvider(providers, echoes, push.echoWindow()) : providers;
        ObservedProvider provider = new ObservedProvider(writes, metrics);
        SyncEngine engine = new SyncEngine(provider, store, recurrences, clock, LeaseSettings.workerId(),
                LeaseSettings.ttl(System.getenv()));
        return new ClusterSync(new PassRunner(engine, store, pauses, probes), provider, store, queries, metrics, lastPasses,
                outages, clock);
    }

    /** Probes go to the provider itself: a calendar-list call is no pass's to measure. */
    @Bean
    AccountProbes accountProbes(CalendarProvider providers, AccountStore accounts, HikariDataSource dataSource,
                                Clock clock) {
        return new AccountProbes(providers, accounts, new AccountProbeStore(dataSource), clock);
    }

    @Bean
    RecurringTask<Void> accountProbeTask(ClusterQueries queries, AccountProbes probes, AccountPauses pauses,
                                         OneTimeTask<Void> syncGroupTask, ClusterProperties properties) {
        AccountProbeRound round = new AccountProbeRound(queries, probes, pauses);
        return Tasks.recurring(PROBE_TASK, FixedDelay.of(properties.probeInterval()))
                .execute((instance, context) -> round.run(group -> context.getSchedulerClient().schedule(
                        syncGroupTask.instance(SyncOrder.now(group, false).instanceId()), Instant.now())));
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

    /** What the pass tasks do and when they come back (see {@link PassTasks}). */
    @Bean
    PassTasks passTasks(ClusterSync sync, JdbcSyncStore store, PollIntervals intervals, ClusterProperties properties,
                        CalsyncMetrics metrics, Clock clock) {
        return new PassTasks(sync, store, intervals, properties, metrics, alert -> LOG.warn(alert), clock);
    }

    /** A failure is decided on inside {@link PassTasks}; this handler only meets a bug in db-scheduler's wiring. */
    @Bean
    CustomTask<Integer> calendarPollTask(PassTasks tasks, PollIntervals intervals) {
        return Tasks.custom(POLL_TASK, Integer.class)
                .onFailure(new FailureHandler.OnFailureReschedule<>(FixedDelay.of(intervals.pollInterval())))
                .execute((instance, context) -> tasks.poll(instance));
    }

    @Bean
    CustomTask<Integer> groupReconcileTask(PassTasks tasks) {
        return Tasks.custom(RECONCILE_TASK, Integer.class)
                .onFailure(new FailureHandler.OnFailureReschedule<>(FixedDelay.of(Duration.ofMinutes(15))))
                .execute((instance, context) -> tasks.reconcile(instance));
    }

    @Bean
    CustomTask<Integer> groupHorizonTask(PassTasks tasks) {
        return Tasks.custom(HORIZON_TASK, Integer.class)
                .onFailure(new FailureHandler.OnFailureReschedule<>(FixedDelay.of(Duration.ofMinutes(15))))
                .execute((instance, context) -> tasks.horizon(instance));
    }

    @Bean
    TaskPlanner taskPlanner(ClusterQueries queries, CustomTask<Integer> calendarPollTask,
                            CustomTask<Integer> groupReconcileTask, CustomTask<Integer> groupHorizonTask,
                            PollIntervals intervals, ClusterProperties properties, Clock clock) {
        return new TaskPlanner(queries, calendarPollTask, groupReconcileTask, groupHorizonTask, intervals, properties,
                clock);
    }

    /** Blocks of groups taken out of the file (this start or earlier, unfinished) are removed at once, not next day. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> retiredGroupsAtStart(TaskPlanner planner,
                                                                   ObjectProvider<SchedulerClient> scheduler) {
        return event -> planner.hurryRetired(scheduler.getObject());
    }

    @Bean
    RecurringTask<Void> clusterPlanTask(TaskPlanner planner, ClusterProperties properties) {
        return Tasks.recurring(PLAN_TASK, FixedDelay.of(properties.planInterval()))
                .execute((instance, context) -> planner.plan(context.getSchedulerClient()));
    }
}
