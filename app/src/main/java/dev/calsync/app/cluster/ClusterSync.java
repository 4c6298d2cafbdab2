package dev.calsync.app.cluster;

import dev.calsync.app.assembly.PassRunner;
import dev.calsync.app.metrics.CalsyncMetrics;
import dev.calsync.app.metrics.DatabaseOutages;
import dev.calsync.app.runtime.FailureClassifier;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.failure.Decision;
import dev.calsync.core.failure.Failure;
import dev.calsync.core.failure.FailureKind;
import dev.calsync.core.failure.FailurePolicy;
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
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every pass of the node, whoever asks (a poll, a push notification, the safety reconcile, the dashboard): one
 * engine pass over one group, then the reconnect bookkeeping, the dashboard's last run, the metrics and one log
 * line (group, trigger, calendars, counts, duration, and what failed: never titles, tokens or secrets). A pass that
 * fails names its cause in that one line (the database unreachable and in which store operation, the provider's
 * status), without a stack trace unless the cause is unknown (a bug).
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
    private final DatabaseOutages outages;
    private final Clock clock;
    /** Failures already logged, so that whoever catches one again (a task around a pass) does not log it twice. */
    private final Set<Throwable> logged = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    ClusterSync(PassRunner passes, ObservedProvider provider, JdbcSyncStore store, ClusterQueries queries,
                CalsyncMetrics metrics, LastPasses lastPasses, DatabaseOutages outages, Clock clock) {
        this.passes = passes;
        this.provider = provider;
        this.store = store;
        this.queries = queries;
        this.metrics = metrics;
        this.lastPasses = lastPasses;
        this.outages = outages;
        this.clock = clock;
    }

    /** The provider the node's passes write through. */
    public CalendarProvider provider() {
        return provider;
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
        Instant began = clock.instant();
        provider.beginPass();
        Optional<PassRunner.Ran> ran;
        List<Instant> changed;
        try {
            ran = passes.run(group, request);
        } catch (RuntimeException e) {
            metrics.passFailed(trigger.label(), group.id());
            failed("sync group=" + group.id() + " trigger=" + trigger.label(), e, began);
            throw e;
        } finally {
            changed = provider.endPass();
        }
        outages.answered(began);
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

    /**
     * Logs a failure that ended a pass or a task, once, naming its cause; an unreachable database also starts an
     * outage (counted, logged once more when it begins). Only an unknown cause gets its stack trace. A failure
     * already logged (a pass's, caught again by its task) is only classified.
     *
     * @param subject what failed, e.g. {@code sync group=g1 trigger=poll}
     */
    Failure failed(String subject, RuntimeException e) {
        return failed(subject, e, clock.instant());
    }

    /** @param began when the work that failed began (a failure of work begun during an outage that has ended since
     *               starts no new one) */
    private Failure failed(String subject, RuntimeException e, Instant began) {
        Failure failure = FailureClassifier.of(e);
        if (!logged.add(e)) {
            return failure;
        }
        if (failure.kind() == FailureKind.DATABASE_UNREACHABLE) {
            outages.unreachable(failure.description(), began);
        }
        var line = LOG.atWarn().addKeyValue("failure", failure.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (failure.kind() == FailureKind.UNEXPECTED) {
            line = line.setCause(e);
        }
        line.log("{} failed: {}", subject, failure.description());
        return failure;
    }

    /**
     * {@link #run}, but a group another pass holds is tried again in place for as long as {@code policy} says: that
     * pass may have read the calendar before the change this pass is for. Never throws: a pass that threw was logged
     * and counted by {@link #run}.
     *
     * @return what failed (the group stayed busy, or the pass failed), or empty when the pass is done
     */
    public Optional<Failure> runWaitingForLease(SyncGroup group, SyncRequest request, Trigger trigger,
                                                FailurePolicy policy) {
        for (int tries = 1; ; tries++) {
            Optional<GroupReport> report;
            try {
                report = run(group, request, trigger);
            } catch (RuntimeException e) {
                return Optional.of(FailureClassifier.of(e));
            }
            if (report.isEmpty() || report.get().outcome() == GroupReport.Outcome.SYNCED) {
                return Optional.empty();
            }
            if (report.get().outcome() == GroupReport.Outcome.PARTIAL) {
                return Optional.of(worst(report.get()));
            }
            if (!(policy.decide(Failure.groupBusy(), tries, clock.instant(), Duration.ZERO)
                    instanceof Decision.RetryNow retry)) {
                return Optional.of(Failure.groupBusy());
            }
            try {
                Thread.sleep(retry.pause().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(Failure.groupBusy());
            }
        }
    }

    /**
     * A pass reading {@code calendar} in each of {@code groups}, as its poll or a push notification asks; the batch
     * stops where the policy gives it up (the database is gone: the other groups would fail alike).
     *
     * @return the failure that decides when to come back (see {@link Failure#worse}), or empty when all are done
     */
    public Optional<Failure> runCalendar(CalendarRef calendar, List<SyncGroup> groups, Trigger trigger,
                                         FailurePolicy policy) {
        Failure worst = null;
        for (SyncGroup group : groups) {
            Optional<Failure> failure = runWaitingForLease(group, SyncRequest.calendar(calendar), trigger, policy);
            if (failure.isPresent()) {
                worst = failure.get().worse(worst);
                if (policy.decide(failure.get(), 1, clock.instant(), Duration.ZERO) instanceof Decision.GiveUpBatch) {
                    break;
                }
            }
        }
        return Optional.ofNullable(worst);
    }

    private static Failure worst(GroupReport report) {
        return report.failures().stream().reduce((a, b) -> a.worse(b))
                .orElseGet(() -> Failure.of(FailureKind.UNEXPECTED, "partial pass without a failure"));
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
        String failure = report.outcome() == GroupReport.Outcome.PARTIAL ? " failed: " + worst(report).description() : "";
        line.log("sync group={} trigger={} outcome={} calendars={} read={} inserted={} updated={} deleted={} "
                        + "failedWrites={} durationMs={}{}", group.id(), trigger.label(), outcome,
                group.calendars().size(), calendarsRead, report.inserted(), report.updated(), report.deleted(),
                report.failedWrites(), report.took().toMillis(), failure);
    }
}
