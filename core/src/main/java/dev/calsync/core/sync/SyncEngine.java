package dev.calsync.core.sync;

import dev.calsync.core.block.BlockOp;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.SyncMode;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.core.reconcile.MeetingCopies;
import dev.calsync.core.reconcile.ProjectedBlocks;
import dev.calsync.core.reconcile.ProjectionHorizon;
import dev.calsync.core.reconcile.Projection;
import dev.calsync.core.reconcile.Reconciler;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.store.BlockRowWrites;
import dev.calsync.core.store.CalendarCommit;
import dev.calsync.core.store.GroupSyncStates;
import dev.calsync.core.store.ProjectionValidity;
import dev.calsync.core.store.SyncStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One pass over one group, under the group's lease, in named phases:
 * read changes → lay them over the cache → note echoes and hand edits of our blocks → project → plan → apply →
 * save tokens. A token is saved only after every write it implies has succeeded, so a crash anywhere
 * replays from the old token, and replays are safe because every write is idempotent.
 */
public final class SyncEngine {
    private static final System.Logger LOG = System.getLogger(SyncEngine.class.getName());

    private final CalendarProvider provider;
    private final SyncStore store;
    private final Clock clock;
    private final String workerId;
    private final Duration leaseTtl;
    private final ChangeReader reader;
    private final PlanExecutor executor;
    private final Recurrences recurrences;
    private final AtomicLong passes = new AtomicLong();

    /**
     * @param workerId    names this engine in leases; unique per engine (threads sharing one engine are told apart
     *                    by a pass number)
     * @param recurrences the series expander (null: series are not mirrored, only counted)
     */
    public SyncEngine(CalendarProvider provider, SyncStore store, Recurrences recurrences, Clock clock,
                      String workerId, Duration leaseTtl) {
        this.provider = provider;
        this.recurrences = recurrences;
        this.store = store;
        this.clock = clock;
        this.workerId = workerId;
        this.leaseTtl = leaseTtl;
        this.reader = new ChangeReader(provider);
        this.executor = new PlanExecutor(provider, store);
    }

    public GroupReport sync(SyncGroup group, SyncRequest request) {
        Instant started = clock.instant();
        // Each pass holds the lease under a name of its own: two threads of one engine must exclude each other too.
        String owner = workerId + "#" + passes.incrementAndGet();
        Lease lease = Lease.acquire(store, clock, group.id(), owner, leaseTtl);
        if (lease == null) {
            LOG.log(Level.INFO, "group {0}: another worker holds the lease, skipped", group.id());
            return GroupReport.leaseHeld(group.id(), modeName(group, request));
        }
        try {
            Pass pass = new Pass(group, request, started);
            if (group.mode() == SyncMode.NAIVE && !request.full()) {
                return new NaivePass(provider, store, recurrences, lease, clock).run(pass);
            }
            return converge(pass, lease);
        } catch (LeaseLostException e) {
            LOG.log(Level.WARNING, "group {0}: lease lost mid-pass; the next holder replays it", group.id());
            return GroupReport.leaseHeld(group.id(), modeName(group, request));
        } finally {
            lease.release();
        }
    }

    private GroupReport converge(Pass pass, Lease lease) {
        SyncGroup group = pass.group;
        boolean full = pass.request.full() || group.mode() == SyncMode.FULL;
        GroupSyncStates states = store.syncStates(group.id(), group.calendars());
        String digest = GroupDigest.of(group, recurrences != null);

        // 1. Read what changed (or everything, where there is no usable token).
        Map<CalendarRef, ChangeReader.Read> reads = readChanges(pass, full, lease, states);

        // Nothing read, nothing pending, the last projection still valid: only the tokens are stored.
        if (IdlePass.applies(pass, full, reads, states, digest)) {
            IdlePass.commit(pass, reads, states, lease);
            return report(pass, new PlanExecutor.Result());
        }

        // 2. Sources: the cache with what was just read laid over it.
        Map<CalendarRef, List<SourceEvent>> sources = new LinkedHashMap<>();
        for (CalendarRef calendar : group.calendars()) {
            sources.put(calendar, SourceCache.overlay(store.cachedEvents(group.id(), calendar), reads.get(calendar)));
        }

        // 3. Blocks believed to exist: stored rows, corrected by what the reads showed of each target.
        KnownBlocks rows = new KnownBlocks(store.blocks(group.id()));
        HandEdits handEdits = new HandEdits(group, rows, () -> BlockOwnership.of(store, group));
        for (ChangeReader.Read read : reads.values()) {
            if (read.full()) {
                handEdits.replaceByListing(read);
            } else {
                handEdits.noteEchoes(read);
            }
        }

        // 4. Project and plan.
        ProjectedBlocks projected = MeetingCopies.apply(Projection.of(group, sources, pass.started, recurrences), sources,
                group.rules().busy());
        pass.skippedRecurring = projected.skippedRecurring();
        handEdits.noteEditedOccurrences(projected);
        pass.handEdits = handEdits.count();
        List<BlockOp> plan = Reconciler.plan(projected.desired(), rows.all(), projected.agedOut());

        // 5. Apply.
        PlanExecutor.Result applied = executor.apply(plan, rows, lease);
        // A calendar that left the group keeps its blocks until they can go: its failures hold back no token.
        applied.failedTargets.forEach((target, e) -> {
            if (group.calendars().contains(target)) {
                pass.fail(target, e);
            }
        });

        // 6. Save what was learned, in one transaction and only while the lease is ours: the block rows, tokens
        // only when every write succeeded, and until when this projection stays valid when nothing is left to do.
        BlockRowWrites rowWrites;
        if (reads.values().stream().anyMatch(ChangeReader.Read::full)) {
            rowWrites = new BlockRowWrites(true, rows.all(), List.of());
        } else {
            handEdits.respected().forEach(applied.rows::save);
            rowWrites = applied.rows.writes();
        }
        boolean writesDone = applied.failedTargets.keySet().stream().noneMatch(group.calendars()::contains);
        boolean settled = applied.failedTargets.isEmpty() && pass.errors.isEmpty() && rows.allSettled();
        ProjectionValidity validity = settled
                ? new ProjectionValidity(ProjectionHorizon.of(group, sources, pass.started, recurrences), digest)
                : null;
        try {
            lease.commitPass(rowWrites, writesDone ? commits(pass, reads, states) : List.of(), validity);
        } catch (LeaseLostException e) {
            executor.keepWritten(applied, e);
            throw e;
        }
        recordFailures(pass);
        return report(pass, applied);
    }

    private GroupReport report(Pass pass, PlanExecutor.Result applied) {
        GroupReport report = pass.report(modeName(pass.group, pass.request), applied, clock.instant());
        LOG.log(Level.INFO, "group {0}: {1} ({2} inserted, {3} updated, {4} deleted) in {5} ms",
                pass.group.id(), report.outcome(), report.inserted(), report.updated(), report.deleted(),
                report.took().toMillis());
        return report;
    }

    private Map<CalendarRef, ChangeReader.Read> readChanges(Pass pass, boolean full, Lease lease,
                                                            GroupSyncStates states) {
        Map<CalendarRef, ChangeReader.Read> reads = new LinkedHashMap<>();
        Instant timeMin = pass.group.window().start(pass.started);
        for (CalendarRef calendar : pass.group.calendars()) {
            if (!full && !pass.request.reads(calendar)) {
                pass.calendarReports.put(calendar, new CalendarReport(calendar.key(), "none", null, 0, null));
                continue;
            }
            lease.keepAlive();
            try {
                ChangeReader.Read read = reader.read(calendar, states.of(calendar), full, timeMin);
                reads.put(calendar, read);
                pass.calendarReports.put(calendar, new CalendarReport(calendar.key(),
                        read.full() ? "full" : "incremental", read.fullReason(), read.changes().events().size(), null));
            } catch (ProviderException e) {
                // An unreadable calendar keeps its cache and token: nothing is concluded from a failed read.
                pass.calendarReports.put(calendar, new CalendarReport(calendar.key(), "none", null, 0, null));
                pass.fail(calendar, e);
            }
        }
        return reads;
    }

    private static List<CalendarCommit> commits(Pass pass, Map<CalendarRef, ChangeReader.Read> reads,
                                                GroupSyncStates states) {
        List<CalendarCommit> commits = new ArrayList<>();
        for (ChangeReader.Read read : reads.values()) {
            var state = states.of(read.calendar())
                    .afterSuccess(read.changes().nextSyncToken(), read.full(), pass.started);
            commits.add(new CalendarCommit(read.calendar(), read.full(),
                    SourceCache.sourcesOnly(read.changes().events()), state));
        }
        return commits;
    }

    private void recordFailures(Pass pass) {
        pass.errors.forEach((calendar, error) -> store.recordFailure(pass.group.id(), calendar, error.description(), pass.started));
    }

    private static String modeName(SyncGroup group, SyncRequest request) {
        if (request.full()) {
            return "full";
        }
        return group.mode().name().toLowerCase(java.util.Locale.ROOT);
    }
}
