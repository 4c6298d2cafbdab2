package dev.calsync.integration.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.sync.CalendarReport;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.emulator.CallKind;
import dev.calsync.emulator.FaultScope;
import dev.calsync.emulator.FaultType;
import dev.calsync.integration.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a calendar's answers look like, the worst outcome is that calendar marked with an error: nothing is
 * deleted because of a broken answer, nothing leaks, the engine does not crash, and other people's groups go on.
 */
class BadProviderAnswersTest {

    static Stream<Arguments> brokenAnswers() {
        return TestDatabase.all().stream().flatMap(db -> Stream.of(
                Arguments.of(db, FaultType.MISSING_FIELDS, true),
                Arguments.of(db, FaultType.TRUNCATED_JSON, true),
                Arguments.of(db, FaultType.INVALID_JSON, true),
                Arguments.of(db, FaultType.HTML_PAGE, true),
                Arguments.of(db, FaultType.HTML_ERROR, true),
                // Surprising but readable: tolerated, without an error and without harm.
                Arguments.of(db, FaultType.UNKNOWN_ENUM_VALUES, false),
                Arguments.of(db, FaultType.HUGE_DESCRIPTIONS, false)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("brokenAnswers")
    void aBrokenAnswerMarksOnlyItsCalendarAndDeletesNothing(TestDatabase db, FaultType fault, boolean unreadable) {
        try (BadAnswersFixture f = new BadAnswersFixture(db)) {
            for (int i = 0; i < 5; i++) {
                f.create(BadAnswersFixture.WORK, 1 + i, 9, false);
                f.create(BadAnswersFixture.HOME, 1 + i, 15, false);
                f.create(BadAnswersFixture.BOB_WORK, 1 + i, 11, false);
            }
            SyncEngine engine = f.engine();
            engine.sync(f.alice, SyncRequest.poll());
            engine.sync(f.bob, SyncRequest.poll());
            assertThat(f.blocksOn(BadAnswersFixture.HOME)).hasSize(5);
            f.create(BadAnswersFixture.BOB_HOME, 7, 8, false);

            // Every list of alice's work calendar answers badly, through the retries, in a poll and in a full reconcile.
            f.emulator.faults().failNext(50, fault,
                    new FaultScope("work", BadAnswersFixture.WORK.calendarId(), CallKind.LIST));
            GroupReport poll = engine.sync(f.alice, SyncRequest.poll());
            f.emulator.faults().expireAllSyncTokens(); // the next read of work is a full list, the dangerous one
            GroupReport full = engine.sync(f.alice, SyncRequest.fullReconcile());
            GroupReport other = engine.sync(f.bob, SyncRequest.poll());

            assertThat(f.blocksOn(BadAnswersFixture.HOME)).as("blocks of alice's work events").hasSize(5);
            assertThat(f.blocksOn(BadAnswersFixture.WORK)).as("blocks of alice's home events").hasSize(5);
            assertThat(f.blocksOn(BadAnswersFixture.HOME)).allSatisfy(b -> {
                assertThat(b.has("description")).isFalse();
                assertThat(b.path("summary").asText()).isEqualTo("Busy");
            });
            for (GroupReport report : List.of(poll, full)) {
                CalendarReport work = report.calendars().stream()
                        .filter(c -> c.calendar().equals(BadAnswersFixture.WORK.key())).findFirst().orElseThrow();
                if (unreadable) {
                    assertThat(report.outcome()).isEqualTo(GroupReport.Outcome.PARTIAL);
                    assertThat(work.error()).isNotBlank().doesNotContain("<html").doesNotContain("private");
                    assertThat(report.deleted()).isZero();
                } else {
                    assertThat(report.deleted()).isZero();
                }
            }
            if (unreadable) {
                assertThat(f.store.syncState(f.alice.id(), BadAnswersFixture.WORK).lastError()).isNotBlank();
            }
            assertThat(other.outcome()).isEqualTo(GroupReport.Outcome.SYNCED);
            assertThat(f.blocksOn(BadAnswersFixture.BOB_WORK)).hasSize(1);

            f.emulator.faults().reset();
            assertThat(engine.sync(f.alice, SyncRequest.poll()).outcome()).isEqualTo(GroupReport.Outcome.SYNCED);
            assertThat(f.blocksOn(BadAnswersFixture.HOME)).hasSize(5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void threeThousandEventsOverFiftyPagesAndABrokenFirstPageDeleteNothing(TestDatabase db) {
        try (BadAnswersFixture f = new BadAnswersFixture(db)) {
            int busy = 0;
            for (int i = 0; i < 3000; i++) {
                boolean free = i % 30 != 0; // 100 busy, 2,900 free: all listed, few written
                f.create(BadAnswersFixture.WORK, 1 + i % 60, 6 + i % 14, free);
                busy += free ? 0 : 1;
            }
            f.emulator.faults().capPageSize(60); // 3,000 events in 50 pages
            SyncEngine engine = f.engine();
            GroupReport first = engine.sync(f.alice, SyncRequest.poll());
            assertThat(first.outcome()).isEqualTo(GroupReport.Outcome.SYNCED);
            assertThat(f.blocksOn(BadAnswersFixture.HOME)).hasSize(busy);
            assertThat(f.emulator.counters().forCalendar(BadAnswersFixture.WORK.calendarId(), CallKind.LIST)).isGreaterThanOrEqualTo(50);

            f.emulator.faults().failNext(50, FaultType.MISSING_FIELDS, new FaultScope("work", null, CallKind.LIST));
            GroupReport broken = engine.sync(f.alice, SyncRequest.fullReconcile());
            assertThat(broken.outcome()).isEqualTo(GroupReport.Outcome.PARTIAL);
            assertThat(broken.deleted()).isZero();
            assertThat(f.blocksOn(BadAnswersFixture.HOME)).hasSize(busy);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRevokedTokenFlagsItsAccountForReconnectAndDeletesNothing(TestDatabase db) {
        try (BadAnswersFixture f = new BadAnswersFixture(db)) {
            f.create(BadAnswersFixture.WORK, 1, 9, false);
            f.create(BadAnswersFixture.HOME, 2, 9, false);
            f.create(BadAnswersFixture.BOB_WORK, 3, 9, false);
            f.engine().sync(f.alice, SyncRequest.poll());

            SyncEngine revoked = f.engine(Map.of("work", "revoked", "home", "t-home", "bob", "t-bob"));
            f.emulator.faults().expireAllSyncTokens();
            GroupReport report = revoked.sync(f.alice, SyncRequest.fullReconcile());
            GroupReport other = revoked.sync(f.bob, SyncRequest.poll());

            assertThat(report.reconnectNeeded()).containsExactly("work");
            assertThat(report.outcome()).isEqualTo(GroupReport.Outcome.PARTIAL);
            assertThat(report.deleted()).isZero();
            assertThat(f.blocksOn(BadAnswersFixture.HOME)).hasSize(1);
            assertThat(f.blocksOn(BadAnswersFixture.WORK)).hasSize(1);
            assertThat(other.outcome()).isEqualTo(GroupReport.Outcome.SYNCED);
            assertThat(other.reconnectNeeded()).isEmpty();
        }
    }

    static List<TestDatabase> databases() {
        return TestDatabase.all();
    }
}
