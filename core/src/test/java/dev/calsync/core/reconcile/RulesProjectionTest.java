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
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.Window;
import dev.calsync.core.rules.BlockColor;
import dev.calsync.core.rules.BusyRules;
import dev.calsync.core.rules.CalendarRole;
import dev.calsync.core.rules.GroupRules;
import dev.calsync.core.rules.WorkingHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulesProjectionTest {
    /** Monday 30 November 2026; Berlin is UTC+1, so 08:00–18:00 there is 07:00–17:00 UTC. */
    private static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");
    private static final CalendarRef WORK = new CalendarRef("work", "work@x");
    private static final CalendarRef HOME = new CalendarRef("home", "home@x");
    private static final CalendarRef SCHOOL = new CalendarRef("school", "school@x");
    private static final SyncGroup GROUP = new SyncGroup("g", null, "Busy", new Window(7, 30), null, null,
            List.of(WORK, HOME, SCHOOL));
    private static final WorkingHours WEEKDAYS = new WorkingHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(8, 0), LocalTime.of(18, 0), ZoneId.of("Europe/Berlin"));

    private static SourceEvent event(String id, String start, String end, String title) {
        return new SourceEvent(id, EventStatus.CONFIRMED, EventTime.at(Instant.parse(start), "Europe/Berlin"),
                EventTime.at(Instant.parse(end), "Europe/Berlin"), false, EventKind.DEFAULT, null, List.of(), null,
                null, title, Map.of(), null, null);
    }

    private static SourceEvent weekly(String id, String start, String end) {
        return new SourceEvent(id, EventStatus.CONFIRMED, EventTime.at(Instant.parse(start), "Europe/Berlin"),
                EventTime.at(Instant.parse(end), "Europe/Berlin"), false, EventKind.DEFAULT, null,
                List.of("RRULE:FREQ=WEEKLY"), null, null, "standup", Map.of(), null, null);
    }

    private static ProjectedBlocks project(SyncGroup group, SourceEvent... onWork) {
        return Projection.of(group, Map.of(WORK, List.of(onWork)), NOW, new WeeklyRecurrences());
    }

    private static List<KnownBlock> synced(ProjectedBlocks projected) {
        return projected.desired().stream().map(d -> d.known(BlockState.SYNCED)).toList();
    }

    private static SyncGroup with(GroupRules rules) {
        return GROUP.withRules(rules);
    }

    private static SyncGroup withHours(WorkingHours hours) {
        return with(GroupRules.DEFAULT.withBusy(BusyRules.DEFAULT.withHours(hours)));
    }

    @Test
    void aSourceOnlyCalendarGetsNoBlockAndATargetOnlyOneBlocksNothing() {
        SyncGroup group = with(GroupRules.DEFAULT.withRoles(Map.of(HOME, CalendarRole.SOURCE,
                SCHOOL, CalendarRole.TARGET)));
        Map<CalendarRef, List<SourceEvent>> sources = Map.of(
                HOME, List.of(event("h", "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z", "dentist")),
                SCHOOL, List.of(event("s", "2026-12-01T11:00:00Z", "2026-12-01T12:00:00Z", "class")));
        ProjectedBlocks projected = Projection.of(group, sources, NOW);
        assertThat(projected.desired()).extracting(DesiredBlock::target).containsExactlyInAnyOrder(WORK, SCHOOL);
        assertThat(projected.desired()).extracting(DesiredBlock::source).containsOnly(HOME);
    }

    @Test
    void removingACalendarsTargetRoleDeletesItsBlocksInTheSamePlan() {
        SourceEvent meeting = event("m", "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z", "x");
        List<KnownBlock> known = synced(project(GROUP, meeting));
        ProjectedBlocks after = project(with(GroupRules.DEFAULT.withRoles(Map.of(HOME, CalendarRole.SOURCE))), meeting);
        List<BlockOp> plan = Reconciler.plan(after.desired(), known, after.agedOut());
        assertThat(plan).singleElement().isInstanceOf(BlockOp.Delete.class)
                .satisfies(op -> assertThat(op.target()).isEqualTo(HOME));
    }

    @Test
    void aNewTitleRewritesEveryBlockOnceAndNoMore() {
        SourceEvent a = event("a", "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z", "Dentist");
        SourceEvent b = event("b", "2026-12-02T09:00:00Z", "2026-12-02T10:00:00Z", "Salary");
        List<KnownBlock> known = synced(project(GROUP, a, b));
        SyncGroup retitled = new SyncGroup("g", null, "{calendar} busy", new Window(7, 30), null, null,
                List.of(WORK, HOME, SCHOOL), new GroupRules(null, null, null, Map.of(WORK, "Work")));
        ProjectedBlocks after = project(retitled, a, b);
        List<BlockOp> plan = Reconciler.plan(after.desired(), known, after.agedOut());
        assertThat(plan).hasSize(4).allMatch(op -> op instanceof BlockOp.Update);
        assertThat(after.desired()).extracting(d -> d.body().summary()).containsOnly("Work busy");
        assertThat(Reconciler.plan(after.desired(), synced(after), after.agedOut())).isEmpty();
    }

    @Test
    void theSourceTitleLeavesOnlyWhenTheTemplateAsksForIt() {
        SourceEvent a = event("a", "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z", "Dentist");
        assertThat(project(GROUP, a).desired()).extracting(d -> d.body().summary()).containsOnly("Busy");
        SyncGroup titled = new SyncGroup("g", null, "{title}", new Window(7, 30), null, null, List.of(WORK, HOME));
        assertThat(project(titled, a).desired()).extracting(d -> d.body().summary()).containsOnly("Dentist");
    }

    @Test
    void aColourTravelsInTheMarkerAndChangesTheContentHash() {
        SourceEvent a = event("a", "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z", "x");
        DesiredBlock plain = project(GROUP, a).desired().get(0);
        DesiredBlock coloured = project(with(GroupRules.DEFAULT.withColor(new BlockColor(8))), a).desired().stream()
                .filter(d -> d.target().equals(plain.target())).findFirst().orElseThrow();
        assertThat(plain.body().marker()).doesNotContainKey(BlockMarker.COLOR);
        assertThat(coloured.body().marker()).containsEntry(BlockMarker.COLOR, "8");
        assertThat(coloured.body().color()).isEqualTo(8);
        assertThat(coloured.contentHash()).isNotEqualTo(plain.contentHash());
    }

    @Test
    void newHoursRewriteOnlyTheBlocksTheyClip() {
        SourceEvent inside = event("in", "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z", "x");
        SourceEvent across = event("across", "2026-12-01T06:00:00Z", "2026-12-01T08:00:00Z", "x");
        SourceEvent evening = event("evening", "2026-12-01T19:00:00Z", "2026-12-01T20:00:00Z", "x");
        List<KnownBlock> known = synced(project(GROUP, inside, across, evening));
        ProjectedBlocks after = project(withHours(WEEKDAYS), inside, across, evening);
        List<BlockOp> plan = Reconciler.plan(after.desired(), known, after.agedOut());
        assertThat(plan).filteredOn(op -> op instanceof BlockOp.Update).hasSize(2)
                .allSatisfy(op -> assertThat(((BlockOp.Update) op).block().sourceEventId()).isEqualTo("across"));
        assertThat(plan).filteredOn(op -> op instanceof BlockOp.Delete).hasSize(2);
        assertThat(plan).hasSize(4);
        assertThat(after.desired()).filteredOn(d -> d.sourceEventId().equals("across"))
                .allSatisfy(d -> assertThat(d.body().start().instant()).isEqualTo(Instant.parse("2026-12-01T07:00:00Z")));
    }

    @Test
    void aMultiDayEventUnderHoursBecomesOneBlockPerWorkingDay() {
        SourceEvent trip = new SourceEvent("trip", EventStatus.CONFIRMED, EventTime.on(java.time.LocalDate.parse("2026-12-04")),
                EventTime.on(java.time.LocalDate.parse("2026-12-09")), false, EventKind.OUT_OF_OFFICE, null, List.of(),
                null, null, "Trip", Map.of(), null, null);
        SyncGroup group = new SyncGroup("g", null, "Busy", new Window(7, 30), null, null, List.of(WORK, HOME),
                GroupRules.DEFAULT.withBusy(BusyRules.DEFAULT.withHours(WEEKDAYS)));
        // Friday 4, Monday 7, Tuesday 8 December; the weekend has no hours.
        assertThat(project(group, trip).desired()).extracting(DesiredBlock::sourceEventId)
                .containsExactlyInAnyOrder("trip", "trip~1", "trip~2");
        assertThat(project(group, trip).desired()).allSatisfy(d ->
                assertThat(d.body().start()).isInstanceOf(EventTime.Timed.class));
    }

    @Test
    void aSeriesWhollyInsideTheHoursStaysOneBlockSeries() {
        SourceEvent standup = weekly("s", "2026-11-30T08:00:00Z", "2026-11-30T08:15:00Z");
        assertThat(project(withHours(WEEKDAYS), standup).desired()).hasSize(2)
                .allSatisfy(d -> assertThat(d.body().recurrence()).containsExactly("RRULE:FREQ=WEEKLY"));
    }

    @Test
    void aSeriesWhollyOutsideTheHoursIsNotMirrored() {
        SourceEvent saturday = weekly("s", "2026-11-28T09:00:00Z", "2026-11-28T10:00:00Z");
        assertThat(project(withHours(WEEKDAYS), saturday).desired()).isEmpty();
    }

    @Test
    void aSeriesAcrossTheEdgeBecomesSingleClippedBlocksPerOccurrenceInTheWindow() {
        SourceEvent early = weekly("s", "2026-11-30T06:30:00Z", "2026-11-30T07:30:00Z");
        ProjectedBlocks projected = Projection.of(new SyncGroup("g", null, "Busy", new Window(7, 30), null, null,
                List.of(WORK, HOME), GroupRules.DEFAULT.withBusy(BusyRules.DEFAULT.withHours(WEEKDAYS))),
                Map.of(WORK, List.of(early)), NOW, new WeeklyRecurrences());
        // Mondays 30 Nov, 7, 14, 21 and 28 Dec are in the 30-day window: 07:30–08:30 Berlin cut to 08:00–08:30.
        assertThat(projected.desired()).hasSize(5).allSatisfy(d -> {
            assertThat(d.body().recurrence()).isEmpty();
            assertThat(Duration.between(d.body().start().instant(), d.body().end().instant()))
                    .isEqualTo(Duration.ofMinutes(30));
            assertThat(d.sourceEventId()).startsWith("s@");
        });
    }

    @Test
    void theSingleBlocksOfAStraddlingSeriesThatTheWindowLeavesAreForgottenAndOnlyNewOnesInserted() {
        SyncGroup group = new SyncGroup("g", null, "Busy", new Window(0, 30), null, null, List.of(WORK, HOME),
                GroupRules.DEFAULT.withBusy(BusyRules.DEFAULT.withHours(WEEKDAYS)));
        Map<CalendarRef, List<SourceEvent>> sources = Map.of(WORK,
                List.of(weekly("s", "2026-11-30T06:30:00Z", "2026-11-30T07:30:00Z")));
        ProjectedBlocks first = Projection.of(group, sources, NOW, new WeeklyRecurrences());
        List<KnownBlock> known = synced(first);

        ProjectedBlocks aWeekOn = Projection.of(group, sources, NOW.plus(Duration.ofDays(7)), new WeeklyRecurrences());
        List<BlockOp> plan = Reconciler.plan(aWeekOn.desired(), known, aWeekOn.agedOut());

        assertThat(plan).filteredOn(op -> op instanceof BlockOp.Delete).isEmpty();
        assertThat(plan).filteredOn(op -> op instanceof BlockOp.Forget).hasSize(1);
        assertThat(plan).filteredOn(op -> op instanceof BlockOp.Insert).hasSize(1);
    }

    @Test
    void aMovedOccurrenceOutsideTheHoursCancelsItsBlockOccurrence() {
        SourceEvent standup = weekly("s", "2026-11-30T08:00:00Z", "2026-11-30T08:15:00Z");
        SourceEvent moved = new SourceEvent("s_1", EventStatus.CONFIRMED,
                EventTime.at(Instant.parse("2026-12-07T20:00:00Z"), "UTC"),
                EventTime.at(Instant.parse("2026-12-07T20:15:00Z"), "UTC"), false, null, null, List.of(), "s",
                EventTime.at(Instant.parse("2026-12-07T08:00:00Z"), "Europe/Berlin"), "x", Map.of(), null, null);
        ProjectedBlocks projected = project(withHours(WEEKDAYS), standup, moved);
        assertThat(projected.desired()).filteredOn(DesiredBlock::isInstance).hasSize(2)
                .allSatisfy(d -> assertThat(d.body().cancelled()).isTrue());
        assertThat(projected.desired()).filteredOn(d -> !d.isInstance() && d.sourceEventId().startsWith("s_1")).isEmpty();
    }
}
