package dev.calsync.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.calsync.app.accounts.EncryptionKey;
import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.app.config.ConfigLoader;
import dev.calsync.app.fixtures.EmulatorEvents;
import dev.calsync.app.schedule.SyncScheduler;
import dev.calsync.emulator.CallKind;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.store.AccountStatus;
import dev.calsync.store.AccountStore;
import dev.calsync.store.JdbcSyncStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, item 5, in {@code serve}: a group whose account's token is revoked pauses; the account is probed on the
 * production back-off (at once, then a minute later: no call between), and once the token works again the group
 * resumes by itself and its blocks follow a change made while it was paused. Real time, the emulator, H2 and (when
 * CI provides one) PostgreSQL.
 */
class ServeAccountProbesTest {
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String work = "work" + run;
    private final String home = "home" + run;
    private final String group = "g" + run;
    private final String workCalendar = "me@" + run + ".work.example";
    private final String homeCalendar = "me@" + run + ".home.example";
    private GoogleCalendarEmulator emulator;
    private MockOAuth2Server oauth;

    static List<String> databases() {
        List<String> databases = new ArrayList<>(List.of("h2"));
        String postgres = System.getenv("CALSYNC_TEST_POSTGRES_URL");
        if (postgres != null && !postgres.isBlank()) {
            databases.add("postgresql");
        }
        return databases;
    }

    @BeforeEach
    void start() {
        emulator = GoogleCalendarEmulator.start(0);
        emulator.addAccount(work, "work-token").addAccount(home, "home-token");
        emulator.addCalendar(work, workCalendar, "Work", true);
        emulator.addCalendar(home, homeCalendar, "Home", true);
        oauth = new MockOAuth2Server();
        oauth.start();
    }

    @AfterEach
    void stop() {
        oauth.shutdown();
        emulator.close();
    }

    private ServerSettings settings(String database) {
        String storage = database.equals("h2") ? "{url: \"jdbc:h2:mem:serve-probes-" + run + "\"}"
                : "{url: \"" + System.getenv("CALSYNC_TEST_POSTGRES_URL") + "\", user: \""
                + System.getenv().getOrDefault("CALSYNC_TEST_POSTGRES_USER", "calsync") + "\", password: \""
                + System.getenv().getOrDefault("CALSYNC_TEST_POSTGRES_PASSWORD", "calsync") + "\"}";
        String yaml = "storage: " + storage + "\n"
                + "google: {rootUrl: \"" + emulator.rootUrl() + "\"}\n"
                + "oauth: {issuerUri: \"" + oauth.issuerUrl("google") + "\", clientId: test}\n"
                + "accounts:\n"
                + "  - {id: " + work + ", accessToken: work-token}\n"
                + "  - {id: " + home + ", accessToken: home-token}\n"
                + "groups:\n"
                + "  - id: " + group + "\n    calendars:\n"
                + "      - {account: " + work + ", calendar: " + workCalendar + "}\n"
                + "      - {account: " + home + ", calendar: " + homeCalendar + "}\n";
        CalsyncConfig config = new ConfigLoader(Map.of()).parse(yaml, "serve account probes test");
        return new ServerSettings(config, EncryptionKey.random(), ServerSettings.Mode.SERVE, 0);
    }

    private long probes() {
        return emulator.counters().total(CallKind.CALENDAR_LIST);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPausedAccountIsProbedOnItsBackOffAndItsGroupResumesByItselfOnceTheTokenWorksAgain(String database) {
        Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        emulator.userInsert(workCalendar, EmulatorEvents.meeting(tomorrow.plus(9, ChronoUnit.HOURS), "Planning"));
        CalsyncServer server = CalsyncServer.start(settings(database), Map.of());
        try {
            JdbcSyncStore store = server.context().getBean(JdbcSyncStore.class);
            AccountStore accounts = server.context().getBean(AccountStore.class);
            SyncScheduler scheduler = server.context().getBean(SyncScheduler.class);
            scheduler.requestSync(group, false);
            await().atMost(Duration.ofSeconds(60)).until(() -> emulator.userListAll(homeCalendar, false).size() == 1);

            long before = probes(); // the server read the calendar lists at start; no pass reads them
            emulator.addAccount(work, "revoked-" + run); // the person revoked calsync's access: 401
            scheduler.requestSync(group, false);
            await().atMost(Duration.ofSeconds(60)).until(() -> store.isPaused(group));
            assertThat(accounts.find(work).orElseThrow().status()).isEqualTo(AccountStatus.RECONNECT_NEEDED);

            // The first probe comes at once (within a probe round) and finds the token still refused.
            await().atMost(Duration.ofSeconds(30)).until(() -> probes() == before + 1);
            Instant firstProbe = Instant.now();
            assertThat(store.isPaused(group)).isTrue();

            // Meanwhile the token works again and the home calendar changes; nothing is read before the next
            // probe is due a minute after the first: no probe, no pass (polls and the reconcile find the group
            // paused).
            emulator.addAccount(work, "work-token");
            emulator.userInsert(homeCalendar, EmulatorEvents.meeting(tomorrow.plus(14, ChronoUnit.HOURS), "Dentist"));
            scheduler.requestSync(group, false);
            await().during(Duration.ofSeconds(45)).atMost(Duration.ofSeconds(50))
                    .until(() -> probes() == before + 1 && store.isPaused(group)
                            && emulator.userListAll(workCalendar, false).size() == 1);

            // The second probe, on its due time, answers: the group resumes by itself and follows the change.
            await().atMost(Duration.ofSeconds(60)).until(() -> !store.isPaused(group)
                    && emulator.userListAll(workCalendar, false).size() == 2);
            assertThat(Duration.between(firstProbe, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(45));
            assertThat(probes()).isEqualTo(before + 2);
            assertThat(accounts.find(work).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
            assertThat(emulator.userListAll(homeCalendar, false)).hasSize(2); // its own meeting and one block
        } finally {
            server.stop();
        }
    }
}
