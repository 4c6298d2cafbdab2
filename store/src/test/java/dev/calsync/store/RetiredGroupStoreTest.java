package dev.calsync.store;

import static dev.calsync.store.Fixtures.CLIENT;
import static dev.calsync.store.Fixtures.HOME;
import static dev.calsync.store.Fixtures.WORK;
import static dev.calsync.store.Fixtures.block;
import static dev.calsync.store.Fixtures.group;
import static dev.calsync.store.Fixtures.incremental;
import static dev.calsync.store.Fixtures.timed;
import static dev.calsync.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.block.KnownBlock;
import dev.calsync.store.TestDatabases.Db;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The installation id, and groups taken out of a configuration file: forgotten, their block rows kept. */
class RetiredGroupStoreTest {

    private static final String DATABASES = "dev.calsync.store.TestDatabases#all";
    private static final Set<String> ACCOUNTS = Set.of(WORK.accountId(), HOME.accountId(), CLIENT.accountId());

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void theInstallationIdIsMadeOnceAndEveryStoreOnTheDatabaseReadsTheSame(Db db) {
        String first = new JdbcSyncStore(db.dataSource()).installationId();
        String second = new JdbcSyncStore(db.dataSource()).installationId();

        assertThat(first).matches("[0-9a-f]{12}").isEqualTo(second);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void aFileGroupMissingFromTheNextFileIsRetiredWithItsBlockRowsKept(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String kept = unique("kept");
        String gone = unique("gone");
        String web = unique("web");
        store.saveGroup(group(web, WORK, CLIENT));
        store.saveFileGroups(List.of(group(kept, WORK, HOME), group(gone, HOME, CLIENT)), ACCOUNTS);
        store.commit(gone, List.of(incremental(HOME, "token-1", timed("e1", 1))));
        store.saveBlock(block(gone, CLIENT, "cs1", "e1"));
        store.saveBlock(block(kept, HOME, "cs2", "e2"));

        List<String> retired = store.saveFileGroups(List.of(group(kept, WORK, HOME)), ACCOUNTS);

        assertThat(retired).contains(gone).doesNotContain(kept, web);
        assertThat(store.group(gone)).isEmpty();
        assertThat(store.group(web)).isPresent();
        assertThat(store.syncState(gone, HOME).syncToken()).isNull();
        assertThat(store.cachedEvents(gone, HOME)).isEmpty();
        assertThat(store.retiredBlocks()).filteredOn(b -> b.groupId().equals(gone)).extracting(KnownBlock::blockId)
                .containsExactly("cs1");
        assertThat(store.retiredBlocks()).noneMatch(b -> b.groupId().equals(kept));

        // A file with none of its accounts leaves it to the file it came from.
        String elsewhere = unique("elsewhere");
        store.saveFileGroups(List.of(group(elsewhere, WORK, HOME)), ACCOUNTS);
        assertThat(store.saveFileGroups(List.of(group(kept, WORK, HOME)), Set.of(WORK.accountId(), "other")))
                .contains(elsewhere);
        store.saveFileGroups(List.of(group(elsewhere, HOME, CLIENT)), ACCOUNTS);
        assertThat(store.saveFileGroups(List.of(group(kept, WORK, HOME)), Set.of("other"))).doesNotContain(elsewhere);
        assertThat(store.group(elsewhere)).isPresent();

        // Back in the file: the same group again, with the rows it kept.
        store.saveFileGroups(List.of(group(kept, WORK, HOME), group(gone, HOME, CLIENT)), ACCOUNTS);
        assertThat(store.retiredBlocks()).noneMatch(b -> b.groupId().equals(gone));
        assertThat(store.blocks(gone)).extracting(KnownBlock::blockId).containsExactly("cs1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void aRetiredGroupsRowsGoOneByOne(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("retiring");
        store.saveGroup(group(id, WORK, HOME));
        store.saveBlocks(List.of(block(id, HOME, "cs1", "e1"), block(id, WORK, "cs2", "e2")));

        store.retireGroup(id);
        store.removeBlock(id, HOME, "cs1");

        assertThat(store.retiredBlocks()).filteredOn(b -> b.groupId().equals(id)).extracting(KnownBlock::blockId)
                .containsExactly("cs2");
    }
}
