package dev.calsync.app.metrics;

import dev.calsync.store.ApiCallLog;
import dev.calsync.store.ClusterQueries;
import dev.calsync.store.PushChannelStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of the whole cluster, read from the shared database (every node shows the same value; alert on max):
 * calls made today against the project's daily quota [{@code calsync_quota_used_today},
 * {@code calsync_quota_daily_limit}], open push channels and seconds until the soonest of them expires
 * [{@code calsync_push_channels}, {@code calsync_push_channel_expiry_horizon_seconds}], and db-scheduler's backlog:
 * executions due but not picked, and how late the oldest of them is [{@code calsync_scheduler_due_executions},
 * {@code calsync_scheduler_lag_seconds}], and how evenly the calendars' next polls are spread over the poll interval
 * [{@code calsync_poll_spread}, see {@link PollSpread}]. Read at most every {@link #MAX_AGE}, so scrapes stay cheap,
 * and on a thread of their own, so a scrape during a database outage answers at once (with the last values).
 */
public final class DatabaseGauges {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseGauges.class);
    static final Duration MAX_AGE = Duration.ofSeconds(10);
    static final Duration WAIT = Duration.ofMillis(500);
    private static final Snapshot NONE = new Snapshot(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN);

    private record Snapshot(double quotaUsed, double channels, double expiryHorizon, double due, double lag,
                            double pollSpread) {
    }

    private final ApiCallLog calls;
    private final PushChannelStore channelStore;
    private final ClusterQueries queries;
    private final String schedulerTable;
    private final String pollTask;
    private final Duration pollInterval;
    private final Clock clock;
    private final BoundedReading<Snapshot> snapshot;

    public DatabaseGauges(MeterRegistry registry, ApiCallLog calls, PushChannelStore channelStore,
                          ClusterQueries queries, String schedulerTable, long dailyQuota, String pollTask,
                          Duration pollInterval, Clock clock) {
        this.calls = calls;
        this.channelStore = channelStore;
        this.queries = queries;
        this.schedulerTable = schedulerTable;
        this.pollTask = pollTask;
        this.pollInterval = pollInterval;
        this.clock = clock;
        this.snapshot = new BoundedReading<>("calsync-database-gauges", this::read, MAX_AGE, WAIT, clock);
        Gauge.builder("calsync.quota.used.today", this, g -> g.current().quotaUsed())
                .description("Provider calls made today (UTC) by every node together").register(registry);
        Gauge.builder("calsync.quota.daily.limit", () -> dailyQuota)
                .description("The project's daily call quota").register(registry);
        Gauge.builder("calsync.push.channels", this, g -> g.current().channels())
                .description("Open push channels").register(registry);
        Gauge.builder("calsync.push.channel.expiry.horizon", this, g -> g.current().expiryHorizon())
                .baseUnit("seconds")
                .description("Seconds until the soonest push channel expires (NaN without channels)").register(registry);
        Gauge.builder("calsync.scheduler.due.executions", this, g -> g.current().due())
                .description("Scheduler executions that are due and not picked by any node").register(registry);
        Gauge.builder("calsync.scheduler.lag", this, g -> g.current().lag())
                .baseUnit("seconds")
                .description("How long the oldest due, unpicked scheduler execution has been waiting").register(registry);
        Gauge.builder("calsync.poll.spread", this, g -> g.current().pollSpread())
                .description("How evenly the calendars' next polls are spread over the poll interval: 1 even, "
                        + "0 all at one moment").register(registry);
    }

    private Snapshot current() {
        return snapshot.fresh().or(snapshot::latest).orElse(NONE);
    }

    private Snapshot read() {
        Instant now = clock.instant();
        double quota = Double.NaN;
        double channels = Double.NaN;
        double horizon = Double.NaN;
        double due = Double.NaN;
        double lag = Double.NaN;
        double spread = Double.NaN;
        try {
            quota = calls.totalsByAccount(LocalDate.ofInstant(now, ZoneOffset.UTC)).values().stream()
                    .mapToLong(Long::longValue).sum();
            channels = channelStore.all().size();
            Optional<Instant> soonest = channelStore.soonestExpiration();
            horizon = soonest.map(s -> Duration.between(now, s).toMillis() / 1000.0).orElse(Double.NaN);
            ClusterQueries.Backlog backlog = queries.schedulerBacklog(schedulerTable, now);
            due = backlog.due();
            lag = backlog.oldestDue().map(t -> Math.max(0, Duration.between(t, now).toMillis() / 1000.0)).orElse(0.0);
            spread = PollSpread.of(queries.executionTimes(schedulerTable, pollTask), pollInterval);
        } catch (RuntimeException e) {
            LOG.debug("could not read the database gauges", e);
        }
        return new Snapshot(quota, channels, horizon, due, lag, spread);
    }
}
