package dev.calsync.store;

import static dev.calsync.store.Fixtures.HOME;
import static dev.calsync.store.Fixtures.T0;
import static dev.calsync.store.Fixtures.WORK;
import static dev.calsync.store.Fixtures.allDay;
import static dev.calsync.store.Fixtures.exception;
import static dev.calsync.store.Fixtures.full;
import static dev.calsync.store.Fixtures.group;
import static dev.calsync.store.Fixtures.incremental;
import static dev.calsync.store.Fixtures.series;
import static dev.calsync.store.Fixtures.timed;
import static dev.calsync.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.store.CalendarCommit;
import dev.calsync.core.store.CalendarSyncState;
import dev.calsync.store.FailingDataSource.Failure;
import dev.calsync.store.TestDatabases.Db;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommitTest {

    private static final String DATABASES = "dev.calsync.store.TestDatabases#all";

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void syncStateIsNewWhenNothingIsStored(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());

        assertThat(store.syncState(unique("group"), WORK)).isSameAs(CalendarSyncState.NEW);
        assertThat(store.cachedEvents(unique("group"), WORK)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void commitStoresEventsAndStateOfEveryCalendar(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");
        CalendarCommit work = full(WORK, "work-1", timed("w1", 1), series("w2"), allDay("w3", LocalDate.of(2025, 3, 12)));
        CalendarCommit home = incremental(HOME, "home-1", timed("h1", 2));

        store.commit(id, List.of(work, home));

        assertThat(store.cachedEvents(id, WORK)).containsExactlyInAnyOrderElementsOf(work.events());
        assertThat(store.cachedEvents(id, HOME)).containsExactly(timed("h1", 2));
        assertThat(store.syncState(id, WORK)).isEqualTo(work.state());
        assertThat(store.syncState(id, HOME)).isEqualTo(home.state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void incrementalCommitUpdatesChangedEventsAndKeepsTheOthers(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");
        store.commit(id, List.of(full(WORK, "t1", timed("a", 1), timed("b", 2))));

        store.commit(id, List.of(incremental(WORK, "t2", timed("b", 5), timed("c", 3))));

        assertThat(store.cachedEvents(id, WORK)).containsExactlyInAnyOrder(timed("a", 1), timed("b", 5), timed("c", 3));
        assertThat(store.syncState(id, WORK).syncToken()).isEqualTo("t2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void replaceAllCommitLeavesExactlyTheGivenEventsOfThatCalendar(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");
        store.commit(id, List.of(full(WORK, "t1", timed("a", 1), timed("b", 2)), full(HOME, "h1", timed("h", 1))));

        store.commit(id, List.of(full(WORK, "t2", timed("b", 4), timed("c", 3))));

        assertThat(store.cachedEvents(id, WORK)).containsExactlyInAnyOrder(timed("b", 4), timed("c", 3));
        assertThat(store.cachedEvents(id, HOME)).containsExactly(timed("h", 1));
        assertThat(store.syncState(id, HOME).syncToken()).isEqualTo("h1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void replaceAllWithNoEventsEmptiesTheCalendarsCache(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");
        store.commit(id, List.of(full(WORK, "t1", timed("a", 1))));

        store.commit(id, List.of(full(WORK, "t2")));

        assertThat(store.cachedEvents(id, WORK)).isEmpty();
        assertThat(store.syncState(id, WORK).syncToken()).isEqualTo("t2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void cancelledEventsStayInTheCache(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");
        store.commit(id, List.of(full(WORK, "t1", timed("a", 1))));

        store.commit(id, List.of(incremental(WORK, "t2", SourceEvent.cancelled("a"),
                timed("b", 2).withStatus(EventStatus.CANCELLED))));

        assertThat(store.cachedEvents(id, WORK)).containsExactlyInAnyOrder(SourceEvent.cancelled("a"),
                timed("b", 2).withStatus(EventStatus.CANCELLED));
        assertThat(store.cachedEvents(id, WORK)).allMatch(SourceEvent::cancelled);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void recurringExceptionsKeepTheirSeriesIdAndOriginalStart(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");
        SourceEvent series = series("s1");
        SourceEvent moved = exception("s1_20250317T090000Z", "s1");
        SourceEvent cancelledInstance = new SourceEvent("s1_20250324T090000Z", EventStatus.CANCELLED, null, null,
                false, null, null, List.of(), "s1", dev.calsync.core.event.EventTime.at(T0.plusSeconds(14 * 86400),
                "Europe/Berlin"), null, null, null, null);

        store.commit(id, List.of(incremental(WORK, "t1", series, moved, cancelledInstance)));

        List<SourceEvent> cached = store.cachedEvents(id, WORK);
        assertThat(cached).containsExactlyInAnyOrder(series, moved, cancelledInstance);
        assertThat(cached).filteredOn(SourceEvent::isException).hasSize(2)
                .allSatisfy(e -> assertThat(e.recurringEventId()).isEqualTo("s1"))
                .allSatisfy(e -> assertThat(e.originalStartTime()).isNotNull());
        assertThat(cached).filteredOn(SourceEvent::isSeries).containsExactly(series);
    }

    static Stream<Arguments> databasesAndFailures() {
        return TestDatabases.all().flatMap(db -> Stream.of(Failure.values()).map(f -> Arguments.of(db, f)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("databasesAndFailures")
    void aCommitThatFailsAtItsLastStatementLeavesTokensAndCacheUnchanged(Db db, Failure failure) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");
        store.commit(id, List.of(full(WORK, "work-1", timed("a", 1), timed("b", 2)), full(HOME, "home-1", timed("h", 1))));
        List<SourceEvent> workBefore = store.cachedEvents(id, WORK);
        CalendarSyncState workState = store.syncState(id, WORK);
        CalendarSyncState homeState = store.syncState(id, HOME);

        // The HOME commit comes second; its state write (the transaction's last statement) fails, after
        // WORK's cache was emptied and refilled and HOME's events were written.
        JdbcSyncStore failing = new JdbcSyncStore(FailingDataSource.failingOn(db.dataSource(),
                "calendar_sync_state", failure));
        assertThatThrownBy(() -> failing.commit(id, List.of(
                full(WORK, "work-2", timed("c", 3)),
                incremental(HOME, "home-2", timed("h2", 2)))))
                .isInstanceOf(StoreException.class);

        assertThat(store.cachedEvents(id, WORK)).isEqualTo(workBefore);
        assertThat(store.cachedEvents(id, HOME)).containsExactly(timed("h", 1));
        assertThat(store.syncState(id, WORK)).isEqualTo(workState);
        assertThat(store.syncState(id, HOME)).isEqualTo(homeState);

        // The pool recovers: the replayed commit goes through.
        store.commit(id, List.of(full(WORK, "work-2", timed("c", 3))));
        assertThat(store.syncState(id, WORK).syncToken()).isEqualTo("work-2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void recordFailureKeepsTokenAndCache(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");
        store.commit(id, List.of(full(WORK, "t1", timed("a", 1))));

        store.recordFailure(id, WORK, "503 backendError", T0.plusSeconds(60));

        CalendarSyncState state = store.syncState(id, WORK);
        assertThat(state.syncToken()).isEqualTo("t1");
        assertThat(state.lastFullSync()).isEqualTo(T0);
        assertThat(state.lastError()).isEqualTo("503 backendError");
        assertThat(state.lastErrorAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(store.cachedEvents(id, WORK)).containsExactly(timed("a", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void recordFailureOnANewCalendarLeavesItWithoutToken(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");

        store.recordFailure(id, WORK, "401", T0);

        assertThat(store.syncState(id, WORK)).isEqualTo(CalendarSyncState.NEW.afterFailure("401", T0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void aCommitOfThousandsOfEventsRoundTrips(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");
        List<SourceEvent> events = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            events.add(timed("e" + i, i % 500));
        }

        store.commit(id, List.of(new CalendarCommit(WORK, true, events, CalendarSyncState.NEW.afterSuccess("t", true, T0))));

        assertThat(store.cachedEvents(id, WORK)).containsExactlyInAnyOrderElementsOf(events);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void stateTimesRoundTripToTheNanosecond(Db db) {
        JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
        String id = unique("group");
        CalendarSyncState state = new CalendarSyncState("tok", T0.plusNanos(123456789), T0.plusNanos(1), "x",
                T0.plusNanos(987));

        store.commit(id, List.of(new CalendarCommit(WORK, false, List.of(), state)));

        assertThat(store.syncState(id, WORK)).isEqualTo(state);
    }
}
