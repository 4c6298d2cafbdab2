package dev.calsync.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.recurrence.LibRecurRecurrences;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    /**
     * A server runs every pass on one engine from several scheduler threads. The lease must keep them apart as it
     * keeps processes apart: a second pass over a group whose first pass is still reading is refused, not run
     * alongside (which once let a pass replace the block rows another had just written).
     */
    @ParameterizedTest
    @MethodSource("databases")
    void threadsSharingOneEngineStillTakeTurnsOnAGroup(TestDatabase db) throws Exception {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("alice", Harness.WORK, Harness.HOME);
            h.create(Harness.WORK, "w", 1, 9, 30);
            CountDownLatch reading = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CalendarProvider paused = (CalendarProvider) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {CalendarProvider.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("list") && reading.getCount() > 0) {
                            reading.countDown();
                            release.await();
                        }
                        try {
                            return method.invoke(h.provider, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            SyncEngine shared = new SyncEngine(paused, h.store, new LibRecurRecurrences(), Clock.systemUTC(),
                    "one-engine", Duration.ofSeconds(30));
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<GroupReport> first = pool.submit(() -> shared.sync(group, SyncRequest.poll()));
                assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

                assertThat(shared.sync(group, SyncRequest.poll()).outcome()).isEqualTo(GroupReport.Outcome.LEASE_HELD);

                release.countDown();
                assertThat(first.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(GroupReport.Outcome.SYNCED);
                assertThat(shared.sync(group, SyncRequest.poll()).outcome()).isEqualTo(GroupReport.Outcome.SYNCED);
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
            FaultRecoveryTest.assertConverged(h, group, 1);
        }
    }
}
