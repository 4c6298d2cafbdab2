package dev.calsync.store;

import static dev.calsync.store.Fixtures.CLIENT;
import static dev.calsync.store.Fixtures.HOME;
import static dev.calsync.store.Fixtures.block;
import static dev.calsync.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calsync.core.block.BlockState;
import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.event.EventTime;
import java.time.Instant;
import java.time.LocalDate;
import dev.calsync.store.FailingDataSource.Failure;
import dev.calsync.store.TestDatabases.Db;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BlockStoreTest {

    private static final String DATABASES = "dev.calsync.store.TestDatabases#all";

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void savedBlockReadsBackAndSavingAgainReplacesIt(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");
        KnownBlock pending = block(id, HOME, "cs1", "e1").withState(BlockState.PENDING);

        store.saveBlock(pending);
        assertThat(store.blocks(id)).containsExactly(pending);

        KnownBlock synced = pending.withState(BlockState.SYNCED).withContentHash("h2");
        store.saveBlock(synced);
        assertThat(store.blocks(id)).containsExactly(synced);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void providersOwnIdEtagAndTheOccurrenceValueReadBackBesideTheKey(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");
        OccurrenceRef timed = new OccurrenceRef("csseries", EventTime.at(Instant.parse("2026-10-25T00:30:00Z"), null));
        OccurrenceRef allDay = new OccurrenceRef("csdays", EventTime.on(LocalDate.of(2026, 12, 24)));
        List<KnownBlock> rows = List.of(
                new KnownBlock(id, HOME, "csgraph", "work/primary", "e1", "h1", BlockState.SYNCED,
                        "AAMkAGI2TG93AAA=", "W/\"DwAAABYAAAA\"", null),
                new KnownBlock(id, HOME, timed.key(), "work/primary", "e2", "h2", BlockState.SYNCED, null, null, timed),
                new KnownBlock(id, HOME, allDay.key(), "work/primary", "e3", "h3", BlockState.SYNCED, null, null, allDay));

        store.saveBlocks(rows);

        assertThat(store.blocks(id)).containsExactlyInAnyOrderElementsOf(rows);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void occurrenceRowsWrittenBeforeTheValueWasKeptAreReadFromTheirKey(Db db) throws Exception {
        String id = unique("group");
        try (var connection = db.dataSource().getConnection(); var insert = connection.prepareStatement(
                "INSERT INTO blocks (group_id, target_account, target_calendar, block_id, source_calendar,"
                        + " source_event_id, content_hash, block_state) VALUES (?, ?, ?, ?, 'work/primary', 'e', 'h', 'SYNCED')")) {
            for (String blockId : List.of("csseries", "csseries_20261025T003000Z", "csdays_20261224")) {
                insert.setString(1, id);
                insert.setString(2, HOME.accountId());
                insert.setString(3, HOME.calendarId());
                insert.setString(4, blockId);
                insert.executeUpdate();
            }
        }

        assertThat(new JdbcSyncStore(db.dataSource()).blocks(id)).extracting(KnownBlock::occurrence).containsExactlyInAnyOrder(
                null,
                new OccurrenceRef("csseries", EventTime.at(Instant.parse("2026-10-25T00:30:00Z"), null)),
                new OccurrenceRef("csdays", EventTime.on(LocalDate.of(2026, 12, 24))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void sameBlockIdOnTwoTargetsIsTwoRows(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");

        store.saveBlocks(List.of(block(id, HOME, "cs1", "e1"), block(id, CLIENT, "cs1", "e1")));

        assertThat(store.blocks(id)).containsExactlyInAnyOrder(block(id, HOME, "cs1", "e1"), block(id, CLIENT, "cs1", "e1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void removeBlockDeletesOnlyThatRow(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");
        store.saveBlocks(List.of(block(id, HOME, "cs1", "e1"), block(id, CLIENT, "cs1", "e1"), block(id, HOME, "cs2", "e2")));

        store.removeBlock(id, HOME, "cs1");
        store.removeBlock(id, HOME, "cs-never-existed");

        assertThat(store.blocks(id)).containsExactlyInAnyOrder(block(id, CLIENT, "cs1", "e1"), block(id, HOME, "cs2", "e2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void blocksWithNullDetailsRoundTrip(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");
        KnownBlock listed = new KnownBlock(id, HOME, "cs9", null, null, null, null);

        store.saveBlock(listed);

        assertThat(store.blocks(id)).containsExactly(listed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void replaceBlocksLeavesExactlyTheGivenRows(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");
        store.saveBlocks(List.of(block(id, HOME, "cs1", "e1"), block(id, HOME, "cs2", "e2")));
        List<KnownBlock> converged = List.of(block(id, HOME, "cs2", "e2").withContentHash("new"),
                block(id, CLIENT, "cs3", "e3"));

        store.replaceBlocks(id, converged);

        assertThat(store.blocks(id)).containsExactlyInAnyOrderElementsOf(converged);

        store.replaceBlocks(id, List.of());
        assertThat(store.blocks(id)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void replaceBlocksRefusesRowsOfAnotherGroup(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");
        store.saveBlock(block(id, HOME, "cs1", "e1"));

        assertThatThrownBy(() -> store.replaceBlocks(id, List.of(block(unique("other"), HOME, "cs2", "e2"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.blocks(id)).containsExactly(block(id, HOME, "cs1", "e1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void manyBlocksAreSavedInOneBatchedTransaction(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");
        List<KnownBlock> blocks = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            blocks.add(block(id, HOME, "cs" + i, "e" + i));
        }

        store.saveBlocks(blocks);

        assertThat(store.blocks(id)).hasSize(1200).containsExactlyInAnyOrderElementsOf(blocks);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void aFailingReplaceBlocksKeepsTheOldRows(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");
        store.saveBlocks(List.of(block(id, HOME, "cs1", "e1"), block(id, HOME, "cs2", "e2")));
        // The delete succeeds, the insert of the new rows fails: the delete must be undone.
        JdbcSyncStore failing = new JdbcSyncStore(FailingDataSource.failingOn(db.dataSource(), "INTO blocks",
                Failure.STATEMENT_REJECTED));

        assertThatThrownBy(() -> failing.replaceBlocks(id, List.of(block(id, CLIENT, "cs3", "e3"))))
                .isInstanceOf(StoreException.class);

        assertThat(store.blocks(id)).containsExactlyInAnyOrder(block(id, HOME, "cs1", "e1"), block(id, HOME, "cs2", "e2"));
    }
}
