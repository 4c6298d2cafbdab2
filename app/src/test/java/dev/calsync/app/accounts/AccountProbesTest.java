package dev.calsync.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.app.assembly.PassRunner;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.CallTally;
import dev.calsync.core.provider.StaticAccessTokens;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.google.GoogleCalendarProvider;
import dev.calsync.recurrence.LibRecurRecurrences;
import dev.calsync.store.Account;
import dev.calsync.store.AccountProbeStore;
import dev.calsync.store.AccountStatus;
import dev.calsync.store.AccountStore;
import dev.calsync.store.Databases;
import dev.calsync.store.JdbcSyncStore;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, item 5: a paused account is probed with one calendar-list call at most once per pass, on a back-off of
 * 0, 1, 3, 7, 15, 31, 63 minutes and then hourly, and its groups resume by themselves once it answers; against the
 * emulator, on H2 and (when CI provides one) PostgreSQL.
 */
class AccountProbesTest {

    /** A clock the test moves. */
    static final class MovedClock extends Clock {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static List<String> databases() {
        List<String> urls = new ArrayList<>(List.of("jdbc:h2:mem:probes" + UUID.randomUUID().toString().replace("-", "")));
        String postgres = System.getenv("CALSYNC_TEST_POSTGRES_URL");
        if (postgres != null && !postgres.isBlank()) {
            urls.add(postgres);
        }
        return urls;
    }

    @Test
    void theWaitDoublesFromOneMinuteToAnHourAtMost() {
        List<Long> minutes = new ArrayList<>();
        for (int failures = 0; failures <= 9; failures++) {
            minutes.add(AccountProbes.waitAfter(failures).toMinutes());
        }
        assertThat(minutes).containsExactly(0L, 1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPausedAccountIsProbedOnTheBackOffAndItsGroupResumesWhenTheTokenWorksAgain(String url) {
        boolean postgres = url.startsWith("jdbc:postgresql");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String work = "work" + run;
        String home = "home" + run;
        MovedClock clock = new MovedClock();
        CallTally calls = new CallTally();
        try (GoogleCalendarEmulator emulator = GoogleCalendarEmulator.start(0);
             HikariDataSource dataSource = postgres
                     ? Databases.open(url, System.getenv().getOrDefault("CALSYNC_TEST_POSTGRES_USER", "calsync"),
                     System.getenv().getOrDefault("CALSYNC_TEST_POSTGRES_PASSWORD", "calsync"))
                     : Databases.open(url, "sa", "")) {
            emulator.addAccount(work, "work-token").addAccount(home, "home-token");
            emulator.addCalendar(work, "me@work.example", "Work", true);
            emulator.addCalendar(home, "me@home.example", "Home", true);
            GoogleCalendarProvider provider = GoogleCalendarProvider.builder(
                            new StaticAccessTokens(Map.of(work, "work-token", home, "home-token")))
                    .rootUrl(emulator.rootUrl()).callListener(calls).sleeper(delay -> { }).build();
            JdbcSyncStore store = new JdbcSyncStore(dataSource, clock);
            AccountStore accounts = new AccountStore(dataSource, clock);
            AccountPauses pauses = new AccountPauses(accounts, store,
                    id -> Optional.of(new Account(id, "me", "google", null, null, null, AccountStatus.ACTIVE)));
            PassRunner passes = new PassRunner(new SyncEngine(provider, store, new LibRecurRecurrences(), clock,
                    "probe-test", Duration.ofSeconds(30)), store, pauses,
                    new AccountProbes(provider, accounts, new AccountProbeStore(dataSource), clock));
            CalendarRef workCalendar = new CalendarRef(work, "me@work.example");
            CalendarRef homeCalendar = new CalendarRef(home, "me@home.example");
            SyncGroup group = new SyncGroup("g" + run, "me", null, null, null, null, List.of(workCalendar, homeCalendar));
            store.saveGroup(group);
            meeting(emulator, clock, "me@work.example", 1);
            assertThat(passes.run(group, SyncRequest.poll())).isPresent();

            emulator.addAccount(work, "revoked-" + run); // the configured token no longer works
            assertThat(passes.run(group, SyncRequest.poll()).orElseThrow().pausedGroups()).containsExactly(group.id());

            // Probes at 0, 1, 3, 7, 15, 31, 63 minutes, then hourly: one calendar-list call each, none between.
            List<Long> probedAt = new ArrayList<>();
            Instant paused = clock.now;
            for (int minute = 0; minute <= 184; minute++) {
                clock.now = paused.plus(Duration.ofMinutes(minute));
                long before = calls.snapshot().getOrDefault(CallKind.CALENDAR_LIST, 0L);
                assertThat(passes.run(group, SyncRequest.poll())).isEmpty();
                long probes = calls.snapshot().getOrDefault(CallKind.CALENDAR_LIST, 0L) - before;
                assertThat(probes).isLessThanOrEqualTo(1);
                if (probes == 1) {
                    probedAt.add((long) minute);
                }
            }
            assertThat(probedAt).containsExactly(0L, 1L, 3L, 7L, 15L, 31L, 63L, 123L, 183L);
            assertThat(accounts.find(work).orElseThrow().status()).isEqualTo(AccountStatus.RECONNECT_NEEDED);

            emulator.addAccount(work, "work-token"); // restored
            meeting(emulator, clock, "me@home.example", 2);
            clock.now = paused.plus(Duration.ofMinutes(200));
            assertThat(passes.run(group, SyncRequest.poll())).isEmpty(); // not due before 243
            clock.now = paused.plus(Duration.ofMinutes(243));
            assertThat(passes.run(group, SyncRequest.poll())).hasValueSatisfying(ran ->
                    assertThat(ran.report().inserted()).isEqualTo(1));
            assertThat(store.isPaused(group.id())).isFalse();
            assertThat(accounts.find(work).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);

            long before = calls.total();
            assertThat(passes.run(group, SyncRequest.poll()).orElseThrow().report().writes()).isZero();
            assertThat(calls.total() - before).isEqualTo(2); // one list per calendar, no probe
        }
    }

    private static void meeting(GoogleCalendarEmulator emulator, MovedClock clock, String calendar, int day) {
        Instant start = clock.now.truncatedTo(ChronoUnit.DAYS).plus(day, ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);
        ObjectNode event = JsonNodeFactory.instance.objectNode().put("summary", "Planning");
        event.putObject("start").put("dateTime", start.toString());
        event.putObject("end").put("dateTime", start.plus(1, ChronoUnit.HOURS).toString());
        emulator.userInsert(calendar, event);
    }
}
