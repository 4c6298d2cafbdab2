package dev.calsync.app.cluster;

import dev.calsync.app.accounts.AccountPauses;
import dev.calsync.app.metrics.CalsyncMetrics;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.store.ClusterQueries;
import dev.calsync.store.JdbcSyncStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the passes the cluster's tasks ask for: one engine pass over one group, then the reconnect bookkeeping, the
 * metrics and one log line (group, trigger, calendars, counts, duration: never titles, tokens or secrets).
 * Which node runs a pass is db-scheduler's choice; the engine's lease makes a pass safe wherever it runs.
 */
public final class ClusterSync {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterSync.class);

    /** What started a pass; also the {@code trigger} label of the metrics. */
    public enum Trigger {
        POLL, PUSH, RECONCILE, HORIZON;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final SyncEngine engine;
    private final ObservedProvider provider;
    private final JdbcSyncStore store;
    private final ClusterQueries queries;
    private final AccountPauses pauses;
    private final CalsyncMetrics metrics;
    private final Clock clock;

    ClusterSync(SyncEngine engine, ObservedProvider provider, JdbcSyncStore store, ClusterQueries queries,
                AccountPauses pauses, CalsyncMetrics metrics, Clock clock) {
        this.engine = engine;
        this.provider = provider;
        this.store = store;
        this.queries = queries;
        this.pauses = pauses;
        this.metrics = metrics;
        this.clock = clock;
    }

    public SyncEngine engine() {
        return engine;
    }

    /** The groups that hold {@code calendar}, as stored now. */
    public List<SyncGroup> groupsWith(CalendarRef calendar) {
        List<SyncGroup> groups = new ArrayList<>();
        for (String id : queries.groupsWith(calendar)) {
            store.group(id).ifPresent(groups::add);
        }
        return groups;
    }

    /** @return the pass's report, or empty when the group is paused (nothing read or written) */
    public Optional<GroupReport> run(SyncGroup group, SyncRequest request, Trigger trigger) {
        if (store.isPaused(group.id())) {
            return Optional.empty();
        }
        provider.beginPass();
        GroupReport report;
        List<Instant> changed;
        try {
            report = engine.sync(group, request);
        } catch (RuntimeException e) {
            metrics.passFailed(trigger.label(), group.id());
            LOG.atWarn().addKeyValue("group", group.id()).addKeyValue("trigger", trigger.label())
                    .log("sync group={} trigger={} failed: {}", group.id(), trigger.label(), e.getClass().getSimpleName());
            throw e;
        } finally {
            changed = provider.endPass();
        }
        Instant end = clock.instant();
        report.reconnectNeeded().forEach(pauses::reconnectNeeded);
        metrics.pass(trigger.label(), report);
        if (report.outcome() == GroupReport.Outcome.SYNCED && report.writes() > 0) {
            for (Instant updated : changed) {
                metrics.propagation(Duration.between(updated, end));
            }
        }
        log(group, request, trigger, report);
        return Optional.of(report);
    }

    /**
     * {@link #run}, but a group another pass holds is tried again every 100 ms for up to {@code wait}: that pass
     * may have read the calendar before the change this pass is for.
     *
     * @return false when the group stayed busy the whole time (the caller reschedules)
     */
    public boolean runWaitingForLease(SyncGroup group, SyncRequest request, Trigger trigger, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<GroupReport> report = run(group, request, trigger);
            if (report.isEmpty() || report.get().outcome() != GroupReport.Outcome.LEASE_HELD) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** One line per pass; the counts are also key-value pairs for the structured (JSON) log formats. */
    private static void log(SyncGroup group, SyncRequest request, Trigger trigger, GroupReport report) {
        int calendarsRead = request.calendarsToRead() == null ? group.calendars().size()
                : request.calendarsToRead().size();
        String outcome = report.outcome().name().toLowerCase(java.util.Locale.ROOT);
        var line = (report.outcome() == GroupReport.Outcome.PARTIAL ? LOG.atWarn() : LOG.atInfo())
                .addKeyValue("group", group.id())
                .addKeyValue("trigger", trigger.label())
                .addKeyValue("outcome", outcome)
                .addKeyValue("calendars", group.calendars().size())
                .addKeyValue("calendarsRead", calendarsRead)
                .addKeyValue("inserted", report.inserted())
                .addKeyValue("updated", report.updated())
                .addKeyValue("deleted", report.deleted())
                .addKeyValue("failedWrites", report.failedWrites())
                .addKeyValue("durationMs", report.took().toMillis());
        line.log("sync group={} trigger={} outcome={} calendars={} read={} inserted={} updated={} deleted={} "
                        + "failedWrites={} durationMs={}", group.id(), trigger.label(), outcome,
                group.calendars().size(), calendarsRead, report.inserted(), report.updated(), report.deleted(),
                report.failedWrites(), report.took().toMillis());
    }
}
