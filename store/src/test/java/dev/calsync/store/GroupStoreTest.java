package dev.calsync.store;

import static dev.calsync.store.Fixtures.CLIENT;
import static dev.calsync.store.Fixtures.HOME;
import static dev.calsync.store.Fixtures.T0;
import static dev.calsync.store.Fixtures.WORK;
import static dev.calsync.store.Fixtures.block;
import static dev.calsync.store.Fixtures.group;
import static dev.calsync.store.Fixtures.incremental;
import static dev.calsync.store.Fixtures.rows;
import static dev.calsync.store.Fixtures.timed;
import static dev.calsync.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.ManualEditPolicy;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.SyncMode;
import dev.calsync.core.group.Window;
import dev.calsync.core.store.CalendarSyncState;
import dev.calsync.store.TestDatabases.Db;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GroupStoreTest {

    private static final String DATABASES = "dev.calsync.store.TestDatabases#all";

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void savedGroupReadsBackWithAllSettingsAndCalendarsInSavedOrder(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");
        SyncGroup group = new SyncGroup(id, "bob", "Occupied", new Window(7, 60), SyncMode.FULL,
                ManualEditPolicy.RESPECT, List.of(HOME, CLIENT, WORK));

        store.saveGroup(group);

        assertThat(store.group(id)).contains(group);
        assertThat(store.group(id).orElseThrow().calendars()).containsExactly(HOME, CLIENT, WORK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void unknownGroupIsEmpty(Db db) {
        assertThat(new JdbcSyncStore(db.dataSource()).group(unique("missing"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void savingAGroupAgainReplacesItsMembersButKeepsCachedEventsBlocksAndTokens(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");
        store.saveGroup(group(id, WORK, HOME));
        store.commit(id, List.of(incremental(WORK, "token-1", timed("e1", 1))));
        store.saveBlock(block(id, HOME, "cs1", "e1"));

        SyncGroup changed = new SyncGroup(id, "alice", "Away", new Window(1, 14), null, null,
                List.of(CLIENT, HOME, WORK));
        store.saveGroup(changed);

        assertThat(store.group(id)).contains(changed);
        assertThat(store.cachedEvents(id, WORK)).containsExactly(timed("e1", 1));
        assertThat(store.blocks(id)).containsExactly(block(id, HOME, "cs1", "e1"));
        assertThat(store.syncState(id, WORK).syncToken()).isEqualTo("token-1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void groupsAreListedOrderedById(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String prefix = unique("order");
        for (String suffix : List.of("c", "a", "B", "b")) {
            store.saveGroup(group(prefix + "-" + suffix, WORK));
        }

        List<String> ids = store.groups().stream().map(SyncGroup::id).filter(i -> i.startsWith(prefix)).toList();

        assertThat(ids).containsExactly(prefix + "-B", prefix + "-a", prefix + "-b", prefix + "-c");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void groupsOfAnOwnerShowOnlyThatOwnersGroups(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String owner = unique("owner");
        String mine = unique("mine");
        store.saveGroup(new SyncGroup(mine, owner, null, null, null, null, List.of(WORK)));
        store.saveGroup(new SyncGroup(unique("theirs"), unique("other"), null, null, null, null, List.of(WORK)));

        assertThat(store.groupsOf(owner)).extracting(SyncGroup::id).containsExactly(mine);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void pausedFlagIsKeptWhenTheGroupIsSavedAgain(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");
        store.saveGroup(group(id, WORK, HOME));
        assertThat(store.isPaused(id)).isFalse();

        assertThat(store.setPaused(id, true)).isTrue();
        store.saveGroup(group(id, WORK));

        assertThat(store.isPaused(id)).isTrue();
        assertThat(store.setPaused(unique("missing"), true)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void deletingAGroupRemovesItsRowsFromEveryTable(Db db) throws Exception {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");
        String kept = unique("kept");
        for (String g : List.of(id, kept)) {
            store.saveGroup(group(g, WORK, HOME));
            store.commit(g, List.of(incremental(WORK, "t", timed("e1", 1))));
            store.saveBlock(block(g, HOME, "cs1", "e1"));
            store.tryAcquireLease(g, "node-1", T0, Duration.ofMinutes(1));
        }

        store.deleteGroup(id);

        assertThat(store.group(id)).isEmpty();
        assertThat(store.cachedEvents(id, WORK)).isEmpty();
        assertThat(store.blocks(id)).isEmpty();
        assertThat(store.syncState(id, WORK)).isEqualTo(CalendarSyncState.NEW);
        assertThat(rows(db.dataSource(), "sync_groups", "id", id)).isZero();
        for (String table : List.of("group_calendars", "source_events", "blocks", "calendar_sync_state", "group_leases")) {
            assertThat(rows(db.dataSource(), table, "group_id", id)).as(table).isZero();
            assertThat(rows(db.dataSource(), table, "group_id", kept)).as(table).isPositive();
        }
        assertThat(store.group(kept)).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void aGroupWithoutCalendarsRoundTrips(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("empty");
        store.saveGroup(new SyncGroup(id, "alice", null, null, null, null, List.<CalendarRef>of()));

        assertThat(store.group(id).orElseThrow().calendars()).isEmpty();
    }
}
