package dev.calsync.store;

import static dev.calsync.store.Fixtures.T0;
import static dev.calsync.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.store.BlockRowWrites;
import dev.calsync.store.TestDatabases.Db;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LeaseTest {

    private static final String DATABASES = "dev.calsync.store.TestDatabases#all";
    private static final Duration TTL = Duration.ofSeconds(30);

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void aFreeLeaseIsAcquiredAndASecondOwnerIsRefused(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String group = unique("group");

        assertThat(store.tryAcquireLease(group, "node-a", T0, TTL)).isTrue();
        assertThat(store.tryAcquireLease(group, "node-b", T0.plusSeconds(1), TTL)).isFalse();
        assertThat(store.tryAcquireLease(group, "node-b", T0.plusSeconds(30), TTL)).as("at the very end").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void theHolderMayAcquireAgain(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String group = unique("group");
        store.tryAcquireLease(group, "node-a", T0, TTL);

        assertThat(store.tryAcquireLease(group, "node-a", T0.plusSeconds(10), TTL)).isTrue();
        assertThat(store.tryAcquireLease(group, "node-b", T0.plusSeconds(35), TTL)).as("extended to +40 s").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void anExpiredLeaseCanBeTakenByAnotherOwner(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String group = unique("group");
        store.tryAcquireLease(group, "crashed-node", T0, TTL);

        assertThat(store.tryAcquireLease(group, "node-b", T0.plus(TTL).plusMillis(1), TTL)).isTrue();
        assertThat(store.renewLease(group, "crashed-node", T0.plus(TTL).plusMillis(2), TTL)).as("lost").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void renewExtendsTheLeaseOfItsOwnerOnly(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String group = unique("group");
        store.tryAcquireLease(group, "node-a", T0, TTL);

        assertThat(store.renewLease(group, "node-a", T0.plusSeconds(20), TTL)).isTrue();
        assertThat(store.tryAcquireLease(group, "node-b", T0.plusSeconds(45), TTL)).as("renewed to +50 s").isFalse();
        assertThat(store.renewLease(group, "node-b", T0.plusSeconds(45), TTL)).isFalse();
        assertThat(store.renewLease(unique("no-lease"), "node-a", T0, TTL)).isFalse();
        assertThat(store.tryAcquireLease(group, "node-b", T0.plusSeconds(51), TTL)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void releaseFreesTheLeaseAtOnceButOnlyForItsOwner(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String group = unique("group");
        store.tryAcquireLease(group, "node-a", T0, TTL);

        store.releaseLease(group, "node-b");
        assertThat(store.tryAcquireLease(group, "node-b", T0.plusSeconds(1), TTL)).as("not released by b").isFalse();

        store.releaseLease(group, "node-a");
        assertThat(store.tryAcquireLease(group, "node-b", T0.plusSeconds(1), TTL)).isTrue();
        assertThat(store.renewLease(group, "node-a", T0.plusSeconds(2), TTL)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void leasesOfDifferentGroupsAreIndependent(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String a = unique("group");
        String b = unique("group");

        assertThat(store.tryAcquireLease(a, "node-a", T0, TTL)).isTrue();
        assertThat(store.tryAcquireLease(b, "node-b", T0, TTL)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void eightThreadsRacingForANewLeaseAtTheSameInstantLetExactlyOneWin(Db db) throws Exception {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        for (int round = 0; round < 5; round++) {
            String group = unique("race");
            assertThat(race(8, owner -> store.tryAcquireLease(group, owner, T0, TTL))).as("round " + round).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void eightThreadsRacingForAnExpiredLeaseLetExactlyOneWin(Db db) throws Exception {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        for (int round = 0; round < 5; round++) {
            String group = unique("race");
            store.tryAcquireLease(group, "crashed-node", T0, TTL);
            Instant later = T0.plus(TTL).plusSeconds(1);
            assertThat(race(8, owner -> store.tryAcquireLease(group, owner, later, TTL))).as("round " + round).isEqualTo(1);
        }
    }

    interface Attempt {
        boolean run(String owner);
    }

    /** Starts {@code threads} attempts together behind a barrier; returns how many succeeded. */
    private static int race(int threads, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String owner = "node-" + i;
                Callable<Boolean> task = () -> {
                    start.await();
                    return attempt.run(owner);
                };
                results.add(pool.submit(task));
            }
            int wins = 0;
            for (Future<Boolean> result : results) {
                wins += result.get() ? 1 : 0;
            }
            return wins;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The pass commit checks the lease in its own transaction: a holder paused past its lease whose successor
     * took it over writes nothing (not its rows, not its tokens), and the successor's rows stay.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void aPassCommitsOnlyWhileItsOwnerHoldsTheLease(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String group = unique("group");
        store.saveGroup(Fixtures.group(group, Fixtures.WORK, Fixtures.HOME));
        store.tryAcquireLease(group, "pass-1", T0, TTL);
        store.tryAcquireLease(group, "pass-2", T0.plus(TTL).plusSeconds(1), TTL);
        KnownBlock successors = Fixtures.block(group, Fixtures.HOME, "block-b", "event-b");
        assertThat(store.commitPass(group, "pass-2", T0.plus(TTL).plusSeconds(2), TTL,
                new BlockRowWrites(true, List.of(successors), List.of()), List.of(), null)).isTrue();

        KnownBlock stale = Fixtures.block(group, Fixtures.HOME, "block-a", "event-a");
        boolean committed = store.commitPass(group, "pass-1", T0.plus(TTL).plusSeconds(3), TTL,
                new BlockRowWrites(true, List.of(stale), List.of()),
                List.of(Fixtures.full(Fixtures.WORK, "stale-token")), null);

        assertThat(committed).as("the lease was taken over").isFalse();
        assertThat(store.blocks(group)).extracting(KnownBlock::blockId).containsExactly("block-b");
        assertThat(store.syncState(group, Fixtures.WORK).syncToken()).isNull();
        assertThat(store.tryAcquireLease(group, "pass-3", T0.plus(TTL).plusSeconds(4), TTL))
                .as("the successor's commit renewed its lease").isFalse();
    }
}
