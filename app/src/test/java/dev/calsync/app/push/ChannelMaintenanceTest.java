package dev.calsync.app.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.calsync.app.accounts.EncryptionKey;
import dev.calsync.app.accounts.AccountProviders;
import dev.calsync.app.cluster.ClusterProperties;
import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.app.config.ConfigLoader;
import dev.calsync.app.fixtures.EmulatorEvents;
import dev.calsync.app.fixtures.FreePorts;
import dev.calsync.app.fixtures.OidcTestServer;
import dev.calsync.app.metrics.CalsyncMetrics;
import dev.calsync.app.server.CalsyncWebApplication;
import dev.calsync.app.server.ServerSettings;
import dev.calsync.core.block.BlockIds;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.push.ChangeChannel;
import dev.calsync.emulator.CallKind;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.core.push.ChannelTokens;
import dev.calsync.google.GoogleCalendarProvider;
import dev.calsync.google.GoogleChangeChannels;
import dev.calsync.push.ChannelKeeper;
import dev.calsync.store.ClusterQueries;
import dev.calsync.store.JdbcSyncStore;
import dev.calsync.store.PushChannelStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Channel maintenance against the emulator, with {@code serve} running in-process and push pointing at itself (so
 * notifications go through the real webhook). The scheduled {@code push-channels} task runs only once, at start
 * (interval 1h); the rounds under test are run directly on a {@link ChannelKeeper} wired from the application's own
 * beans, with a clock of its own that can be moved forward. Channel lifetime 2h, renewed 1h before expiry.
 */
@SpringBootTest(classes = {CalsyncWebApplication.class, ChannelMaintenanceTest.Server.class},
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"logging.level.dev.calsync=WARN", "calsync.push.debounce=100ms",
                "calsync.push.channel-ttl=2h", "calsync.push.renew-before=1h",
                "calsync.cluster.channel-interval=1h", "calsync.cluster.plan-interval=2s",
                "calsync.push.secret=" + ChannelMaintenanceTest.SECRET})
@ActiveProfiles("serve")
@AutoConfigureObservability
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChannelMaintenanceTest {
    static final String SECRET = "test-push-secret-maintenance-0123456789abcdef";
    static final int PORT = FreePorts.any();
    static final String ACCOUNT = "m0";
    static final List<String> SUFFIXES = List.of("a", "b", "c", "d");

    /**
     * Active emulator channels seen at the moment the emulator handles each events.watch (read from inside the
     * emulator's clock, which watch consults before it registers the new channel).
     */
    static final List<Integer> ACTIVE_AT_WATCH = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    @TestConfiguration(proxyBeanMethods = false)
    @Import(OidcTestServer.class)
    static class Server {
        @Bean(destroyMethod = "close")
        GoogleCalendarEmulator emulator() {
            GoogleCalendarEmulator emulator = GoogleCalendarEmulator.start(0);
            emulator.setClock(new WatchObservingClock(emulator));
            // Each channel's first message reaches the webhook before calsync has the watch call's answer.
            emulator.notifications().setSyncBeforeWatchAnswer(true);
            emulator.addAccount(ACCOUNT, "tok-" + ACCOUNT);
            for (String s : SUFFIXES) {
                emulator.addCalendar(ACCOUNT, calendar(s), "Calendar " + s, "a".equals(s));
            }
            return emulator;
        }

        @Bean
        ServerSettings serverSettings(GoogleCalendarEmulator emulator, MockOAuth2Server oauth) {
            // g0 holds every calendar. (A second group holding c and d again would repeat a pair and be refused:
            // the test that needs c in two groups adds a group of its own.)
            String yaml = "storage: {url: \"jdbc:h2:mem:push-maint-" + UUID.randomUUID() + "\"}\n"
                    + "google: {rootUrl: \"" + emulator.rootUrl() + "\"}\n"
                    + "sync: {pollInterval: 1h}\n"
                    + "push: {publicUrl: \"http://127.0.0.1:" + PORT + "/\"}\n"
                    + "oauth: {issuerUri: \"" + oauth.issuerUrl("google") + "\", clientId: test}\n"
                    + "accounts:\n  - {id: " + ACCOUNT + ", accessToken: tok-" + ACCOUNT + ", owner: " + ACCOUNT + "}\n"
                    + "groups:\n"
                    + "  - id: g0\n    owner: " + ACCOUNT + "\n    calendars:\n" + members(SUFFIXES);
            CalsyncConfig config = new ConfigLoader(Map.of()).parse(yaml, "channel maintenance test");
            return new ServerSettings(config, EncryptionKey.random(), ServerSettings.Mode.SERVE, PORT);
        }

        private static String members(List<String> suffixes) {
            StringBuilder out = new StringBuilder();
            for (String s : suffixes) {
                out.append("      - {account: ").append(ACCOUNT).append(", calendar: \"").append(calendar(s))
                        .append("\"}\n");
            }
            return out.toString();
        }
    }

    /** System time; while the emulator handles events.watch it also notes how many channels are active. */
    static final class WatchObservingClock extends Clock {
        private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);
        private final GoogleCalendarEmulator emulator;

        WatchObservingClock(GoogleCalendarEmulator emulator) {
            this.emulator = emulator;
        }

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
            if (!INSIDE.get() && inWatch()) {
                INSIDE.set(true);
                try {
                    ACTIVE_AT_WATCH.add(emulator.notifications().activeChannels());
                } finally {
                    INSIDE.set(false);
                }
            }
            return Instant.now();
        }

        private static boolean inWatch() {
            return StackWalker.getInstance().walk(frames -> frames.anyMatch(f ->
                    f.getClassName().equals("dev.calsync.emulator.push.PushNotifications")
                            && f.getMethodName().equals("watch")));
        }
    }

    /** A clock standing still at a settable instant, for the manager under test. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void set(Instant instant) {
            now = instant;
        }

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

    @Autowired
    GoogleCalendarEmulator emulator;
    @Autowired
    PushChannelStore channels;
    @Autowired
    GoogleCalendarProvider google;
    @Autowired
    ClusterQueries queries;
    @Autowired
    AccountProviders accounts;
    @Autowired
    PushProperties properties;
    @Autowired
    CalsyncMetrics metrics;
    @Autowired
    JdbcSyncStore store;
    @Autowired
    ServerSettings settings;
    @Autowired
    ClusterProperties cluster;

    private final MovableClock clock = new MovableClock();

    private ChannelKeeper manager() {
        return PushConfiguration.keeper(new GoogleChangeChannels(google, new ChannelTokens(SECRET)), settings,
                properties, channels, accounts, queries, metrics, cluster, clock);
    }

    private void channelsOpen() {
        await().atMost(Duration.ofSeconds(60)).until(() -> emulator.notifications().activeChannels() == SUFFIXES.size()
                && channels.all().stream().filter(c -> !c.pending()).count() == SUFFIXES.size());
    }

    private void channelsOpenedAtStart() {
        channelsOpen();
        // The channels' first "sync" messages, sent before watch answered, found their channels filed already.
        for (ChangeChannel channel : channels.all()) {
            assertThat(emulator.notifications().deliveredTo(channel.id()))
                    .anySatisfy(n -> {
                        assertThat(n.resourceState()).isEqualTo("sync");
                        assertThat(n.httpStatus()).isEqualTo(202);
                    });
        }
        assertThat(emulator.notifications().delivered()).allSatisfy(n -> assertThat(n.httpStatus()).isEqualTo(202));
    }

    @Test
    @Order(1)
    void aChannelCloseToExpiryIsReplacedNewFirstThenOldStoppedAndNotificationsKeepComing() {
        channelsOpenedAtStart();
        Map<CalendarRef, ChangeChannel> before = byCalendar(channels.all());
        assertThat(before.keySet()).containsExactlyInAnyOrderElementsOf(SUFFIXES.stream().map(s -> ref(s)).toList());

        // Nothing is due with the real time: expiry in 2h, renewal 1h before.
        clock.set(Instant.now());
        assertThat(manager().maintain()).isEqualTo(new ChannelKeeper.Round(0, 0, 0, 0, List.of()));
        assertThat(byCalendar(channels.all())).isEqualTo(before);

        // 90 minutes later every channel is within an hour of its expiry.
        long stopsBefore = emulator.counters().total(CallKind.STOP);
        long watchesBefore = emulator.counters().total(CallKind.WATCH);
        ACTIVE_AT_WATCH.clear();
        clock.set(Instant.now().plus(Duration.ofMinutes(90)));
        assertThat(manager().maintain()).isEqualTo(new ChannelKeeper.Round(0, SUFFIXES.size(), 0, 0, List.of()));

        assertThat(emulator.counters().total(CallKind.WATCH) - watchesBefore).isEqualTo(SUFFIXES.size());
        assertThat(emulator.counters().total(CallKind.STOP) - stopsBefore).isEqualTo(SUFFIXES.size());
        // Calendars are renewed one after the other, each new channel opened while the old one was still open:
        // at the first watch all 4 old channels were active, and never fewer than 4 at any later watch.
        assertThat(ACTIVE_AT_WATCH).as("active channels on the emulator at each watch").hasSize(SUFFIXES.size())
                .allMatch(n -> n == SUFFIXES.size());
        assertThat(emulator.notifications().activeChannels()).isEqualTo(SUFFIXES.size());

        Map<CalendarRef, ChangeChannel> after = byCalendar(channels.all());
        assertThat(channels.all()).hasSize(SUFFIXES.size());
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (CalendarRef calendar : before.keySet()) {
            ChangeChannel old = before.get(calendar);
            ChangeChannel renewed = after.get(calendar);
            assertThat(renewed.id()).isNotEqualTo(old.id());
            assertThat(renewed.handle()).isEqualTo(old.handle());
            assertThat(channels.find(old.id())).as("old row gone").isEmpty();
            assertThat(renewed.expiration()).isAfterOrEqualTo(old.expiration());
        }

        // A change on a now arrives through the new channel only, is accepted and synced (polls are 1h apart).
        ChangeChannel oldA = before.get(ref("a"));
        ChangeChannel newA = after.get(ref("a"));
        int oldDeliveries = emulator.notifications().deliveredTo(oldA.id()).size();
        String eventId = emulator.userInsert(calendar("a"), EmulatorEvents.meeting(Instant.now().plus(Duration.ofDays(2)), "after renewal"))
                .get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> emulator.notifications().deliveredTo(newA.id())
                .stream().anyMatch(n -> n.resourceState().equals("exists") && n.httpStatus() == 202));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                emulator.userGet(calendar("b"), BlockIds.of("g0", ref("a"), eventId, ref("b"))) != null);
        assertThat(emulator.notifications().deliveredTo(oldA.id())).hasSize(oldDeliveries);

        // The round after, with the real time again, leaves the renewed channels alone.
        clock.set(Instant.now());
        assertThat(manager().maintain()).isEqualTo(new ChannelKeeper.Round(0, 0, 0, 0, List.of()));
        assertThat(byCalendar(channels.all())).isEqualTo(after);
    }

    @Test
    @Order(2)
    void aCalendarThatLeftEveryGroupHasItsChannelStoppedAndItsRowRemoved() {
        channelsOpen();
        clock.set(Instant.now());
        Map<CalendarRef, ChangeChannel> before = byCalendar(channels.all());
        ChangeChannel channelOfC = before.get(ref("c"));
        assertThat(channelOfC).isNotNull();

        // c is in a second group, leaves it, and is still in g0: its channel stays.
        store.saveGroup(new SyncGroup("g1", ACCOUNT, null, null, null, null, List.of(ref("c"))));
        assertThat(manager().maintain()).isEqualTo(new ChannelKeeper.Round(0, 0, 0, 0, List.of()));
        store.deleteGroup("g1");
        assertThat(queries.calendarsInGroups()).contains(ref("c"));
        assertThat(manager().maintain()).isEqualTo(new ChannelKeeper.Round(0, 0, 0, 0, List.of()));
        assertThat(byCalendar(channels.all())).isEqualTo(before);
        assertThat(emulator.notifications().activeChannels()).isEqualTo(SUFFIXES.size());

        // c leaves g0 too: no group holds it any more.
        SyncGroup g0 = store.group("g0").orElseThrow();
        store.saveGroup(new SyncGroup(g0.id(), g0.owner(), g0.busyTitle(), g0.window(), g0.mode(), g0.manualEdits(),
                g0.calendars().stream().filter(c -> !c.equals(ref("c"))).toList()));
        assertThat(queries.calendarsInGroups()).doesNotContain(ref("c"));
        long stopsBefore = emulator.counters().total(CallKind.STOP);
        assertThat(manager().maintain()).isEqualTo(new ChannelKeeper.Round(0, 0, 1, 0, List.of()));

        assertThat(emulator.counters().total(CallKind.STOP) - stopsBefore).isEqualTo(1);
        assertThat(emulator.counters().failed(CallKind.STOP)).isZero();
        assertThat(emulator.notifications().activeChannels()).isEqualTo(SUFFIXES.size() - 1);
        assertThat(channels.find(channelOfC.id())).isEmpty();
        assertThat(channels.watched(ref("c"))).isFalse();
        Map<CalendarRef, ChangeChannel> after = byCalendar(channels.all());
        assertThat(after.keySet()).containsExactlyInAnyOrder(ref("a"), ref("b"), ref("d"));
        for (CalendarRef kept : after.keySet()) {
            assertThat(after.get(kept)).isEqualTo(before.get(kept));
        }

        // A change on c notifies nobody now; a change on d still comes through d's channel.
        long sentBefore = emulator.notifications().sent();
        int deliveredToC = emulator.notifications().deliveredTo(channelOfC.id()).size();
        emulator.userInsert(calendar("c"), EmulatorEvents.meeting(Instant.now().plus(Duration.ofDays(2)), "after leaving"));
        assertThat(emulator.notifications().sent()).isEqualTo(sentBefore);
        assertThat(emulator.notifications().deliveredTo(channelOfC.id())).hasSize(deliveredToC);
        String channelOfD = after.get(ref("d")).id();
        emulator.userInsert(calendar("d"), EmulatorEvents.meeting(Instant.now().plus(Duration.ofDays(2)), "d still watched"));
        await().atMost(Duration.ofSeconds(20)).until(() -> emulator.notifications().deliveredTo(channelOfD).stream()
                .anyMatch(n -> n.resourceState().equals("exists") && n.httpStatus() == 202));

        // Nothing more to do in the next round.
        assertThat(manager().maintain()).isEqualTo(new ChannelKeeper.Round(0, 0, 0, 0, List.of()));
    }

    private static Map<CalendarRef, ChangeChannel> byCalendar(List<ChangeChannel> all) {
        assertThat(all.stream().map(ChangeChannel::calendar).collect(Collectors.toSet()))
                .as("one channel per calendar").hasSize(all.size());
        return all.stream().collect(Collectors.toMap(ChangeChannel::calendar, Function.identity()));
    }

    static String calendar(String suffix) {
        return ACCOUNT + "-" + suffix + "@maint.example";
    }

    static CalendarRef ref(String suffix) {
        return new CalendarRef(ACCOUNT, calendar(suffix));
    }
}
