package dev.calsync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.block.KnownBlock;
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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine on its own, on a provider that assigns its own ids and keeps overrides inside their series (the
 * in-memory test kit): nothing here may lean on Google's ids, instance names or 409s.
 */
class SyncEngineTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final CalendarRef WORK = new CalendarRef("work", "primary");
    private static final CalendarRef HOME = new CalendarRef("home", "personal");
    private static final CalendarRef CLIENT = new CalendarRef("client", "shared");
    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

    private final InMemoryCalendarProvider provider = new InMemoryCalendarProvider(new WeeklyRecurrences());
    private final InMemorySyncStore store = new InMemorySyncStore();
    private final SyncGroup group = new SyncGroup("alice", "alice", "Busy", new Window(7, 30), null, null,
            List.of(WORK, HOME, CLIENT));
    private final SyncEngine engine = new SyncEngine(provider, store, new WeeklyRecurrences(),
            Clock.fixed(NOW, ZoneOffset.UTC), "test", Duration.ofMinutes(1));

    SyncEngineTest() {
        List.of(WORK, HOME, CLIENT).forEach(c -> provider.addCalendar(c, c.key()));
        store.saveGroup(group);
    }

    @Test
    void aBusyEventGetsOneBlockOnEveryOtherCalendarUnderTheProvidersOwnIds() {
        provider.personWrites(WORK, SourceEvent.timed("standup", MONDAY, MONDAY.plus(Duration.ofMinutes(30))));

        GroupReport report = engine.sync(group, SyncRequest.poll());

        assertThat(report.outcome()).isEqualTo(GroupReport.Outcome.SYNCED);
        assertThat(report.inserted()).isEqualTo(2);
        assertThat(blocksOn(HOME)).hasSize(1);
        assertThat(blocksOn(CLIENT)).hasSize(1);
        assertThat(blocksOn(WORK)).isEmpty();
        assertThat(store.blocks(group.id())).allSatisfy(row -> {
            assertThat(row.providerId()).startsWith("mem").isNotEqualTo(row.blockId());
            assertThat(row.etag()).isNotNull();
        });
    }

    @Test
    void aPassAfterTheFirstWritesNothingAndOurOwnEchoesCostNothing() {
        provider.personWrites(WORK, SourceEvent.timed("standup", MONDAY, MONDAY.plus(Duration.ofMinutes(30))));
        engine.sync(group, SyncRequest.poll());
        int writes = provider.writes();

        GroupReport echo = engine.sync(group, SyncRequest.poll());
        GroupReport idle = engine.sync(group, SyncRequest.poll());

        assertThat(echo.writes()).isZero();
        assertThat(echo.handEdits()).isZero();
        assertThat(idle.writes()).isZero();
        assertThat(provider.writes()).isEqualTo(writes);
    }

    @Test
    void aMovedSourceMovesItsBlocksInPlaceAndADeletedOneTakesThemAway() {
        provider.personWrites(WORK, SourceEvent.timed("standup", MONDAY, MONDAY.plus(Duration.ofMinutes(30))));
        engine.sync(group, SyncRequest.poll());
        List<String> idsBefore = blocksOn(HOME).stream().map(SourceEvent::id).toList();

        Instant later = MONDAY.plus(Duration.ofHours(2));
        provider.personWrites(WORK, SourceEvent.timed("standup", later, later.plus(Duration.ofMinutes(30))));
        GroupReport moved = engine.sync(group, SyncRequest.poll());

        assertThat(moved.updated()).isEqualTo(2);
        assertThat(blocksOn(HOME)).extracting(SourceEvent::id).isEqualTo(idsBefore);
        assertThat(blocksOn(HOME).get(0).start().instant()).isEqualTo(later);

        provider.personDeletes(WORK, "standup");
        GroupReport deleted = engine.sync(group, SyncRequest.poll());

        assertThat(deleted.deleted()).isEqualTo(2);
        assertThat(blocksOn(HOME)).isEmpty();
        assertThat(blocksOn(CLIENT)).isEmpty();
        assertThat(store.blocks(group.id())).isEmpty();
    }

    @Test
    void aBlockDeletedByHandIsPutBackFromItsProviderIdAlone() {
        provider.personWrites(WORK, SourceEvent.timed("standup", MONDAY, MONDAY.plus(Duration.ofMinutes(30))));
        engine.sync(group, SyncRequest.poll());
        String onHome = blocksOn(HOME).get(0).id();

        provider.personDeletes(HOME, onHome); // the change feed reports only the provider's id, cancelled
        GroupReport report = engine.sync(group, SyncRequest.poll());

        assertThat(report.handEdits()).isEqualTo(1);
        assertThat(blocksOn(HOME)).extracting(SourceEvent::id).containsExactly(onHome);
    }

    @Test
    void aRefusedTokenFallsBackToAFullReadWithoutDuplicates() {
        provider.personWrites(WORK, SourceEvent.timed("standup", MONDAY, MONDAY.plus(Duration.ofMinutes(30))));
        engine.sync(group, SyncRequest.poll());
        List.of(WORK, HOME, CLIENT).forEach(provider::expireTokens);
        provider.personWrites(HOME, SourceEvent.timed("dentist", MONDAY.plus(Duration.ofDays(1)),
                MONDAY.plus(Duration.ofDays(1)).plus(Duration.ofHours(1))));

        GroupReport report = engine.sync(group, SyncRequest.poll());

        assertThat(report.calendars()).extracting(CalendarReport::read).containsOnly("full");
        assertThat(report.inserted()).isEqualTo(2);
        assertThat(blocksOn(HOME)).hasSize(1);
        assertThat(blocksOn(WORK)).hasSize(1);
        assertThat(blocksOn(CLIENT)).hasSize(2);
        assertThat(engine.sync(group, SyncRequest.poll()).writes()).isZero();
    }

    @Test
    void aSeriesIsOneBlockSeriesAndItsMovedAndCancelledOccurrencesAreWrittenThroughIt() {
        SourceEvent weekly = new SourceEvent("weekly", EventStatus.CONFIRMED, EventTime.at(MONDAY, "UTC"),
                EventTime.at(MONDAY.plus(Duration.ofHours(1)), "UTC"), false, null, null,
                List.of("RRULE:FREQ=WEEKLY;COUNT=6"), null, null, "1:1", null, null, null);
        Instant second = MONDAY.plus(Duration.ofDays(7));
        Instant moved = second.plus(Duration.ofHours(3));
        SourceEvent movedOccurrence = new SourceEvent("weekly_2", EventStatus.CONFIRMED, EventTime.at(moved, "UTC"),
                EventTime.at(moved.plus(Duration.ofHours(1)), "UTC"), false, null, null, List.of(), "weekly",
                EventTime.at(second, "UTC"), "1:1", null, null, null);
        SourceEvent cancelledOccurrence = new SourceEvent("weekly_3", EventStatus.CANCELLED, null, null, false, null,
                null, List.of(), "weekly", EventTime.at(MONDAY.plus(Duration.ofDays(14)), "UTC"), null, null, null, null);
        provider.personWrites(WORK, weekly);
        provider.personWrites(WORK, movedOccurrence);
        provider.personWrites(WORK, cancelledOccurrence);

        GroupReport report = engine.sync(group, SyncRequest.poll());

        assertThat(report.inserted()).isEqualTo(2);      // one block series per target
        assertThat(report.updated() + report.deleted()).isEqualTo(4); // an override and a cancellation per target
        List<SourceEvent> home = blocksOn(HOME);
        SourceEvent series = home.stream().filter(SourceEvent::isSeries).findFirst().orElseThrow();
        assertThat(series.recurrence()).containsExactly("RRULE:FREQ=WEEKLY;COUNT=6");
        assertThat(home).filteredOn(e -> series.id().equals(e.recurringEventId()))
                .extracting(e -> e.start().instant()).containsExactly(moved);
        assertThat(store.blocks(group.id())).filteredOn(row -> row.occurrence() != null)
                .extracting(KnownBlock::occurrence).extracting(o -> o.originalStart().instant())
                .containsOnly(second, MONDAY.plus(Duration.ofDays(14)));
        assertThat(engine.sync(group, SyncRequest.poll()).writes()).isZero();
    }

    @Test
    void aFailedWriteKeepsTheTokenSoTheNextPassFinishesTheJob() {
        provider.personWrites(WORK, SourceEvent.timed("standup", MONDAY, MONDAY.plus(Duration.ofMinutes(30))));
        engine.sync(group, SyncRequest.poll());
        provider.personWrites(WORK, SourceEvent.timed("review", MONDAY.plus(Duration.ofDays(2)),
                MONDAY.plus(Duration.ofDays(2)).plus(Duration.ofHours(1))));
        provider.failNextWrite(new ProviderException(ProviderException.Kind.TRANSIENT, 503, "backendError",
                "retries spent"));
        GroupReport failed = engine.sync(group, SyncRequest.poll());

        assertThat(failed.outcome()).isEqualTo(GroupReport.Outcome.PARTIAL);
        GroupReport retried = engine.sync(group, SyncRequest.poll());
        assertThat(retried.outcome()).isEqualTo(GroupReport.Outcome.SYNCED);
        assertThat(blocksOn(HOME)).hasSize(2);
        assertThat(blocksOn(CLIENT)).hasSize(2);
        assertThat(engine.sync(group, SyncRequest.poll()).writes()).isZero();
    }

    @Test
    void aSecondPassIsRefusedWhileTheFirstHoldsTheLease() {
        assertThat(store.tryAcquireLease(group.id(), "someone-else", NOW, Duration.ofMinutes(5))).isTrue();

        GroupReport report = engine.sync(group, SyncRequest.poll());

        assertThat(report.outcome()).isEqualTo(GroupReport.Outcome.LEASE_HELD);
        assertThat(provider.writes()).isZero();
    }

    private List<SourceEvent> blocksOn(CalendarRef calendar) {
        return provider.live(calendar).stream().filter(e -> BlockMarker.isBlock(e.privateProperties())).toList();
    }
}
