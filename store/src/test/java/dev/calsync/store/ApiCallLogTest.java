package dev.calsync.store;

import static dev.calsync.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import dev.calsync.store.TestDatabases.Db;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ApiCallLogTest {

    private static final String DATABASES = "dev.calsync.store.TestDatabases#all";
    private static final Instant NOW = Instant.parse("2025-03-10T23:59:00Z");
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void recordAddsToTheDaysCounterPerAccountKindAndOutcome(Db db) {
        ApiCallLog log = new ApiCallLog(db.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
        String account = unique("acct");

        log.record(account, "LIST", "ok", 3);
        log.record(account, "LIST", "ok", 2);
        log.record(account, "LIST", "410", 1);
        log.record(account, "INSERT", "ok", 4);
        log.record(TODAY.plusDays(1), account, "LIST", "ok", 100);

        assertThat(log.counts(TODAY)).filteredOn(c -> c.accountId().equals(account)).containsExactly(
                new ApiCallCount(TODAY, account, "INSERT", "ok", 4),
                new ApiCallCount(TODAY, account, "LIST", "410", 1),
                new ApiCallCount(TODAY, account, "LIST", "ok", 5));
        assertThat(log.totalsByAccountAndKind(TODAY).get(account)).isEqualTo(Map.of("INSERT", 4L, "LIST", 6L));
        assertThat(log.totalsByAccount(TODAY)).containsEntry(account, 10L);
        assertThat(log.totalsByAccount(TODAY.plusDays(1))).containsEntry(account, 100L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void listenerCountsEveryProviderCall(Db db) {
        ApiCallLog log = new ApiCallLog(db.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
        String account = unique("acct");
        CalendarRef calendar = new CalendarRef(account, "primary");

        log.listener().onCall(calendar, CallKind.LIST, "ok");
        log.listener().onCall(calendar, CallKind.LIST, "ok");
        log.listener().onCall(calendar, CallKind.UPDATE, "409");

        assertThat(log.totalsByAccountAndKind(TODAY).get(account)).isEqualTo(Map.of("LIST", 2L, "UPDATE", 1L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void concurrentRecordsOfTheSameCounterLoseNothing(Db db) throws Exception {
        ApiCallLog log = new ApiCallLog(db.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
        String account = unique("acct");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                done.add(pool.submit(() -> log.record(account, "LIST", "ok", 1)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(log.totalsByAccount(TODAY)).containsEntry(account, 60L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void callsAreCountedPerCalendarTooExceptCalendarListReads(Db db) {
        ApiCallLog log = new ApiCallLog(db.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
        String account = unique("acct");
        CalendarRef work = new CalendarRef(account, "work@example.com");
        CalendarRef team = new CalendarRef(account, "team@example.com");

        log.listener().onCall(work, CallKind.LIST, "ok");
        log.listener().onCall(work, CallKind.INSERT, "ok");
        log.listener().onCall(work, CallKind.INSERT, "409");
        log.listener().onCall(team, CallKind.LIST, "ok");
        log.listener().onCall(new CalendarRef(account, "*"), CallKind.CALENDAR_LIST, "ok");

        assertThat(log.totalsByKindOn(TODAY, List.of(work))).isEqualTo(Map.of("INSERT", 2L, "LIST", 1L));
        assertThat(log.totalsByKindOn(TODAY, List.of(work, team))).isEqualTo(Map.of("INSERT", 2L, "LIST", 2L));
        assertThat(log.totalsByKindOn(TODAY.minusDays(1), List.of(work))).isEmpty();
        assertThat(log.totalsByAccount(TODAY)).containsEntry(account, 5L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void dailyTotalsGiveEveryDayOfTheRangeQuietDaysIncluded(Db db) {
        ApiCallLog log = new ApiCallLog(db.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
        String mine = unique("acct");
        String other = unique("acct");
        log.record(TODAY, mine, "LIST", "ok", 7);
        log.record(TODAY, mine, "INSERT", "ok", 3);
        log.record(TODAY.minusDays(2), mine, "LIST", "ok", 4);
        log.record(TODAY.minusDays(20), mine, "LIST", "ok", 1000);
        log.record(TODAY, other, "LIST", "ok", 500);

        var totals = log.dailyTotals(List.of(mine), TODAY.minusDays(13), TODAY);
        assertThat(totals).hasSize(14);
        assertThat(totals.firstKey()).isEqualTo(TODAY.minusDays(13));
        assertThat(totals).containsEntry(TODAY, 10L).containsEntry(TODAY.minusDays(1), 0L)
                .containsEntry(TODAY.minusDays(2), 4L);
        assertThat(totals.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(14L);
    }
}
