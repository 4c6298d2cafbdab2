package dev.calsync.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.group.ManualEditPolicy;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.sync.VerifyReport;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Blocks deleted or moved by hand, blocks whose source vanished, and duplicates left by older versions. */
class HandEditsAndCleanupTest {

    static List<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBlockDeletedByHandIsRestoredByTheNextPassAndByAFullSync(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("alice", Harness.WORK, Harness.HOME);
            h.create(Harness.WORK, "a", 1, 9, 30);
            h.sync(group);
            String block = h.blocksOn(Harness.HOME).get(0).get("id").asText();

            h.delete(Harness.HOME, block);
            assertThat(h.verify(group).count(VerifyReport.Kind.MISSING)).isEqualTo(1);
            assertThat(h.sync(group).handEdits()).isEqualTo(1);
            assertThat(h.blocksOn(Harness.HOME)).extracting(b -> b.get("id").asText()).containsExactly(block);

            h.delete(Harness.HOME, block);
            h.fullSync(group);
            assertThat(h.blocksOn(Harness.HOME)).extracting(b -> b.get("id").asText()).containsExactly(block);
            assertThat(h.verify(group).consistent()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void underTheRespectPolicyAMovedBlockStaysUntilItsSourceChanges(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("alice", ManualEditPolicy.RESPECT, Harness.WORK, Harness.HOME);
            String source = h.create(Harness.WORK, "a", 1, 9, 30);
            h.sync(group);
            String block = h.blocksOn(Harness.HOME).get(0).get("id").asText();

            h.move(Harness.HOME, block, 1, 11, 30);
            assertThat(h.sync(group).handEdits()).isEqualTo(1);
            h.sync(group);
            h.fullSync(group);
            assertThat(h.blocksOn(Harness.HOME).get(0).path("start").path("dateTime").asText()).contains("T11:00");
            assertThat(h.verify(group).consistent()).isTrue();

            h.move(Harness.WORK, source, 2, 15, 30);
            h.sync(group);
            assertThat(h.blocksOn(Harness.HOME).get(0).path("start").path("dateTime").asText()).contains("T15:00");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void orphansAndDuplicatesAreReportedByVerifyAndRemovedByAFullReconcile(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("alice", Harness.WORK, Harness.HOME);
            String source = h.create(Harness.WORK, "a", 1, 9, 30);
            h.sync(group);
            ObjectNode kept = h.blocksOn(Harness.HOME).get(0);

            // An older version's duplicate of the same block, and a block whose source no longer exists.
            ObjectNode duplicate = kept.deepCopy();
            duplicate.remove("id");
            duplicate.remove("etag");
            duplicate.remove("iCalUID");
            h.emulator.userInsert(Harness.HOME.calendarId(), duplicate);
            ObjectNode orphan = kept.deepCopy();
            orphan.remove("id");
            orphan.remove("etag");
            orphan.remove("iCalUID");
            ((ObjectNode) orphan.path("extendedProperties").path("private")).put(BlockMarker.SOURCE_EVENT, "vanished");
            h.emulator.userInsert(Harness.HOME.calendarId(), orphan);

            VerifyReport report = h.verify(group);
            assertThat(report.count(VerifyReport.Kind.DUPLICATE)).isEqualTo(1);
            assertThat(report.count(VerifyReport.Kind.ORPHAN)).isEqualTo(1);
            assertThat(report.consistent()).isFalse();

            h.fullSync(group);
            assertThat(h.blocksOn(Harness.HOME)).extracting(b -> b.get("id").asText())
                    .containsExactly(kept.get("id").asText());
            assertThat(h.verify(group).consistent()).isTrue();
            assertThat(h.emulator.userGet(Harness.WORK.calendarId(), source).path("status").asText()).isEqualTo("confirmed");
        }
    }
}
