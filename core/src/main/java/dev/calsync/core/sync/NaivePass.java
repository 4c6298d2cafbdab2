package dev.calsync.core.sync;

import dev.calsync.core.block.BlockIds;
import dev.calsync.core.block.BlockOp;
import dev.calsync.core.block.DesiredBlock;
import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.ChangeSet;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.core.reconcile.MeetingCopies;
import dev.calsync.core.reconcile.Projection;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.store.BlockRowWrites;
import dev.calsync.core.store.CalendarCommit;
import dev.calsync.core.store.SyncStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The old poller, kept only as the benchmark's baseline: list everything, delete every block, create every
 * block again under a fresh id. Never the default; never used for recovery.
 */
final class NaivePass {
    private final CalendarProvider provider;
    private final SyncStore store;
    private final Lease lease;
    private final java.time.Clock clock;

    private final Recurrences recurrences;

    NaivePass(CalendarProvider provider, SyncStore store, Recurrences recurrences, Lease lease, java.time.Clock clock) {
        this.recurrences = recurrences;
        this.clock = clock;
        this.provider = provider;
        this.store = store;
        this.lease = lease;
    }

    GroupReport run(Pass pass) {
        Map<CalendarRef, List<SourceEvent>> sources = new LinkedHashMap<>();
        List<KnownBlock> existing = new ArrayList<>();
        List<CalendarCommit> commits = new ArrayList<>();
        BlockOwnership ownership = BlockOwnership.of(store, pass.group);
        for (CalendarRef calendar : pass.group.calendars()) {
            try {
                ChangeSet all = provider.listAll(calendar, pass.group.window().start(pass.started));
                sources.put(calendar, SourceCache.sourcesOnly(all.events()));
                existing.addAll(ListedBlocks.of(pass.group, calendar, all.events(), ownership));
                commits.add(new CalendarCommit(calendar, true, sources.get(calendar),
                        store.syncState(pass.group.id(), calendar).afterSuccess(all.nextSyncToken(), true, pass.started)));
                pass.calendarReports.put(calendar,
                        new CalendarReport(calendar.key(), "full", "naive mode", all.events().size(), null));
            } catch (ProviderException e) {
                pass.fail(calendar, e);
            }
        }
        PlanExecutor.Result result = new PlanExecutor.Result();
        if (!pass.errors.isEmpty()) {
            // Deleting everything after a partial read would remove blocks whose sources we did not see.
            return pass.report("naive", result, clock.instant());
        }
        KnownBlocks rows = new KnownBlocks(existing);
        List<BlockOp> plan = new ArrayList<>();
        existing.forEach(block -> plan.add(new BlockOp.Delete(block)));
        String generation = Long.toString(pass.started.toEpochMilli());
        List<DesiredBlock> desired = MeetingCopies.apply(
                Projection.of(pass.group, sources, pass.started, recurrences), sources,
                pass.group.rules().busy()).desired();
        Map<String, String> freshIds = new HashMap<>();
        for (DesiredBlock block : desired) {
            if (!block.isInstance()) {
                String freshId = BlockIds.of(block.groupId(), block.source(),
                        block.sourceEventId() + "#" + generation, block.target());
                freshIds.put(block.blockId(), freshId);
                plan.add(new BlockOp.Insert(new DesiredBlock(block.groupId(), block.source(), block.sourceEventId(),
                        block.target(), freshId, block.body())));
            }
        }
        for (DesiredBlock block : desired) {
            String freshSeries = block.isInstance() ? freshIds.get(block.seriesBlockId()) : null;
            if (freshSeries != null) {
                plan.add(new BlockOp.Update(DesiredBlock.occurrence(block.groupId(), block.source(),
                        block.sourceEventId(), block.target(),
                        new OccurrenceRef(freshSeries, block.occurrence().originalStart()), block.body())));
            }
        }
        PlanExecutor executor = new PlanExecutor(provider, store);
        result = executor.apply(plan, rows, lease);
        try {
            lease.commitPass(new BlockRowWrites(true, rows.all(), List.of()),
                    result.failedTargets.isEmpty() ? commits : List.of(), null);
        } catch (LeaseLostException e) {
            executor.keepWritten(result, e);
            throw e;
        }
        result.failedTargets.forEach(pass::fail);
        pass.errors.forEach((calendar, error) -> store.recordFailure(pass.group.id(), calendar, error.description(), pass.started));
        return pass.report("naive", result, clock.instant());
    }
}
