package dev.calsync.store;

import static dev.calsync.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.store.TestDatabases.Db;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CalendarNamesAndProbesTest {

    private static final String DATABASES = "dev.calsync.store.TestDatabases#all";
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void aResolvedNameIsRememberedPerAccountAndForgottenWithItsAccount(Db db) {
        CalendarNameStore names = new CalendarNameStore(db.dataSource(), Clock.fixed(T0, ZoneOffset.UTC));
        String work = unique("work");
        String home = unique("home");
        names.remember(work, "primary", "me@work.example");
        names.remember(work, "primary", "me@work.example"); // again: one row
        names.remember(home, "primary", "me@home.example");

        assertThat(names.calendarId(work, "primary")).contains("me@work.example");
        assertThat(names.calendarId(work, "me@work.example")).isEmpty();
        names.forget(work);
        assertThat(names.calendarId(work, "primary")).isEmpty();
        assertThat(names.calendarId(home, "primary")).contains("me@home.example");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void aProbesBackOffIsKeptUntilCleared(Db db) {
        AccountProbeStore probes = new AccountProbeStore(db.dataSource());
        String account = unique("acct");
        assertThat(probes.find(account)).isEmpty();

        probes.save(new AccountProbeStore.Probe(account, 1, T0.plusSeconds(60)));
        probes.save(new AccountProbeStore.Probe(account, 2, T0.plusSeconds(180)));

        assertThat(probes.find(account)).contains(new AccountProbeStore.Probe(account, 2, T0.plusSeconds(180)));
        probes.clear(account);
        assertThat(probes.find(account)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void aDueProbeIsClaimedOnceWhoeverAsksAtTheSameMoment(Db db) throws Exception {
        AccountProbeStore probes = new AccountProbeStore(db.dataSource());
        for (boolean firstProbe : new boolean[] {true, false}) {
            String account = unique("acct");
            if (!firstProbe) {
                probes.save(new AccountProbeStore.Probe(account, 3, T0)); // due now, after three failures
            }
            int nodes = 4;
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(nodes);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(nodes);
            try {
                java.util.List<java.util.concurrent.Future<Boolean>> claims = new java.util.ArrayList<>();
                for (int i = 0; i < nodes; i++) {
                    claims.add(pool.submit(() -> {
                        together.await();
                        return probes.claim(account, T0, T0.plusSeconds(480));
                    }));
                }
                int won = 0;
                for (java.util.concurrent.Future<Boolean> claim : claims) {
                    won += claim.get() ? 1 : 0;
                }
                assertThat(won).as(firstProbe ? "first probe" : "later probe").isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            // The slot is taken until the claimed time; the failure count is the probe's to set.
            assertThat(probes.find(account)).contains(
                    new AccountProbeStore.Probe(account, firstProbe ? 0 : 3, T0.plusSeconds(480)));
            assertThat(probes.claim(account, T0.plusSeconds(479), T0.plusSeconds(999))).isFalse();
            assertThat(probes.claim(account, T0.plusSeconds(480), T0.plusSeconds(999))).isTrue();
        }
    }
}
