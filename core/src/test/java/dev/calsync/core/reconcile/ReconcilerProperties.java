package dev.calsync.core.reconcile;

import dev.calsync.core.event.EventKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.block.BlockOp;
import dev.calsync.core.block.BlockState;
import dev.calsync.core.block.DesiredBlock;
import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.ResponseStatus;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ReconcilerProperties {
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    /** A random group, its cached sources and a random set of blocks believed to exist. */
    record Scenario(SyncGroup group, Map<CalendarRef, List<SourceEvent>> sources, List<KnownBlock> known, long seed) {
    }

    @Property(tries = 300)
    void planOfAppliedPlanIsEmpty(@ForAll("scenarios") Scenario s) {
        ProjectedBlocks projected = Projection.of(s.group(), s.sources(), NOW);
        List<BlockOp> plan = Reconciler.plan(projected.desired(), s.known(), projected.agedOut());

        List<KnownBlock> after = apply(plan, s.known());

        assertThat(Reconciler.plan(projected.desired(), after, projected.agedOut())).isEmpty();
    }

    @Property(tries = 300)
    void planDoesNotDependOnInputOrder(@ForAll("scenarios") Scenario s) {
        ProjectedBlocks projected = Projection.of(s.group(), s.sources(), NOW);
        List<BlockOp> plan = Reconciler.plan(projected.desired(), s.known(), projected.agedOut());

        Random random = new Random(s.seed());
        List<DesiredBlock> desired = new ArrayList<>(projected.desired());
        List<KnownBlock> known = new ArrayList<>(s.known());
        Collections.shuffle(desired, random);
        Collections.shuffle(known, random);
        Map<CalendarRef, List<SourceEvent>> shuffledSources = new LinkedHashMap<>();
        s.sources().forEach((calendar, events) -> {
            List<SourceEvent> copy = new ArrayList<>(events);
            Collections.shuffle(copy, random);
            shuffledSources.put(calendar, copy);
        });
        ProjectedBlocks reprojected = Projection.of(s.group(), shuffledSources, NOW);

        assertThat(Reconciler.plan(desired, known, projected.agedOut())).isEqualTo(plan);
        assertThat(Reconciler.plan(reprojected.desired(), known, reprojected.agedOut())).isEqualTo(plan);
    }

    @Property(tries = 300)
    void neverWritesABlockOntoItsOwnSourceCalendar(@ForAll("scenarios") Scenario s) {
        ProjectedBlocks projected = Projection.of(s.group(), s.sources(), NOW);
        for (BlockOp op : Reconciler.plan(projected.desired(), s.known(), projected.agedOut())) {
            DesiredBlock block = written(op);
            if (block != null) {
                assertThat(block.target()).isNotEqualTo(block.source());
            }
        }
    }

    @Property(tries = 300)
    void everyWrittenBlockCarriesTheGroupsMarker(@ForAll("scenarios") Scenario s) {
        ProjectedBlocks projected = Projection.of(s.group(), s.sources(), NOW);
        for (BlockOp op : Reconciler.plan(projected.desired(), s.known(), projected.agedOut())) {
            DesiredBlock block = written(op);
            if (block != null) {
                assertThat(BlockMarker.read(block.body().marker())).hasValueSatisfying(marker -> {
                    assertThat(marker.groupId()).isEqualTo(s.group().id());
                    assertThat(marker.sourceEventId()).isEqualTo(block.sourceEventId());
                    assertThat(marker.sourceCalendarHash()).isEqualTo(BlockMarker.calendarHash(block.source()));
                });
                assertThat(block.blockId()).matches("cs[0-9a-v]{40}");
            }
        }
    }

    @Property(tries = 300)
    void everyBusyEventInTheWindowGetsExactlyOneBlockOnEachOtherCalendar(@ForAll("scenarios") Scenario s) {
        ProjectedBlocks projected = Projection.of(s.group(), s.sources(), NOW);
        Map<String, Integer> perSourceAndTarget = new HashMap<>();
        projected.desired().forEach(b -> perSourceAndTarget.merge(
                b.source().key() + "|" + b.sourceEventId() + "|" + b.target().key(), 1, Integer::sum));
        assertThat(perSourceAndTarget.values()).allMatch(n -> n == 1);
        int others = s.group().calendars().size() - 1;
        long busyInWindow = s.sources().values().stream().flatMap(List::stream)
                .filter(e -> BusyFilter.isBusy(e) && !e.isSeries() && !e.isException())
                .filter(e -> e.end().instant().isAfter(s.group().window().start(NOW))
                        && e.start().instant().isBefore(s.group().window().end(NOW)))
                .count();
        assertThat(projected.desired()).hasSize((int) busyInWindow * others);
    }

    private static DesiredBlock written(BlockOp op) {
        if (op instanceof BlockOp.Insert insert) {
            return insert.block();
        }
        if (op instanceof BlockOp.Update update) {
            return update.block();
        }
        return null;
    }

    /** What the targets and the store look like after a plan ran without failures. */
    private static List<KnownBlock> apply(List<BlockOp> plan, List<KnownBlock> known) {
        Map<String, KnownBlock> rows = new LinkedHashMap<>();
        known.forEach(k -> rows.put(k.target().key() + "\n" + k.blockId(), k));
        for (BlockOp op : plan) {
            String slot = op.target().key() + "\n" + op.blockId();
            DesiredBlock block = written(op);
            if (block != null) {
                rows.put(slot, block.known(BlockState.SYNCED));
            } else {
                rows.remove(slot);
            }
        }
        return new ArrayList<>(rows.values());
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Integer> calendarCount = Arbitraries.integers().between(2, 4);
        Arbitrary<Long> seeds = Arbitraries.longs();
        return Combinators.combine(calendarCount, seeds).as(ReconcilerProperties::scenario);
    }

    private static Scenario scenario(int calendarCount, long seed) {
        Random random = new Random(seed);
        List<CalendarRef> calendars = new ArrayList<>();
        for (int i = 0; i < calendarCount; i++) {
            calendars.add(new CalendarRef("account" + (i % 2), "cal" + i + "@example.com"));
        }
        SyncGroup group = new SyncGroup("g" + random.nextInt(3), "owner", "Busy", new Window(7, 30), null, null,
                calendars);
        Map<CalendarRef, List<SourceEvent>> sources = new LinkedHashMap<>();
        for (CalendarRef calendar : calendars) {
            List<SourceEvent> events = new ArrayList<>();
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                events.add(randomEvent("e" + i, random));
            }
            sources.put(calendar, events);
        }
        // Known blocks: some of what the projection wants (some up to date, some stale, some pending),
        // plus orphans of vanished sources.
        List<KnownBlock> known = new ArrayList<>();
        for (DesiredBlock want : Projection.of(group, sources, NOW).desired()) {
            int roll = random.nextInt(5);
            if (roll == 0) {
                continue;
            }
            KnownBlock row = want.known(roll == 1 ? BlockState.PENDING : BlockState.SYNCED);
            known.add(roll == 2 ? row.withContentHash("stale") : row);
        }
        int orphans = random.nextInt(4);
        for (int i = 0; i < orphans; i++) {
            CalendarRef target = calendars.get(random.nextInt(calendars.size()));
            known.add(new KnownBlock(group.id(), target, "csorphan" + i, calendars.get(0).key(), "gone" + i, "h",
                    BlockState.SYNCED));
        }
        return new Scenario(group, sources, known, seed);
    }

    private static SourceEvent randomEvent(String id, Random random) {
        Instant start = NOW.plus(Duration.ofMinutes(15L * (random.nextInt(60 * 24 * 4 * 2) - 60 * 24 * 4)));
        Instant end = start.plus(Duration.ofMinutes(15L * (1 + random.nextInt(16))));
        EventStatus status = random.nextInt(8) == 0 ? EventStatus.CANCELLED : EventStatus.CONFIRMED;
        ResponseStatus response = random.nextInt(6) == 0 ? ResponseStatus.DECLINED : null;
        EventKind type = random.nextInt(10) == 0 ? EventKind.WORKING_LOCATION : EventKind.DEFAULT;
        Map<String, String> props = random.nextInt(10) == 0
                ? BlockMarker.of("other", new CalendarRef("x", "y"), "z").properties() : Map.of();
        List<String> recurrence = random.nextInt(10) == 0 ? List.of("RRULE:FREQ=WEEKLY") : List.of();
        return new SourceEvent(id, status, EventTime.at(start, "Europe/Berlin"), EventTime.at(end, "Europe/Berlin"),
                random.nextInt(8) == 0, type, response, recurrence, null, null, "secret title", props, null, null);
    }
}
