package dev.calsync.store;

import static dev.calsync.store.Fixtures.HOME;
import static dev.calsync.store.Fixtures.T0;
import static dev.calsync.store.Fixtures.WORK;
import static dev.calsync.store.Fixtures.block;
import static dev.calsync.store.Fixtures.full;
import static dev.calsync.store.Fixtures.group;
import static dev.calsync.store.Fixtures.incremental;
import static dev.calsync.store.Fixtures.timed;
import static dev.calsync.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.store.CalendarSyncState;
import dev.calsync.store.TestDatabases.Db;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Two people's groups share the same calendars (same account and calendar ids) and still see nothing of each other. */
class GroupIsolationTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.calsync.store.TestDatabases#all")
    void eventsBlocksTokensAndLeasesOfOneGroupNeverAppearInAnother(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String a = unique("group-a");
        String b = unique("group-b");
        store.saveGroup(group(a, WORK, HOME));
        store.saveGroup(group(b, WORK, HOME));

        store.commit(a, List.of(full(WORK, "token-a", timed("only-a", 1))));
        store.saveBlock(block(a, HOME, "cs-a", "only-a"));

        assertThat(store.cachedEvents(b, WORK)).isEmpty();
        assertThat(store.syncState(b, WORK)).isEqualTo(CalendarSyncState.NEW);
        assertThat(store.blocks(b)).isEmpty();
        assertThat(store.group(b).orElseThrow().calendars()).containsExactly(WORK, HOME);

        store.commit(b, List.of(full(WORK, "token-b", timed("only-b", 2))));
        store.replaceBlocks(b, List.of(block(b, HOME, "cs-b", "only-b")));
        store.recordFailure(b, WORK, "boom", T0);
        assertThat(store.tryAcquireLease(b, "node-b", T0, Duration.ofMinutes(1))).isTrue();

        assertThat(store.cachedEvents(a, WORK)).containsExactly(timed("only-a", 1));
        assertThat(store.syncState(a, WORK).syncToken()).isEqualTo("token-a");
        assertThat(store.syncState(a, WORK).lastError()).isNull();
        assertThat(store.blocks(a)).containsExactly(block(a, HOME, "cs-a", "only-a"));
        assertThat(store.tryAcquireLease(a, "node-a", T0, Duration.ofMinutes(1))).isTrue();

        store.commit(a, List.of(full(WORK, "token-a2")));
        store.deleteGroup(a);

        assertThat(store.cachedEvents(b, WORK)).containsExactly(timed("only-b", 2));
        assertThat(store.syncState(b, WORK).syncToken()).isEqualTo("token-b");
        assertThat(store.blocks(b)).containsExactly(block(b, HOME, "cs-b", "only-b"));
        assertThat(store.group(b)).isPresent();
        assertThat(store.renewLease(b, "node-b", T0, Duration.ofMinutes(1))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.calsync.store.TestDatabases#all")
    void groupIdsThatArePrefixesOfEachOtherStaySeparate(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String a = unique("g");
        String b = a + "x";
        store.commit(a, List.of(incremental(WORK, "ta", timed("e", 1))));
        store.commit(b, List.of(incremental(WORK, "tb", timed("e", 2))));

        assertThat(store.cachedEvents(a, WORK)).containsExactly(timed("e", 1));
        assertThat(store.cachedEvents(b, WORK)).containsExactly(timed("e", 2));
    }
}
