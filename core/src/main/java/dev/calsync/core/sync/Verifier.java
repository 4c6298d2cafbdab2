package dev.calsync.core.sync;

import dev.calsync.core.block.BlockState;
import dev.calsync.core.block.DesiredBlock;
import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.ChangeSet;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.core.reconcile.Projection;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.store.SyncStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a group against the provider alone: list every calendar, project the sources afresh, and compare
 * with the blocks found, by source event rather than by block id, so it judges any mode's result the same.
 * Reads only; the store is consulted just for blocks a person edited under the "respect" policy.
 */
public final class Verifier {
    private final CalendarProvider provider;
    private final SyncStore store;
    private final Clock clock;
    private final Recurrences recurrences;

    public Verifier(CalendarProvider provider, SyncStore store, Recurrences recurrences, Clock clock) {
        this.recurrences = recurrences;
        this.provider = provider;
        this.store = store;
        this.clock = clock;
    }

    public VerifyReport verify(SyncGroup group) {
        Instant now = clock.instant();
        Map<CalendarRef, List<SourceEvent>> sources = new LinkedHashMap<>();
        List<KnownBlock> found = new ArrayList<>();
        for (CalendarRef calendar : group.calendars()) {
            try {
                ChangeSet all = provider.listAll(calendar, group.window().start(now));
                sources.put(calendar, SourceCache.sourcesOnly(all.events()));
                found.addAll(ListedBlocks.of(group, calendar, all.events()));
            } catch (ProviderException e) {
                return new VerifyReport(group.id(), 0, 0, List.of(), calendar.key() + ": " + SyncErrors.describe(e));
            }
        }
        List<DesiredBlock> desired = Projection.of(group, sources, now, recurrences).desired();
        Map<String, KnownBlock> respected = new HashMap<>();
        store.blocks(group.id()).stream().filter(b -> b.state() == BlockState.RESPECTED)
                .forEach(b -> respected.put(b.target().key() + "\n" + b.blockId(), b));

        Map<String, List<KnownBlock>> foundByKey = new LinkedHashMap<>();
        found.forEach(block -> foundByKey.computeIfAbsent(key(block.target(), block.sourceCalendar(),
                block.sourceEventId()), k -> new ArrayList<>()).add(block));
        List<VerifyReport.Problem> problems = new ArrayList<>();
        for (DesiredBlock want : desired) {
            List<KnownBlock> have = foundByKey.remove(key(want.target(), want.source().key(), want.sourceEventId()));
            if (have == null) {
                problems.add(problem(VerifyReport.Kind.MISSING, want.target(), want.blockId(), want.source().key(),
                        want.sourceEventId()));
                continue;
            }
            KnownBlock first = have.get(0);
            KnownBlock row = respected.get(first.target().key() + "\n" + first.blockId());
            boolean accepted = row != null && row.contentHash().equals(want.contentHash());
            if (!accepted && !first.contentHash().equals(want.contentHash())) {
                problems.add(problem(VerifyReport.Kind.STALE, first));
            }
            have.subList(1, have.size()).forEach(extra -> problems.add(problem(VerifyReport.Kind.DUPLICATE, extra)));
        }
        foundByKey.values().forEach(blocks -> blocks.forEach(b -> problems.add(problem(VerifyReport.Kind.ORPHAN, b))));
        return new VerifyReport(group.id(), desired.size(), found.size(), problems, null);
    }

    private static String key(CalendarRef target, String sourceCalendar, String sourceEventId) {
        return target.key() + "\n" + sourceCalendar + "\n" + sourceEventId;
    }

    private static VerifyReport.Problem problem(VerifyReport.Kind kind, KnownBlock block) {
        return problem(kind, block.target(), block.blockId(), block.sourceCalendar(), block.sourceEventId());
    }

    private static VerifyReport.Problem problem(VerifyReport.Kind kind, CalendarRef target, String blockId,
                                                String sourceCalendar, String sourceEventId) {
        return new VerifyReport.Problem(kind, target.key(), blockId, sourceCalendar, sourceEventId);
    }
}
