package dev.calsync.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.SyncRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IsolationAndConcurrencyTest {

    static List<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoUsersGroupsNeverSeeEachOthersEvents(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup alice = h.group("alice", Harness.WORK, Harness.HOME);
            SyncGroup bob = h.group("bob", Harness.BOB_WORK, Harness.BOB_HOME);
            h.create(Harness.WORK, "alice only", 1, 9, 30);
            h.create(Harness.BOB_HOME, "bob only", 1, 10, 30);
            h.sync(alice);
            h.sync(bob);

            assertThat(h.blocksOn(Harness.BOB_WORK)).hasSize(1).allSatisfy(b ->
                    assertThat(b.path("extendedProperties").path("private").path("csg").asText()).isEqualTo(bob.id()));
            assertThat(h.blocksOn(Harness.BOB_HOME)).isEmpty();
            assertThat(h.blocksOn(Harness.HOME)).hasSize(1).allSatisfy(b ->
                    assertThat(b.path("extendedProperties").path("private").path("csg").asText()).isEqualTo(alice.id()));
            assertThat(h.store.blocks(alice.id())).allSatisfy(b ->
                    assertThat(b.target()).isIn(Harness.WORK, Harness.HOME));
            assertThat(h.store.cachedEvents(alice.id(), Harness.BOB_HOME)).isEmpty();
            assertThat(h.store.cachedEvents(bob.id(), Harness.BOB_HOME)).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void fourWorkersRacingOneGroupNeverMakeADuplicate(TestDatabase db) throws Exception {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("alice", Harness.WORK, Harness.TEAM, Harness.HOME);
            for (int i = 0; i < 10; i++) {
                h.create(Harness.WORK, "w" + i, 1 + i, 9, 30);
                h.create(Harness.HOME, "h" + i, 1 + i, 19, 30);
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                for (int round = 0; round < 3; round++) {
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<GroupReport>> reports = new ArrayList<>();
                    for (int w = 0; w < 4; w++) {
                        SyncEngine engine = h.engine("worker-" + round + "-" + w);
                        reports.add(pool.submit(() -> {
                            start.await();
                            return engine.sync(group, SyncRequest.poll());
                        }));
                    }
                    start.countDown();
                    long held = 0;
                    for (Future<GroupReport> report : reports) {
                        if (report.get().outcome() == GroupReport.Outcome.LEASE_HELD) {
                            held++;
                        }
                    }
                    assertThat(held).isLessThanOrEqualTo(3);
                }
            } finally {
                pool.shutdownNow();
            }
            h.sync(group);
            FaultRecoveryTest.assertConverged(h, group, 20);
        }
    }
}
