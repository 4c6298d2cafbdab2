package dev.calsync.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.sync.LeftOverBlocks;
import dev.calsync.core.sync.RetiredBlockRemoval;
import dev.calsync.core.sync.Verifier;
import dev.calsync.core.sync.VerifyReport;
import dev.calsync.emulator.CallKind;
import dev.calsync.emulator.FaultScope;
import dev.calsync.emulator.FaultType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Blocks no configured group wants: those of a group taken out of the configuration, those on a calendar taken out
 * of a group, blocks of ours whose group tag is missing or unknown; and blocks of another installation, which are
 * never touched.
 */
class RetiredAndForeignBlocksTest {

    static List<TestDatabase> databases() {
        return TestDatabase.all();
    }

    private static RetiredBlockRemoval removal(Harness h) {
        return new RetiredBlockRemoval(h.provider, h.store, Clock.systemUTC(), "remover", Duration.ofSeconds(30));
    }

    private static Optional<VerifyReport> retiredReport(Harness h, SyncGroup group) {
        return Verifier.retired(h.store).stream().filter(r -> r.groupId().equals(group.id())).findFirst();
    }

    private static long blocksOf(Harness h, CalendarRef calendar, SyncGroup group) {
        return h.blocksOn(calendar).stream()
                .filter(b -> group.id().equals(b.path("extendedProperties").path("private").path("csg").asText()))
                .count();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRetiredGroupsBlocksAreReportedRemovedAndAGroupAddedBackContinues(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup kept = h.group("alice", Harness.WORK, Harness.HOME);
            SyncGroup second = h.group("second", Harness.TEAM, Harness.BOB_WORK);
            h.create(Harness.WORK, "a", 1, 9, 30);
            h.create(Harness.TEAM, "b", 2, 10, 60);
            h.create(Harness.BOB_WORK, "c", 3, 11, 60);
            h.sync(kept);
            h.sync(second);
            assertThat(blocksOf(h, Harness.TEAM, second) + blocksOf(h, Harness.BOB_WORK, second)).isEqualTo(2);

            h.store.retireGroup(second.id());

            VerifyReport report = retiredReport(h, second).orElseThrow();
            assertThat(report.retired()).isTrue();
            assertThat(report.consistent()).isFalse();
            assertThat(report.problems()).extracting(VerifyReport.Problem::kind).containsOnly(VerifyReport.Kind.ORPHAN);
            assertThat(report.problems()).extracting(VerifyReport.Problem::target)
                    .containsExactlyInAnyOrder(Harness.TEAM.key(), Harness.BOB_WORK.key());
            assertThat(LeftOverBlocks.in(h.store, List.of(kept))).filteredOn(l -> l.groupId().equals(second.id()))
                    .extracting(LeftOverBlocks::groupRetired).containsOnly(true);

            RetiredBlockRemoval.Result removed = removal(h).run();
            assertThat(removed.deleted()).isGreaterThanOrEqualTo(2);
            assertThat(retiredReport(h, second)).isEmpty();
            assertThat(blocksOf(h, Harness.TEAM, second) + blocksOf(h, Harness.BOB_WORK, second)).isZero();
            assertThat(h.ownEventsOn(Harness.TEAM)).hasSize(1);
            assertThat(h.verify(kept).consistent()).isTrue();
            assertThat(h.sync(kept).writes()).isZero();

            // Added back with the same id: it simply continues (a full first read, then quiet polls).
            h.store.saveGroup(second);
            h.sync(second);
            assertThat(h.verify(second).consistent()).isTrue();
            assertThat(h.sync(second).writes()).isZero();
            assertThat(blocksOf(h, Harness.TEAM, second) + blocksOf(h, Harness.BOB_WORK, second)).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aGroupReAddedBeforeCleanupKeepsItsBlocksWithoutDuplicates(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("alice", Harness.WORK, Harness.HOME);
            h.create(Harness.WORK, "a", 1, 9, 30);
            h.create(Harness.HOME, "b", 2, 9, 30);
            h.sync(group);
            List<String> before = h.blocksOn(Harness.HOME).stream().map(b -> b.get("id").asText()).toList();

            h.store.retireGroup(group.id());
            h.store.saveGroup(group);
            var report = h.sync(group);

            assertThat(report.inserted()).isZero();
            assertThat(h.blocksOn(Harness.HOME)).extracting(b -> b.get("id").asText()).isEqualTo(before);
            assertThat(h.blocksOn(Harness.WORK)).hasSize(1);
            assertThat(h.verify(group).consistent()).isTrue();
            assertThat(h.sync(group).writes()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCalendarTakenOutOfAGroupLeavesOrphansThatVerifyNamesAndTheNextPassRemoves(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("alice", Harness.WORK, Harness.HOME, Harness.TEAM);
            h.create(Harness.WORK, "a", 1, 9, 30);
            h.create(Harness.TEAM, "b", 2, 9, 30);
            h.sync(group);
            assertThat(h.blocksOn(Harness.TEAM)).hasSize(1);

            SyncGroup smaller = h.group("alice", Harness.WORK, Harness.HOME);
            VerifyReport report = h.verify(smaller);
            assertThat(report.consistent()).isFalse();
            // The block on the calendar that left (known from the store), and the blocks of its event on the others.
            assertThat(report.problems()).filteredOn(p -> p.kind() == VerifyReport.Kind.ORPHAN)
                    .extracting(VerifyReport.Problem::target)
                    .containsExactlyInAnyOrder(Harness.TEAM.key(), Harness.WORK.key(), Harness.HOME.key());

            h.sync(smaller);
            assertThat(h.blocksOn(Harness.TEAM)).isEmpty();
            assertThat(h.blocksOn(Harness.WORK)).isEmpty();
            assertThat(h.blocksOn(Harness.HOME)).hasSize(1);
            assertThat(h.verify(smaller).consistent()).isTrue();
            assertThat(LeftOverBlocks.in(h.store, List.of(smaller))).filteredOn(l -> l.groupId().equals(smaller.id()))
                    .isEmpty();
            assertThat(h.sync(smaller).writes()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRemovalThatFailsHalfWayResumesWhereItStopped(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("retiring", Harness.WORK, Harness.HOME, Harness.TEAM);
            h.create(Harness.WORK, "a", 1, 9, 30);
            h.create(Harness.WORK, "b", 2, 9, 30);
            h.sync(group);
            assertThat(h.blocksOn(Harness.HOME)).hasSize(2);
            assertThat(h.blocksOn(Harness.TEAM)).hasSize(2);
            h.store.retireGroup(group.id());

            h.emulator.faults().failNext(1000, FaultType.SERVICE_UNAVAILABLE,
                    new FaultScope(null, Harness.TEAM.calendarId(), CallKind.DELETE));
            RetiredBlockRemoval.Result first = removal(h).run();

            assertThat(first.complete()).isFalse();
            // (On a database shared with other tests, their left-overs may be named too.)
            assertThat(first.unreachable()).containsKey(Harness.TEAM.key())
                    .doesNotContainKeys(Harness.HOME.key(), Harness.WORK.key());
            assertThat(h.blocksOn(Harness.HOME)).isEmpty();
            assertThat(h.blocksOn(Harness.TEAM)).hasSize(2);
            assertThat(retiredReport(h, group).orElseThrow().problems()).extracting(VerifyReport.Problem::target)
                    .containsOnly(Harness.TEAM.key());

            h.emulator.faults().reset();
            RetiredBlockRemoval.Result second = removal(h).run();
            assertThat(second.unreachable()).doesNotContainKeys(Harness.TEAM.key(), Harness.HOME.key());
            assertThat(second.deleted()).isGreaterThanOrEqualTo(2);
            assertThat(h.blocksOn(Harness.TEAM)).isEmpty();
            assertThat(retiredReport(h, group)).isEmpty();
            assertThat(h.ownEventsOn(Harness.WORK)).hasSize(2);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void blocksOfOursWithoutAGroupTagOrWithAnUnknownOneAreFoundAndRemoved(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("alice", Harness.WORK, Harness.HOME);
            h.create(Harness.WORK, "a", 1, 9, 30);
            h.sync(group);
            ObjectNode block = h.blocksOn(Harness.HOME).get(0);
            insertCopy(h, Harness.HOME, block, 2, copy -> copy.remove(BlockMarker.GROUP));
            insertCopy(h, Harness.HOME, block, 3, copy -> copy.put(BlockMarker.GROUP, "a-group-long-gone"));
            // An older version's block: no installation id and no group tag.
            insertCopy(h, Harness.WORK, block, 4, copy -> {
                copy.remove(BlockMarker.GROUP);
                copy.remove(BlockMarker.INSTALLATION);
            });

            VerifyReport report = h.verify(group);
            assertThat(report.count(VerifyReport.Kind.ORPHAN)).isEqualTo(3);
            assertThat(report.foreign()).isZero();

            h.fullSync(group);
            assertThat(h.blocksOn(Harness.HOME)).extracting(b -> b.get("id").asText())
                    .containsExactly(block.get("id").asText());
            assertThat(h.blocksOn(Harness.WORK)).isEmpty();
            assertThat(h.verify(group).consistent()).isTrue();
            assertThat(h.sync(group).writes()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anotherInstallationsBlocksAreNeverTouchedAndCountedForeign(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("alice", Harness.WORK, Harness.HOME);
            String source = h.create(Harness.WORK, "a", 1, 9, 30);
            h.sync(group);
            ObjectNode block = h.blocksOn(Harness.HOME).get(0);
            assertThat(block.path("extendedProperties").path("private").path(BlockMarker.INSTALLATION).asText())
                    .isEqualTo(h.store.installationId());
            // Another installation on the same shared calendar, even with a group of the same name.
            String sameName = insertCopy(h, Harness.HOME, block, 2, copy -> copy.put(BlockMarker.INSTALLATION, "other"));
            String otherGroup = insertCopy(h, Harness.HOME, block, 3, copy -> copy
                    .put(BlockMarker.INSTALLATION, "other").put(BlockMarker.GROUP, "their-group"));

            VerifyReport report = h.verify(group);
            assertThat(report.consistent()).as(report.problems().toString()).isTrue();
            assertThat(report.foreign()).isEqualTo(2);

            h.fullSync(group);
            h.delete(Harness.WORK, source);
            h.sync(group);
            h.fullSync(group);

            assertThat(h.blocksOn(Harness.HOME)).extracting(b -> b.get("id").asText())
                    .containsExactlyInAnyOrder(sameName, otherGroup);
            assertThat(h.verify(group).foreign()).isEqualTo(2);
            assertThat(h.verify(group).consistent()).isTrue();
            assertThat(removal(h).run().unreachable()).doesNotContainKey(Harness.HOME.key());
            assertThat(h.blocksOn(Harness.HOME)).hasSize(2);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void blocksWithoutAnInstallationIdAreOurs(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("alice", Harness.WORK, Harness.HOME);
            String source = h.create(Harness.WORK, "a", 1, 9, 30);
            h.sync(group);
            // The block as an older version wrote it: no installation id.
            ObjectNode block = h.blocksOn(Harness.HOME).get(0).deepCopy();
            ((ObjectNode) block.path("extendedProperties").path("private")).remove(BlockMarker.INSTALLATION);
            h.emulator.userUpdate(Harness.HOME.calendarId(), block.get("id").asText(), block);

            VerifyReport report = h.verify(group);
            assertThat(report.consistent()).isTrue();
            assertThat(report.foreign()).isZero();
            h.fullSync(group);
            assertThat(h.blocksOn(Harness.HOME)).hasSize(1);

            h.delete(Harness.WORK, source);
            h.sync(group);
            assertThat(h.blocksOn(Harness.HOME)).isEmpty();
            assertThat(h.verify(group).consistent()).isTrue();
        }
    }

    /** A copy of {@code block} on {@code calendar}, {@code days} later, its marker changed by {@code marker}. */
    private static String insertCopy(Harness h, CalendarRef calendar, ObjectNode block, int days,
                                     java.util.function.Consumer<ObjectNode> marker) {
        ObjectNode copy = block.deepCopy();
        copy.remove("id");
        copy.remove("etag");
        copy.remove("iCalUID");
        copy.set("start", Harness.dateTime(h.at(days, 14)));
        copy.set("end", Harness.dateTime(h.at(days, 15)));
        ObjectNode properties = (ObjectNode) copy.path("extendedProperties").path("private");
        properties.put(BlockMarker.SOURCE_EVENT, "elsewhere-" + days);
        marker.accept(properties);
        return h.emulator.userInsert(calendar.calendarId(), copy).get("id").asText();
    }
}
