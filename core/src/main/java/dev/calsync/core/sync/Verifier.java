package dev.calsync.core.sync;

import dev.calsync.core.block.BlockState;
import dev.calsync.core.block.DesiredBlock;
import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.ChangeSet;
import dev.calsync.core.failure.Failure;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.core.reconcile.MeetingCopies;
import dev.calsync.core.reconcile.ProjectedBlocks;
import dev.calsync.core.reconcile.Projection;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.store.SyncStore;
import dev.calsync.core.reconcile.BusyFilter;
import dev.calsync.core.rules.WorkingHours;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a group against the provider alone: list every calendar, project the sources afresh, and compare
 * with the blocks found, by source event rather than by block id, so it judges any mode's result the same.
 * Then it compares busy time expanded in the window, source against blocks on each calendar, so any
 * recurrence mismatch shows ({@link BusyIntervals}). Reads only; the store is consulted just for blocks a
 * person edited under the "respect" policy.
 */
public final class Verifier {
    private static final System.Logger LOG = System.getLogger(Verifier.class.getName());
    /** Differences reported per calendar; more say nothing new. */
    private static final int MAX_BUSY_PROBLEMS = 20;
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
        Map<CalendarRef, List<SourceEvent>> listed = new LinkedHashMap<>();
        List<KnownBlock> found = new ArrayList<>();
        BlockOwnership ownership = BlockOwnership.of(store, group);
        int foreign = 0;
        for (CalendarRef calendar : group.calendars()) {
            try {
                ChangeSet all = provider.listAll(calendar, group.window().start(now));
                listed.put(calendar, all.events());
                sources.put(calendar, SourceCache.sourcesOnly(all.events()));
                found.addAll(ListedBlocks.of(group, calendar, all.events(), ownership));
                foreign += ListedBlocks.foreign(group, calendar, all.events(), ownership);
            } catch (ProviderException e) {
                return new VerifyReport(group.id(), 0, 0, List.of(), calendar.key() + ": " + Failure.of(e).description());
            }
        }
        ProjectedBlocks projected = Projection.of(group, sources, now, recurrences);
        ProjectedBlocks reduced = MeetingCopies.apply(projected, sources, group.rules().busy());
        List<DesiredBlock> desired = reduced.desired();
        Map<String, KnownBlock> respected = new HashMap<>();
        List<KnownBlock> rows = store.blocks(group.id());
        rows.stream().filter(b -> b.state() == BlockState.RESPECTED)
                .forEach(b -> respected.put(b.target().key() + "\n" + b.blockId(), b));

        Map<String, List<KnownBlock>> foundByKey = new LinkedHashMap<>();
        found.forEach(block -> foundByKey.computeIfAbsent(key(block.target(), block.sourceCalendar(),
                block.sourceEventId(), block.occurrence() != null), k -> new ArrayList<>()).add(block));
        List<VerifyReport.Problem> problems = new ArrayList<>();
        for (DesiredBlock want : desired) {
            List<KnownBlock> have = foundByKey.remove(key(want.target(), want.source().key(), want.sourceEventId(),
                    want.isInstance()));
            if (have == null) {
                // A cancelled occurrence may be absent when the block series never had it; busy time tells.
                if (!want.body().cancelled()) {
                    problems.add(problem(VerifyReport.Kind.MISSING, want.target(), want.blockId(),
                            want.source().key(), want.sourceEventId()));
                }
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
        // Blocks the store knows on calendars that left the group: orphans too, though no listing here shows them.
        rows.stream().filter(row -> !group.calendars().contains(row.target()) && row.occurrence() == null)
                .forEach(row -> problems.add(problem(VerifyReport.Kind.ORPHAN, row)));
        problems.addAll(busyMismatches(group, listed, respected.values(), MeetingCopies.leftOut(projected, reduced),
                now, ownership));
        return new VerifyReport(group.id(), desired.size(), found.size(), problems, null, foreign, false);
    }

    /**
     * The blocks a group taken out of the configuration left behind, as the store knows them: all orphans. Read
     * from the store alone (their calendars may no longer be reachable).
     */
    public static List<VerifyReport> retired(SyncStore store) {
        return retired(store, null);
    }

    /** Those of retired groups with a block on one of {@code accounts} (see {@link LeftOverBlocks#retiredRows}). */
    public static List<VerifyReport> retired(SyncStore store, Set<String> accounts) {
        Map<String, List<VerifyReport.Problem>> byGroup = new LinkedHashMap<>();
        LeftOverBlocks.retiredRows(store, accounts).stream().filter(row -> row.occurrence() == null).forEach(row -> byGroup
                .computeIfAbsent(row.groupId(), g -> new ArrayList<>()).add(problem(VerifyReport.Kind.ORPHAN, row)));
        List<VerifyReport> reports = new ArrayList<>();
        byGroup.forEach((groupId, problems) ->
                reports.add(new VerifyReport(groupId, 0, problems.size(), problems, null, 0, true)));
        return reports;
    }

    /**
     * Busy time, expanded in the window: on each calendar, the group's blocks must cover exactly the busy time
     * of the group's other calendars. Catches what ids cannot: an occurrence the block series has and the
     * source has not, a moved occurrence, a rule that differs. Blocks a person edited under "respect" are left
     * out together with their sources; series whose lines cannot be expanded are left out on both sides.
     */
    private List<VerifyReport.Problem> busyMismatches(SyncGroup group, Map<CalendarRef, List<SourceEvent>> listed,
                                                      Collection<KnownBlock> respected, Set<String> copiesLeftOut,
                                                      Instant now, BlockOwnership ownership) {
        Instant from = group.window().start(now);
        Instant to = group.window().end(now);
        List<VerifyReport.Problem> problems = new ArrayList<>();
        BusyIntervals.Shape shape = busyShape(group);
        for (CalendarRef target : group.targets()) {
            Set<String> respectedBlocks = new HashSet<>();
            Set<String> respectedSources = new HashSet<>();
            respected.stream().filter(b -> b.target().equals(target)).forEach(b -> {
                respectedBlocks.add(b.idAtProvider());
                respectedSources.add(b.sourceCalendar() + "\n" + b.sourceEventId());
            });
            List<BusyIntervals.Interval> expected = new ArrayList<>();
            for (CalendarRef source : group.sourcesFor(target)) {
                // Copies of one meeting give one block, or none where the calendar shows the meeting itself.
                String copy = target.key() + "\n" + source.key() + "\n";
                List<SourceEvent> events = listed.get(source).stream()
                        .filter(e -> !copiesLeftOut.contains(copy + e.id()))
                        .filter(e -> !respectedSources.contains(source.key() + "\n" + e.id())).toList();
                BusyIntervals.Result busy = BusyIntervals.of(events,
                        e -> BusyFilter.isBusy(e, group.rules().busy()), from, to, recurrences, shape);
                expected.addAll(busy.intervals());
                warnUnreadable(group, source, busy);
            }
            List<SourceEvent> blocks = listed.get(target).stream()
                    .filter(e -> !respectedBlocks.contains(e.id())).toList();
            BusyIntervals.Result held = BusyIntervals.of(blocks, e -> isLiveBlock(group, target, e, ownership), from, to,
                    recurrences);
            List<BusyIntervals.Interval> want = BusyIntervals.merge(expected, from, to);
            List<BusyIntervals.Interval> have = held.intervals();
            List<String> differences = new ArrayList<>();
            BusyIntervals.minus(want, have).forEach(i -> differences.add("missing busy time " + i));
            BusyIntervals.minus(have, want).forEach(i -> differences.add("extra busy time " + i));
            differences.stream().limit(MAX_BUSY_PROBLEMS).forEach(detail -> problems.add(new VerifyReport.Problem(
                    VerifyReport.Kind.BUSY_MISMATCH, target.key(), null, null, null, detail)));
        }
        return problems;
    }

    /** The group's hours, as the projection cuts busy time to them. */
    private static BusyIntervals.Shape busyShape(SyncGroup group) {
        WorkingHours hours = group.rules().busy().hours();
        if (hours == null) {
            return BusyIntervals.Shape.AS_IS;
        }
        return (start, end) -> hours.clip(start, end).stream()
                .map(span -> new BusyIntervals.Interval(span.start(), span.end())).toList();
    }

    private static boolean isLiveBlock(SyncGroup group, CalendarRef target, SourceEvent event,
                                       BlockOwnership ownership) {
        return !event.cancelled() && event.start() != null && event.end() != null
                && ownership.ownerOf(group, target, event.privateProperties()) == BlockOwnership.Owner.THIS_GROUP;
    }

    private static void warnUnreadable(SyncGroup group, CalendarRef source, BusyIntervals.Result busy) {
        if (!busy.unreadableSeries().isEmpty()) {
            LOG.log(Level.WARNING, "group {0}: series {1} on {2} cannot be expanded; their busy time is not verified",
                    group.id(), busy.unreadableSeries(), source.key());
        }
    }

    private static String key(CalendarRef target, String sourceCalendar, String sourceEventId, boolean occurrence) {
        return target.key() + "\n" + sourceCalendar + "\n" + sourceEventId + (occurrence ? "\n~" : "");
    }

    private static VerifyReport.Problem problem(VerifyReport.Kind kind, KnownBlock block) {
        return problem(kind, block.target(), block.blockId(), block.sourceCalendar(), block.sourceEventId());
    }

    private static VerifyReport.Problem problem(VerifyReport.Kind kind, CalendarRef target, String blockId,
                                                String sourceCalendar, String sourceEventId) {
        return new VerifyReport.Problem(kind, target.key(), blockId, sourceCalendar, sourceEventId);
    }
}
