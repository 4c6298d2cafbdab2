package dev.calsync.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.rules.BlockColor;
import dev.calsync.core.rules.BusyRules;
import dev.calsync.core.rules.CalendarRole;
import dev.calsync.core.rules.GroupRules;
import dev.calsync.core.rules.SkipTitles;
import dev.calsync.core.rules.WorkingHours;
import dev.calsync.core.sync.GroupReport;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 18's promise on the emulator: a changed rule re-projects the group and writes only the blocks that change —
 * a new title rewrites every block once, new hours rewrite what they cut and delete what they leave out, a calendar
 * that stops being a target loses its blocks in the same pass, a colour rewrites every block once — and a pass after
 * each writes nothing; verify agrees at every step.
 */
class RuleChangesTest {

    static List<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eachRuleChangeWritesOnlyTheBlocksItChanges(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("rules", Harness.WORK, Harness.TEAM, Harness.HOME);
            h.create(Harness.WORK, "Standup", 1, 9, 30);
            h.create(Harness.WORK, "Early", 2, 7, 120);     // 07:00–09:00 UTC: cut to 08:00–09:00 below
            h.create(Harness.WORK, "Evening", 2, 19, 60);   // outside the hours below
            h.create(Harness.HOME, "Dentist", 3, 14, 60);
            assertThat(writesOf(h, group)).isEqualTo(8);     // 3 sources × 2 targets + 1 × 2
            assertThat(writesOf(h, group)).isZero();

            group = save(h, new SyncGroup(group.id(), group.owner(), "{calendar} busy", group.window(), group.mode(),
                    group.manualEdits(), group.calendars(), new GroupRules(null, null, null,
                    Map.of(Harness.WORK, "Work", Harness.HOME, "Home"))));
            assertThat(writesOf(h, group)).as("a new title rewrites every block once").isEqualTo(8);
            assertThat(h.blocksOn(Harness.TEAM)).extracting(b -> b.path("summary").asText())
                    .containsOnly("Work busy", "Home busy");
            assertThat(writesOf(h, group)).isZero();

            WorkingHours hours = new WorkingHours(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0),
                    LocalTime.of(18, 0), ZoneId.of("UTC"));
            group = save(h, group.withRules(group.rules().withBusy(BusyRules.DEFAULT.withHours(hours))));
            assertThat(writesOf(h, group)).as("hours: Early cut on 2 targets, Evening gone from 2").isEqualTo(4);
            assertThat(h.blocksOn(Harness.TEAM)).hasSize(3);
            assertThat(writesOf(h, group)).isZero();

            group = save(h, group.withRules(group.rules().withRoles(Map.of(Harness.HOME, CalendarRole.SOURCE))));
            assertThat(writesOf(h, group)).as("home is no target any more: its 2 blocks go").isEqualTo(2);
            assertThat(h.blocksOn(Harness.HOME)).isEmpty();
            assertThat(h.blocksOn(Harness.TEAM)).hasSize(3);
            assertThat(writesOf(h, group)).isZero();

            group = save(h, group.withRules(group.rules().withColor(new BlockColor(8))));
            assertThat(writesOf(h, group)).as("a colour rewrites the 4 blocks left once").isEqualTo(4);
            assertThat(blocks(h, Harness.TEAM, Harness.WORK)).extracting(b -> b.path("colorId").asText())
                    .containsOnly("8");
            assertThat(writesOf(h, group)).isZero();

            group = save(h, group.withRules(group.rules().withBusy(
                    new BusyRules(null, null, null, hours, new SkipTitles(List.of("DENTIST"))))));
            assertThat(writesOf(h, group)).as("skipping the dentist deletes its 2 blocks").isEqualTo(2);
            assertThat(writesOf(h, group)).isZero();
            assertThat(h.blocksOn(Harness.TEAM)).hasSize(2);
        }
    }

    private static SyncGroup save(Harness h, SyncGroup group) {
        h.store.saveGroup(group);
        return group;
    }

    /** The writes of one pass, after checking it synced and verify finds nothing wrong. */
    private static long writesOf(Harness h, SyncGroup group) {
        long before = h.writes();
        GroupReport report = h.sync(group);
        assertThat(report.outcome()).isEqualTo(GroupReport.Outcome.SYNCED);
        assertThat(h.verify(group).problems()).as("verify after the pass").isEmpty();
        return h.writes() - before;
    }

    private static List<ObjectNode> blocks(Harness h, CalendarRef... calendars) {
        return java.util.Arrays.stream(calendars).flatMap(c -> h.blocksOn(c).stream()).toList();
    }
}
