package dev.calsync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.Window;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.core.reconcile.WeeklyRecurrences;
import dev.calsync.core.testkit.InMemoryCalendarProvider;
import dev.calsync.core.testkit.InMemorySyncStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Blocks no configured group wants, on a provider that assigns its own ids (the in-memory kit): orphans of ours
 * whatever their group tag, another installation's blocks, and the blocks of a group taken out of the
 * configuration, whose removal resumes after a failure.
 */
class BlocksNoGroupWantsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final CalendarRef WORK = new CalendarRef("work", "primary");
    private static final CalendarRef HOME = new CalendarRef("home", "personal");
    private static final CalendarRef SIDE = new CalendarRef("side", "shared");
    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final InMemoryCalendarProvider provider = new InMemoryCalendarProvider(new WeeklyRecurrences());
    private final InMemorySyncStore store = new InMemorySyncStore();
    private final SyncGroup alice = group("alice", WORK, HOME);
    private final SyncGroup side = group("side", HOME, SIDE);
    private final SyncEngine engine = new SyncEngine(provider, store, new WeeklyRecurrences(), CLOCK, "test",
            Duration.ofMinutes(1));

    BlocksNoGroupWantsTest() {
        List.of(WORK, HOME, SIDE).forEach(c -> provider.addCalendar(c, c.key()));
        store.saveGroup(alice);
        store.saveGroup(side);
    }

    private static SyncGroup group(String id, CalendarRef... calendars) {
        return new SyncGroup(id, "alice", "Busy", new Window(7, 30), null, null, List.of(calendars));
    }

    @Test
    void ownershipFollowsTheInstallationIdThenTheConfiguredGroupsOfTheCalendar() {
        BlockOwnership ownership = BlockOwnership.of(store, alice);
        String ours = store.installationId();

        assertThat(ownership.ownerOf(alice, HOME, Map.of())).isEqualTo(BlockOwnership.Owner.NONE);
        assertThat(ownership.ownerOf(alice, HOME, marker("alice", ours))).isEqualTo(BlockOwnership.Owner.THIS_GROUP);
        assertThat(ownership.ownerOf(alice, HOME, marker("alice", null))).isEqualTo(BlockOwnership.Owner.THIS_GROUP);
        assertThat(ownership.ownerOf(alice, HOME, marker("side", ours))).isEqualTo(BlockOwnership.Owner.OTHER_GROUP);
        // side does not have WORK: its block there is nobody's.
        assertThat(ownership.ownerOf(alice, WORK, marker("side", ours))).isEqualTo(BlockOwnership.Owner.ORPHAN);
        assertThat(ownership.ownerOf(alice, HOME, marker("gone", null))).isEqualTo(BlockOwnership.Owner.ORPHAN);
        assertThat(ownership.ownerOf(alice, HOME, marker(null, ours))).isEqualTo(BlockOwnership.Owner.ORPHAN);
        assertThat(ownership.ownerOf(alice, HOME, marker("alice", "someone-else")))
                .isEqualTo(BlockOwnership.Owner.FOREIGN);
    }

    @Test
    void aFullReconcileRemovesOrphansOfOursAndLeavesForeignBlocksAndOtherGroupsAlone() {
        provider.personWrites(WORK, SourceEvent.timed("standup", MONDAY, MONDAY.plus(Duration.ofMinutes(30))));
        provider.personWrites(SIDE, SourceEvent.timed("lunch", MONDAY.plusSeconds(7200), MONDAY.plusSeconds(9000)));
        engine.sync(alice, SyncRequest.poll());
        engine.sync(side, SyncRequest.poll());
        provider.personWrites(HOME, block("untagged", marker(null, null)));
        provider.personWrites(HOME, block("unknown", marker("gone", store.installationId())));
        provider.personWrites(HOME, block("foreign", marker("alice", "someone-else")));

        assertThat(new Verifier(provider, store, new WeeklyRecurrences(), CLOCK).verify(alice))
                .satisfies(r -> assertThat(r.count(VerifyReport.Kind.ORPHAN)).isEqualTo(2))
                .satisfies(r -> assertThat(r.foreign()).isEqualTo(1));
        GroupReport full = engine.sync(alice, SyncRequest.fullReconcile());

        assertThat(full.deleted()).isEqualTo(2);
        assertThat(idsOn(HOME)).contains("foreign").doesNotContain("untagged", "unknown");
        assertThat(groupsOn(HOME)).containsExactlyInAnyOrder("alice", "side", "alice");
        assertThat(engine.sync(side, SyncRequest.fullReconcile()).writes()).isZero();
        VerifyReport clean = new Verifier(provider, store, new WeeklyRecurrences(), CLOCK).verify(alice);
        assertThat(clean.consistent()).as(clean.problems().toString()).isTrue();
        assertThat(clean.foreign()).isEqualTo(1);
    }

    @Test
    void everyBlockWrittenCarriesTheInstallationId() {
        provider.personWrites(WORK, SourceEvent.timed("standup", MONDAY, MONDAY.plus(Duration.ofMinutes(30))));
        engine.sync(alice, SyncRequest.poll());

        assertThat(blocksOn(HOME)).extracting(e -> e.privateProperties().get(BlockMarker.INSTALLATION))
                .containsExactly(store.installationId());
    }

    @Test
    void aRetiredGroupsBlocksGoAndARemovalStoppedByAFailureResumes() {
        provider.personWrites(HOME, SourceEvent.timed("dentist", MONDAY, MONDAY.plus(Duration.ofMinutes(30))));
        provider.personWrites(SIDE, SourceEvent.timed("lunch", MONDAY.plusSeconds(7200), MONDAY.plusSeconds(9000)));
        engine.sync(side, SyncRequest.poll());
        store.retireGroup(side.id());
        RetiredBlockRemoval removal = new RetiredBlockRemoval(provider, store, CLOCK, "remover", Duration.ofMinutes(1));

        provider.failNextWrite(new ProviderException(ProviderException.Kind.TRANSIENT, 503, "backendError", "down"));
        RetiredBlockRemoval.Result first = removal.run();
        assertThat(first.complete()).isFalse();
        assertThat(first.deleted()).isEqualTo(1);
        assertThat(first.unreachable()).hasSize(1);

        RetiredBlockRemoval.Result second = removal.run();
        assertThat(second.complete()).isTrue();
        assertThat(second.deleted()).isEqualTo(1);
        assertThat(blocksOn(HOME)).isEmpty();
        assertThat(blocksOn(SIDE)).isEmpty();
        assertThat(Verifier.retired(store)).isEmpty();
    }

    private static Map<String, String> marker(String group, String installation) {
        Map<String, String> marker = new HashMap<>(Map.of(BlockMarker.FLAG, "1", BlockMarker.SOURCE_CALENDAR,
                "somewhere", BlockMarker.SOURCE_EVENT, "something"));
        if (group != null) {
            marker.put(BlockMarker.GROUP, group);
        }
        if (installation != null) {
            marker.put(BlockMarker.INSTALLATION, installation);
        }
        return marker;
    }

    private static SourceEvent block(String id, Map<String, String> marker) {
        Instant start = MONDAY.plus(Duration.ofDays(1));
        return new SourceEvent(id, EventStatus.CONFIRMED, EventTime.at(start, "UTC"),
                EventTime.at(start.plusSeconds(1800), "UTC"), false, null, null, List.of(), null, null, "Busy", marker,
                null, null);
    }

    private List<SourceEvent> blocksOn(CalendarRef calendar) {
        return provider.live(calendar).stream().filter(e -> BlockMarker.isBlock(e.privateProperties())).toList();
    }

    private Set<String> idsOn(CalendarRef calendar) {
        return Set.copyOf(blocksOn(calendar).stream().map(SourceEvent::id).toList());
    }

    private List<String> groupsOn(CalendarRef calendar) {
        return blocksOn(calendar).stream().map(e -> e.privateProperties().getOrDefault(BlockMarker.GROUP, "-"))
                .toList();
    }
}
