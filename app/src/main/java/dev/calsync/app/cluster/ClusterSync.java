package dev.calsync.app.cluster;

import dev.calsync.app.assembly.PassRunner;
import dev.calsync.app.metrics.CalsyncMetrics;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.store.ClusterQueries;
import dev.calsync.store.JdbcSyncStore;
import dev.calsync.store.LastPasses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every pass of the node, whoever asks (a poll, a push notification, the safety reconcile, the dashboard): one
 * engine pass over one group, then the reconnect bookkeeping, the dashboard's last run, the metrics and one log
 * line (group, trigger, calendars, counts, duration: never titles, tokens or secrets).
 * Which node runs a pass is db-scheduler's choice; the engine's lease makes a pass safe wherever it runs.
 */
public final class ClusterSync {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterSync.class);

    /** What started a pass; also the {@code trigger} label of the metrics. */
    public enum Trigger {
        POLL, PUSH, RECONCILE, HORIZON,
        /** "Sync now" or "Full resync" on the dashboard. */
        MANUAL;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final PassRunner passes;
    private final ObservedProvider provider;
    private final JdbcSyncStore store;
    private final ClusterQueries queries;
    private final CalsyncMetrics metrics;
    private final LastPasses lastPasses;
    private final Clock clock;

    ClusterSync(PassRunner passes, ObservedProvider provider, JdbcSyncStore store, ClusterQueries queries,
                CalsyncMetrics metrics, LastPasses lastPasses, Clock clock) {
        this.passes = passes;
        this.provider = provider;
        this.store = store;
        this.queries = queries;
        this.metrics = metrics;
        this.lastPasses = lastPasses;
        this.clock = clock;
    }

    public SyncEngine engine() {
        return passes.engine();
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
        provider.beginPass();
        Optional<PassRunner.Ran> ran;
        List<Instant> changed;
        try {
            ran = passes.run(group, request);
        } catch (RuntimeException e) {
            metrics.passFailed(trigger.label(), group.id());
            LOG.atWarn().addKeyValue("group", group.id()).addKeyValue("trigger", trigger.label())
                    .log("sync group={} trigger={} failed: {}", group.id(), trigger.label(), e.getClass().getSimpleName());
            throw e;
        } finally {
            changed = provider.endPass();
        }
        if (ran.isEmpty()) {
            return Optional.empty();
        }
        GroupReport report = ran.get().report();
        Instant end = clock.instant();
        metrics.pass(trigger.label(), report);
        if (report.outcome() != GroupReport.Outcome.LEASE_HELD) {
            recordLastPass(report, end);
        }
        if (report.outcome() == GroupReport.Outcome.SYNCED && report.writes() > 0) {
            for (Instant updated : changed) {
                metrics.propagation(Duration.between(updated, end));
            }
        }
        log(group, request, trigger, report);
        return Optional.of(report);
    }

    /** How a pass asked for by a task ended, so the task knows when to come back. */
    public enum Attempt {
        /** Synced, or nothing to do (a paused group). */
        DONE,
        /** Another pass held the group all along: this one has not read what it was asked to. */
        BUSY,
        /** It ran but something failed (a PARTIAL pass, or one that threw): what failed is retried by a next pass. */
        FAILED;

        /** The attempt of several passes: any failure outweighs a busy group, which outweighs success. */
        public Attempt and(Attempt other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    /**
     * {@link #run}, but a group another pass holds is tried again every 100 ms for up to {@code wait}: that pass
     * may have read the calendar before the change this pass is for. Never throws: a pass that threw was logged
     * and counted by {@link #run} and is {@link Attempt#FAILED}.
     */
    public Attempt runWaitingForLease(SyncGroup group, SyncRequest request, Trigger trigger, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<GroupReport> report;
            try {
                report = run(group, request, trigger);
            } catch (RuntimeException e) {
                LOG.debug("pass over group {} failed", group.id(), e);
                return Attempt.FAILED;
            }
            if (report.isEmpty() || report.get().outcome() == GroupReport.Outcome.SYNCED) {
                return Attempt.DONE;
            }
            if (report.get().outcome() == GroupReport.Outcome.PARTIAL) {
                return Attempt.FAILED;
            }
            if (System.nanoTime() > deadline) {
                return Attempt.BUSY;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Attempt.BUSY;
            }
        }
    }

    /** A pass reading {@code calendar} in each of {@code groups}, as its poll or a push notification asks. */
    public Attempt runCalendar(CalendarRef calendar, List<SyncGroup> groups, Trigger trigger, Duration wait) {
        Attempt attempt = Attempt.DONE;
        for (SyncGroup group : groups) {
            attempt = attempt.and(runWaitingForLease(group, SyncRequest.calendar(calendar), trigger, wait));
        }
        return attempt;
    }

    /** For the dashboard of every node; a failure here must not fail the pass, which is done. */
    private void recordLastPass(GroupReport report, Instant end) {
        try {
            lastPasses.record(new LastPasses.LastPass(report.groupId(), end,
                    report.outcome().name().toLowerCase(java.util.Locale.ROOT), report.inserted(), report.updated(),
                    report.deleted(), report.took().toMillis()));
        } catch (RuntimeException e) {
            LOG.debug("could not record the last pass of group {}", report.groupId(), e);
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
