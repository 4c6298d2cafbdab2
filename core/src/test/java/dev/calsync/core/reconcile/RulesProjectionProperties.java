package dev.calsync.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.block.BlockOp;
import dev.calsync.core.block.BlockState;
import dev.calsync.core.block.DesiredBlock;
import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventKind;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.ResponseStatus;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.Window;
import dev.calsync.core.recurrence.Occurrence;
import dev.calsync.core.rules.AllDayRule;
import dev.calsync.core.rules.BlockColor;
import dev.calsync.core.rules.BusyRules;
import dev.calsync.core.rules.CalendarRole;
import dev.calsync.core.rules.GroupRules;
import dev.calsync.core.rules.OutOfOfficeRule;
import dev.calsync.core.rules.SkipTitles;
import dev.calsync.core.rules.TentativeRule;
import dev.calsync.core.rules.WorkingHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The projection under random rule sets and roles. */
class RulesProjectionProperties {
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final String SECRET = "secret title";
    private static final WeeklyRecurrences RECURRENCES = new WeeklyRecurrences();

    record Scenario(SyncGroup group, Map<CalendarRef, List<SourceEvent>> sources) {
    }

    private static ProjectedBlocks project(Scenario s) {
        return Projection.of(s.group(), s.sources(), NOW, RECURRENCES);
    }

    @Property(tries = 300)
    void aSourceOnlyCalendarNeverHoldsABlockAndATargetOnlyOneBlocksNothing(@ForAll("scenarios") Scenario s) {
        for (DesiredBlock block : project(s).desired()) {
            assertThat(s.group().rules().roleOf(block.target())).isNotEqualTo(CalendarRole.SOURCE);
            assertThat(s.group().rules().roleOf(block.source())).isNotEqualTo(CalendarRole.TARGET);
            assertThat(block.target()).isNotEqualTo(block.source());
        }
    }

    @Property(tries = 300)
    void neverAllDayMeansNoAllDayBlockAnywhere(@ForAll("scenarios") Scenario s) {
        SyncGroup group = s.group().withRules(s.group().rules().withBusy(new BusyRules(
                s.group().rules().busy().tentative(), AllDayRule.NEVER, null, s.group().rules().busy().hours(), null)));
        for (DesiredBlock block : Projection.of(group, s.sources(), NOW, RECURRENCES).desired()) {
            assertThat(block.body().start()).isNotInstanceOf(EventTime.AllDay.class);
        }
    }

    @Property(tries = 300)
    void noBlockOutsideTheHours(@ForAll("scenarios") Scenario s) {
        WorkingHours hours = s.group().rules().busy().hours();
        if (hours == null) {
            return;
        }
        Instant from = s.group().window().start(NOW);
        Instant to = s.group().window().end(NOW);
        for (DesiredBlock block : project(s).desired()) {
            if (block.body().cancelled()) {
                continue;
            }
            for (Occurrence occurrence : occurrences(block, from, to)) {
                assertThat(hours.contains(occurrence.start(), occurrence.end()))
                        .as("%s inside %s", occurrence, hours).isTrue();
            }
        }
    }

    @Property(tries = 300)
    void blocksCarryNoDetailsUnlessTheTemplateAsksForTheTitle(@ForAll("scenarios") Scenario s) {
        Set<String> markerKeys = Set.of(BlockMarker.FLAG, BlockMarker.GROUP, BlockMarker.SOURCE_CALENDAR,
                BlockMarker.SOURCE_EVENT, BlockMarker.COLOR);
        for (DesiredBlock block : project(s).desired()) {
            assertThat(markerKeys).containsAll(block.body().marker().keySet());
            if (!block.body().cancelled() && !s.group().busyTitle().contains("{title}")) {
                assertThat(block.body().summary()).doesNotContain(SECRET);
            }
        }
    }

    @Property(tries = 300)
    void theDefaultsSpelledOutGiveTodaysProjection(@ForAll("scenarios") Scenario s) {
        SyncGroup plain = new SyncGroup(s.group().id(), s.group().owner(), "Busy", s.group().window(), null, null,
                s.group().calendars());
        Map<CalendarRef, CalendarRole> both = new HashMap<>();
        s.group().calendars().forEach(c -> both.put(c, CalendarRole.BOTH));
        GroupRules spelled = new GroupRules(new BusyRules(new TentativeRule(true), AllDayRule.OPAQUE,
                new OutOfOfficeRule(true), null, new SkipTitles(List.of())), null, both, Map.of());
        assertThat(Projection.of(plain.withRules(spelled), s.sources(), NOW, RECURRENCES).desired())
                .containsExactlyInAnyOrderElementsOf(Projection.of(plain, s.sources(), NOW, RECURRENCES).desired());
        assertThat(Projection.of(plain, s.sources(), NOW, RECURRENCES).desired())
                .allSatisfy(b -> assertThat(b.body().marker()).doesNotContainKey(BlockMarker.COLOR));
    }

    @Property(tries = 200)
    void aRuleChangeWritesOnlyTheBlocksThatChangeAndThenNothing(@ForAll("scenarios") Scenario before,
                                                               @ForAll("scenarios") Scenario other) {
        Scenario after = new Scenario(before.group().withRules(other.group().rules()), before.sources());
        ProjectedBlocks was = project(before);
        ProjectedBlocks now = project(after);
        List<KnownBlock> known = was.desired().stream().map(d -> d.known(BlockState.SYNCED)).toList();
        Map<String, String> hashBefore = new HashMap<>();
        was.desired().forEach(d -> hashBefore.put(d.target().key() + "\n" + d.blockId(), d.contentHash()));
        List<BlockOp> plan = Reconciler.plan(now.desired(), known, now.agedOut());
        for (BlockOp op : plan) {
            if (op instanceof BlockOp.Update update) {
                assertThat(hashBefore.get(op.target().key() + "\n" + op.blockId()))
                        .isNotEqualTo(update.block().contentHash());
            }
        }
        List<KnownBlock> applied = now.desired().stream().map(d -> d.known(BlockState.SYNCED)).toList();
        assertThat(Reconciler.plan(now.desired(), applied, now.agedOut())).isEmpty();
    }

    /** A block's occurrences in the window: itself, or its series expanded. */
    private static List<Occurrence> occurrences(DesiredBlock block, Instant from, Instant to) {
        if (block.body().recurrence().isEmpty()) {
            return List.of(new Occurrence(block.body().start(), block.body().start(), block.body().end()));
        }
        SourceEvent series = new SourceEvent("x", EventStatus.CONFIRMED, block.body().start(), block.body().end(),
                false, null, null, block.body().recurrence(), null, null, null, Map.of(), null, null);
        return RECURRENCES.between(series, from, to);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.longs().map(RulesProjectionProperties::scenario);
    }

    static Scenario scenario(long seed) {
        Random random = new Random(seed);
        List<CalendarRef> calendars = new ArrayList<>();
        int count = 2 + random.nextInt(3);
        Map<CalendarRef, CalendarRole> roles = new HashMap<>();
        Map<CalendarRef, String> names = new HashMap<>();
        for (int i = 0; i < count; i++) {
            CalendarRef calendar = new CalendarRef("account" + (i % 2), "cal" + i + "@example.com");
            calendars.add(calendar);
            roles.put(calendar, CalendarRole.values()[random.nextInt(3)]);
            if (random.nextBoolean()) {
                names.put(calendar, "Calendar " + i);
            }
        }
        String title = List.of("Busy", "{calendar}", "Busy ({calendar})", "{title}", "{calendar}: {title}")
                .get(random.nextInt(5));
        SyncGroup group = new SyncGroup("g", "owner", title, new Window(7, 30), null, null, calendars,
                new GroupRules(randomBusyRules(random), random.nextBoolean() ? null : new BlockColor(1 + random.nextInt(11)),
                        roles, names));
        Map<CalendarRef, List<SourceEvent>> sources = new LinkedHashMap<>();
        for (CalendarRef calendar : calendars) {
            List<SourceEvent> events = new ArrayList<>();
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) {
                events.add(randomEvent("e" + i, random));
            }
            sources.put(calendar, events);
        }
        return new Scenario(group, sources);
    }

    static BusyRules randomBusyRules(Random random) {
        WorkingHours hours = null;
        if (random.nextBoolean()) {
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                if (random.nextInt(3) > 0) {
                    days.add(day);
                }
            }
            if (days.isEmpty()) {
                days.add(DayOfWeek.MONDAY);
            }
            int from = random.nextInt(12);
            hours = new WorkingHours(days, LocalTime.of(from, 15 * random.nextInt(4)),
                    LocalTime.of(from + 1 + random.nextInt(23 - from), 0),
                    ZoneId.of(List.of("Europe/Berlin", "America/New_York", "UTC").get(random.nextInt(3))));
        }
        return new BusyRules(new TentativeRule(random.nextBoolean()), AllDayRule.values()[random.nextInt(3)],
                new OutOfOfficeRule(random.nextBoolean()), hours,
                random.nextBoolean() ? SkipTitles.NONE : new SkipTitles(List.of("[nosync]")));
    }

    private static SourceEvent randomEvent(String id, Random random) {
        Instant start = NOW.plus(Duration.ofMinutes(15L * (random.nextInt(60 * 24 * 4 * 2) - 60 * 24 * 4)));
        Instant end = start.plus(Duration.ofMinutes(15L * (1 + random.nextInt(60))));
        EventStatus status = List.of(EventStatus.CONFIRMED, EventStatus.CONFIRMED, EventStatus.TENTATIVE,
                EventStatus.CANCELLED).get(random.nextInt(4));
        ResponseStatus response = random.nextInt(4) == 0 ? ResponseStatus.values()[random.nextInt(4)] : null;
        EventKind kind = random.nextInt(5) == 0 ? EventKind.OUT_OF_OFFICE : EventKind.DEFAULT;
        String title = random.nextInt(5) == 0 ? SECRET + " [NOSYNC]" : SECRET;
        boolean transparent = random.nextInt(6) == 0;
        if (random.nextInt(6) == 0) {
            LocalDate day = LocalDate.ofInstant(start, ZoneId.of("UTC"));
            return new SourceEvent(id, status, EventTime.on(day), EventTime.on(day.plusDays(1 + random.nextInt(3))),
                    transparent || random.nextBoolean(), kind, response, List.of(), null, null, title, Map.of(), null,
                    null);
        }
        List<String> recurrence = random.nextInt(6) == 0 ? List.of("RRULE:FREQ=WEEKLY") : List.of();
        return new SourceEvent(id, status, EventTime.at(start, "Europe/Berlin"), EventTime.at(end, "Europe/Berlin"),
                transparent, kind, response, recurrence, null, null, title, Map.of(), null, null);
    }
}
