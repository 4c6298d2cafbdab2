package dev.calsync.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.group.ManualEditPolicy;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.SyncMode;
import dev.calsync.core.group.Window;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.integration.simulation.SimClock;
import dev.calsync.recurrence.LibRecurRecurrences;
import dev.calsync.store.JdbcSyncStore;
import dev.calsync.store.StatementCountingDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 17, item 1: a poll that reads no change over a group whose projection is still valid costs at most four
 * statements (lease, states, tokens, release), whatever the group's size; once the clock passes the validity an
 * event that crossed a window edge is projected, and a changed group is projected again at once.
 */
class IdlePassTest {

    static List<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anIdlePollCostsAtMostFourStatementsWhateverTheGroupsSize(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            Rig rig = new Rig(h);
            SyncGroup group = h.group("idle", Harness.WORK, Harness.HOME);
            for (int i = 0; i < 40; i++) {
                h.create(i % 2 == 0 ? Harness.WORK : Harness.HOME, "Event " + i, 1 + i % 20, 8 + i % 9, 30);
            }
            rig.settle(group);

            long before = rig.counting.statements();
            GroupReport idle = rig.poll(group);
            long idleStatements = rig.counting.statements() - before;

            assertThat(idle.outcome()).isEqualTo(GroupReport.Outcome.SYNCED);
            assertThat(idle.inserted() + idle.updated() + idle.deleted()).isZero();
            assertThat(idleStatements).isBetween(1L, 4L);
            assertThat(h.verify(group).consistent()).isTrue();

            // A person's change is not idle: it is read, projected and written as before.
            h.create(Harness.WORK, "Late addition", 3, 15, 30);
            assertThat(rig.poll(group).inserted()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anEventThatCrossesTheWindowsEdgeIsProjectedOnceTheClockPassesTheValidity(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            Rig rig = new Rig(h);
            SyncGroup group = h.group("edge", new Window(30, 90), Harness.WORK, Harness.HOME);
            h.create(Harness.WORK, "Near", 2, 9, 30);
            h.create(Harness.WORK, "Beyond the window", 92, 9, 30); // enters the window in ~2 days
            rig.settle(group);
            assertThat(h.blocksOn(Harness.HOME)).hasSize(1);

            long before = rig.counting.statements();
            assertThat(rig.poll(group).inserted()).isZero();
            assertThat(rig.counting.statements() - before).isLessThanOrEqualTo(4);

            rig.clock.advance(Duration.ofDays(3)); // no read shows a change, but the window has moved
            GroupReport moved = rig.poll(group);
            assertThat(moved.inserted()).isEqualTo(1);
            assertThat(h.blocksOn(Harness.HOME)).hasSize(2);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aChangedGroupIsProjectedAgainAtOnce(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            Rig rig = new Rig(h);
            SyncGroup group = h.group("changed", new Window(30, 90), Harness.WORK, Harness.HOME);
            h.create(Harness.WORK, "Near", 2, 9, 30);
            h.create(Harness.WORK, "Far", 120, 9, 30);
            rig.settle(group);
            assertThat(h.blocksOn(Harness.HOME)).hasSize(1);

            SyncGroup wider = new SyncGroup(group.id(), group.owner(), group.busyTitle(), new Window(30, 180),
                    SyncMode.INCREMENTAL, ManualEditPolicy.RESTORE, group.calendars());
            h.store.saveGroup(wider);
            assertThat(rig.poll(wider).inserted()).isEqualTo(1);
            assertThat(h.blocksOn(Harness.HOME)).hasSize(2);
        }
    }

    /** An engine over a statement-counting store, on a clock the test moves. */
    private static final class Rig {
        final SimClock clock = new SimClock(Instant.now());
        final StatementCountingDataSource counting;
        final SyncEngine engine;

        Rig(Harness h) {
            counting = new StatementCountingDataSource(h.dataSource);
            engine = new SyncEngine(h.provider, new JdbcSyncStore(counting), new LibRecurRecurrences(), clock,
                    "idle-test", Duration.ofSeconds(30));
        }

        GroupReport poll(SyncGroup group) {
            return engine.sync(group, SyncRequest.poll());
        }

        /** Polls until a pass writes nothing (the first writes the blocks, the next reads their echoes). */
        void settle(SyncGroup group) {
            for (int pass = 0; pass < 5; pass++) {
                GroupReport report = poll(group);
                if (report.inserted() + report.updated() + report.deleted() == 0 && pass > 0) {
                    return;
                }
            }
        }
    }
}
