package dev.calsync.app.cluster;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.app.accounts.AccountAccessTokens;
import dev.calsync.app.accounts.AccountPauses;
import dev.calsync.app.config.Durations;
import dev.calsync.app.metrics.CalsyncMetrics;
import dev.calsync.app.push.PushProperties;
import dev.calsync.app.runtime.SafetyReconcile;
import dev.calsync.app.server.ServerSettings;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.google.GoogleCalendarProvider;
import dev.calsync.store.ApiCallLog;
import dev.calsync.store.ClusterQueries;
import dev.calsync.store.JdbcSyncStore;
import dev.calsync.store.PushChannelStore;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
 * The engine here is the cluster's own instance (same store, same leases as the web layer's), over the Google
 * adapter with this node's metrics attached.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ClusterProperties.class, PushProperties.class})
public class ClusterConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterConfiguration.class);

    public static final String POLL_TASK = "calendar-poll";
    public static final String RECONCILE_TASK = "group-reconcile";
    public static final String HORIZON_TASK = "group-horizon";
    public static final String PLAN_TASK = "cluster-plan";

    /** Same default as the web layer's engine; {@code CALSYNC_SYNC_LEASE_TTL} overrides it, as for the CLI. */
    static final Duration LEASE_TTL = Duration.ofSeconds(30);
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

    /** The Google adapter for the cluster's passes and channels: every call to the call log and the metrics. */
    @Bean
    ClusterGoogle clusterGoogle(AccountAccessTokens tokens, ApiCallLog callLog, CalsyncMetrics metrics,
                                ServerSettings settings) {
        var log = callLog.listener();
        return new ClusterGoogle(GoogleCalendarProvider.builder(tokens)
                .rootUrl(settings.config().google().rootUrl())
                .callListener((calendar, kind, outcome) -> {
                    metrics.onCall(calendar, kind, outcome);
                    log.onCall(calendar, kind, outcome);
                })
                .build());
    }

    @Bean
    ClusterSync clusterSync(ClusterGoogle google, CalsyncMetrics metrics, PushChannelStore channels,
                            PushProperties push, ServerSettings settings, JdbcSyncStore store, ClusterQueries queries,
                            Recurrences recurrences, AccountPauses pauses, Clock clock) {
        ObservedProvider.Echoes echoes = settings.config().push().enabled()
                ? echoLedger(channels, push.echoWindow()) : ObservedProvider.Echoes.NONE;
        ObservedProvider provider = new ObservedProvider(google.provider(), metrics, echoes);
        SyncEngine engine = new SyncEngine(provider, store, recurrences, clock, workerId(), leaseTtl());
        return new ClusterSync(engine, provider, store, queries, pauses, metrics, clock);
    }

    @Bean
    PollIntervals pollIntervals(ServerSettings settings, PushProperties push, PushChannelStore channels) {
        return new PollIntervals(settings.config().sync().pollInterval(), push.safetyPollInterval(),
                settings.config().push().enabled(), channels);
    }

    @Bean
    CustomTask<Void> calendarPollTask(ClusterSync sync, PollIntervals intervals, ClusterProperties properties) {
        return Tasks.custom(POLL_TASK, Void.class)
                .onFailure(new FailureHandler.OnFailureReschedule<>(FixedDelay.of(intervals.pollInterval())))
                .execute((instance, context) -> {
                    CalendarRef calendar = TaskIds.calendar(instance.getId());
                    List<SyncGroup> groups = sync.groupsWith(calendar);
                    boolean busy = false;
                    for (SyncGroup group : groups) {
                        busy |= !runQuietly(() -> sync.runWaitingForLease(group, SyncRequest.calendar(calendar),
                                ClusterSync.Trigger.POLL, LEASE_WAIT), group);
                    }
                    if (groups.isEmpty()) {
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    // A group that stayed busy has not read this calendar: soon again rather than a whole interval.
                    Duration next = busy ? properties.leaseHeldRetry() : intervals.next(calendar);
                    return (complete, operations) -> operations.reschedule(complete, Instant.now().plus(next));
                });
    }

    @Bean
    CustomTask<Void> groupReconcileTask(ClusterSync sync, JdbcSyncStore store, CalsyncMetrics metrics,
                                        ClusterProperties properties) {
        SafetyReconcile safety = new SafetyReconcile(sync.engine(), store, alert -> LOG.warn(alert));
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
    TaskPlanner taskPlanner(ClusterQueries queries, CustomTask<Void> calendarPollTask,
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

    private static boolean runQuietly(java.util.function.BooleanSupplier pass, SyncGroup group) {
        try {
            return pass.getAsBoolean();
        } catch (RuntimeException e) {
            // Logged and counted by ClusterSync; the calendar's other groups still get their pass.
            LOG.debug("pass over group {} failed", group.id(), e);
            return true;
        }
    }

    /** Echoes announced in the shared database, so whichever node receives the notification can absorb it. */
    private static ObservedProvider.Echoes echoLedger(PushChannelStore channels, Duration window) {
        return new ObservedProvider.Echoes() {
            @Override
            public void expect(CalendarRef calendar) {
                try {
                    channels.expectEcho(calendar, window);
                } catch (RuntimeException e) {
                    // Only an optimisation: without it the echo costs one incremental list.
                    LOG.debug("could not record an expected echo on {}", calendar, e);
                }
            }

            @Override
            public void cancel(CalendarRef calendar) {
                try {
                    channels.cancelEcho(calendar);
                } catch (RuntimeException e) {
                    LOG.debug("could not take back an expected echo on {}", calendar, e);
                }
            }
        };
    }

    private static Duration leaseTtl() {
        String value = System.getenv("CALSYNC_SYNC_LEASE_TTL");
        if (value == null || value.isBlank()) {
            return LEASE_TTL;
        }
        Duration ttl = Durations.parse(value);
        return ttl.compareTo(Duration.ofSeconds(1)) < 0 ? LEASE_TTL : ttl;
    }

    private static String workerId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "-cluster-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
