package dev.calsync.store;

import static dev.calsync.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.store.LastPasses.LastPass;
import dev.calsync.store.TestDatabases.Db;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LastPassesTest {

    private static final String DATABASES = "dev.calsync.store.TestDatabases#all";
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void everyNodeSeesTheGroupsLatestPassAndTheRowGoesWithTheGroup(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String groupId = unique("g");
        store.saveGroup(Fixtures.group(groupId, new CalendarRef("a", "a@x"), new CalendarRef("b", "b@x")));
        LastPasses nodeA = new LastPasses(db.dataSource());
        LastPasses nodeB = new LastPasses(db.dataSource());
        assertThat(nodeA.find(groupId)).isEmpty();

        LastPass first = new LastPass(groupId, T0, "synced", 2, 0, 1, 120);
        nodeA.record(first);
        assertThat(nodeB.find(groupId)).contains(first);

        LastPass second = new LastPass(groupId, T0.plusSeconds(60), "partial", 0, 1, 0, 45);
        nodeB.record(second);
        assertThat(nodeA.find(groupId)).contains(second);

        nodeA.record(new LastPass(groupId, T0.plusSeconds(30), "synced", 9, 9, 9, 1));
        assertThat(nodeB.find(groupId)).as("a pass that ended earlier, reported late, is kept out").contains(second);

        store.deleteGroup(groupId);
        assertThat(nodeA.find(groupId)).isEmpty();
    }
}
