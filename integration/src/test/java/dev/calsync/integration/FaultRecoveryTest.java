package dev.calsync.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.VerifyReport;
import dev.calsync.emulator.FaultScope;
import dev.calsync.emulator.FaultType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever the API answers, the next pass leaves no duplicate, no orphan and nothing missing. */
class FaultRecoveryTest {

    static List<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void expiredTokensFallBackToAFullSyncWithoutDuplicates(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("alice", Harness.WORK, Harness.TEAM, Harness.HOME);
            String a = h.create(Harness.WORK, "a", 1, 9, 30);
            h.create(Harness.HOME, "b", 2, 9, 30);
            h.sync(group);
            h.move(Harness.WORK, a, 5, 9, 30);
            h.create(Harness.TEAM, "c", 3, 12, 30);
            h.emulator.faults().expireAllSyncTokens();

            GroupReport report = h.sync(group);

            assertThat(report.calendars()).allSatisfy(c -> assertThat(c.fullReason()).contains("refused"));
            assertConverged(h, group, 3);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void rateLimitAndServerErrorBurstsAreRetriedOrReplayedNextPass(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("alice", Harness.WORK, Harness.TEAM, Harness.HOME);
            for (int i = 0; i < 4; i++) {
                h.create(Harness.WORK, "w" + i, 1 + i, 9, 30);
            }
            h.emulator.faults().failNext(2, FaultType.RATE_LIMIT_EXCEEDED)
                    .failNext(1, FaultType.TOO_MANY_REQUESTS).failNext(1, FaultType.SERVICE_UNAVAILABLE);
            assertThat(h.sync(group).outcome()).isEqualTo(GroupReport.Outcome.SYNCED);
            assertConverged(h, group, 4);

            // A burst longer than the retry budget: the pass gives up, keeps the old tokens, the next converges.
            h.create(Harness.HOME, "h", 2, 18, 30);
            h.emulator.faults().failNext(40, FaultType.SERVICE_UNAVAILABLE, FaultScope.calendar(Harness.TEAM.calendarId()));
            GroupReport failed = h.sync(group);
            assertThat(failed.outcome()).isEqualTo(GroupReport.Outcome.PARTIAL);
            assertThat(failed.calendars()).anySatisfy(c -> assertThat(c.error()).contains("503"));
            h.emulator.faults().reset();
            assertThat(h.sync(group).outcome()).isEqualTo(GroupReport.Outcome.SYNCED);
            assertConverged(h, group, 5);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void writesWhoseResponseIsLostNeverMakeDuplicates(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("alice", Harness.WORK, Harness.TEAM, Harness.HOME);
            for (int i = 0; i < 3; i++) {
                h.create(Harness.WORK, "w" + i, 1 + i, 9, 30);
                h.create(Harness.HOME, "h" + i, 1 + i, 19, 30);
            }
            h.emulator.faults().loseResponsesOfNextWrites(3, true);
            h.sync(group);
            h.emulator.faults().loseResponsesOfNextWrites(2, false);
            h.sync(group);
            h.emulator.faults().reset();
            h.sync(group);
            assertConverged(h, group, 6);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eventsWithoutTheMarkerAreNeverChangedWhateverHappens(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("alice", Harness.WORK, Harness.TEAM, Harness.HOME);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ids.add(h.create(Harness.WORK, "w" + i, 1 + i, 9, 30));
                h.create(Harness.TEAM, "t" + i, 1 + i, 13, 30);
                h.create(Harness.HOME, "h" + i, 1 + i, 19, 30);
            }
            Map<String, ObjectNode> before = ownEvents(h, group);

            h.emulator.faults().loseResponsesOfNextWrites(2, true).failNext(3, FaultType.BACKEND_ERROR);
            h.sync(group);
            h.emulator.faults().expireAllSyncTokens();
            h.sync(group);
            h.fullSync(group);
            h.emulator.faults().reset();
            h.sync(group);

            assertThat(ownEvents(h, group)).isEqualTo(before);
            assertConverged(h, group, 12);
        }
    }

    private static Map<String, ObjectNode> ownEvents(Harness h, SyncGroup group) {
        Map<String, ObjectNode> events = new TreeMap<>();
        for (CalendarRef calendar : group.calendars()) {
            h.ownEventsOn(calendar).forEach(e -> events.put(calendar.key() + "/" + e.get("id").asText(), e));
        }
        return events;
    }

    /** Every busy source has exactly one block on every other calendar, and nothing else is there. */
    static void assertConverged(Harness h, SyncGroup group, int sources) {
        VerifyReport report = h.verify(group);
        assertThat(report.problems()).isEmpty();
        assertThat(report.consistent()).isTrue();
        int blocks = group.calendars().stream().mapToInt(c -> h.blocksOn(c).size()).sum();
        assertThat(blocks).isEqualTo(sources * (group.calendars().size() - 1));
        for (CalendarRef calendar : group.calendars()) {
            List<String> ids = h.blocksOn(calendar).stream().map(b -> b.get("id").asText()).toList();
            assertThat(ids).doesNotHaveDuplicates();
        }
    }
}
