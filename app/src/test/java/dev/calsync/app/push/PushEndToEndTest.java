package dev.calsync.app.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.app.accounts.EncryptionKey;
import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.app.config.ConfigLoader;
import dev.calsync.app.fixtures.EmulatorEvents;
import dev.calsync.app.fixtures.FreePorts;
import dev.calsync.app.fixtures.OidcTestServer;
import dev.calsync.app.server.CalsyncWebApplication;
import dev.calsync.app.server.ServerSettings;
import dev.calsync.core.block.BlockIds;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.push.ChangeChannel;
import dev.calsync.emulator.CallKind;
import dev.calsync.emulator.FaultScope;
import dev.calsync.emulator.FaultType;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.core.push.ChannelTokens;
import dev.calsync.store.PushChannelStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
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
 * Push end to end in one JVM: {@code serve} on a real port with {@code push.publicUrl} pointing at itself, the
 * emulator opening channels and POSTing real notifications to {@code /webhooks/google}. Polling is an hour apart,
 * so every block that appears during the measurement came through a notification. Prints p50/p95 propagation
 * latency (change on the emulator → blocks on every other calendar of the group).
 */
@SpringBootTest(classes = {CalsyncWebApplication.class, PushEndToEndTest.Server.class},
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"logging.level.dev.calsync=WARN", "calsync.push.debounce=300ms",
                "calsync.cluster.plan-interval=2s", "calsync.cluster.failure-retry=1s",
                "calsync.push.secret=" + PushEndToEndTest.SECRET})
@ActiveProfiles("serve")
@AutoConfigureObservability
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PushEndToEndTest {
    static final String SECRET = "test-push-secret-0123456789abcdefghijklmnop";
    static final int USERS = 8;
    static final List<String> SUFFIXES = List.of("a", "b", "c");
    static final int PORT = FreePorts.any();

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
            for (int u = 0; u < USERS; u++) {
                emulator.addAccount(account(u), "tok-" + account(u));
                for (String s : SUFFIXES) {
                    emulator.addCalendar(account(u), calendar(u, s), "Calendar " + s, "a".equals(s));
                    emulator.userInsert(calendar(u, s), EmulatorEvents.meeting(Instant.now().plus(Duration.ofDays(2)), "seed " + s));
                }
            }
            return emulator;
        }

        @Bean
        ServerSettings serverSettings(GoogleCalendarEmulator emulator, MockOAuth2Server oauth) {
            StringBuilder yaml = new StringBuilder();
            yaml.append("storage: {url: \"jdbc:h2:mem:push-").append(UUID.randomUUID()).append("\"}\n");
            yaml.append("google: {rootUrl: \"").append(emulator.rootUrl()).append("\"}\n");
            yaml.append("sync: {pollInterval: 1h}\n");
            yaml.append("push: {publicUrl: \"http://127.0.0.1:").append(PORT).append("/\"}\n");
            yaml.append("oauth: {issuerUri: \"").append(oauth.issuerUrl("google")).append("\", clientId: test}\n");
            yaml.append("accounts:\n");
            for (int u = 0; u < USERS; u++) {
                yaml.append("  - {id: ").append(account(u)).append(", accessToken: tok-").append(account(u))
                        .append(", owner: ").append(account(u)).append("}\n");
            }
            yaml.append("groups:\n");
            for (int u = 0; u < USERS; u++) {
                yaml.append("  - id: g").append(u).append("\n    owner: ").append(account(u)).append("\n    calendars:\n");
                for (String s : SUFFIXES) {
                    yaml.append("      - {account: ").append(account(u)).append(", calendar: \"").append(calendar(u, s))
                            .append("\"}\n");
                }
            }
            CalsyncConfig config = new ConfigLoader(Map.of()).parse(yaml.toString(), "push test");
            return new ServerSettings(config, EncryptionKey.random(), ServerSettings.Mode.SERVE, PORT);
        }
    }

    @Autowired
    GoogleCalendarEmulator emulator;
    @Autowired
    MeterRegistry registry;
    @Autowired
    PushChannelStore channels;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Order(1)
    void changesReachEveryTargetThroughTheWebhookWithNoPoll() {
        int calendars = USERS * SUFFIXES.size();
        // Channels open, the first (full) pass of each group is done and each calendar had its first poll.
        await().atMost(Duration.ofSeconds(90)).until(() -> emulator.notifications().activeChannels() == calendars
                && channels.all().stream().filter(c -> !c.pending()).count() == calendars);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> meters().timed("calsync.sync.duration", "trigger", "poll") >= calendars);
        await().atMost(Duration.ofSeconds(90)).conditionEvaluationListener(condition -> {
            if (condition.getRemainingTimeInMS() <= condition.getPollInterval().toMillis()) {
                System.out.printf("push test waiting: polls %.0f, blocks on u0: %d %d %d%n",
                        meters().timed("calsync.sync.duration", "trigger", "poll"), blocksOn(calendar(0, "a")),
                        blocksOn(calendar(0, "b")), blocksOn(calendar(0, "c")));
            }
        }).until(() -> {
            for (int u = 0; u < USERS; u++) {
                for (String s : SUFFIXES) {
                    if (blocksOn(calendar(u, s)) != SUFFIXES.size() - 1) {
                        return false;
                    }
                }
            }
            return meters().timed("calsync.sync.duration", "trigger", "poll") >= calendars;
        });
        double pollsBefore = meters().timed("calsync.sync.duration", "trigger", "poll");
        double pushBefore = meters().timed("calsync.sync.duration", "trigger", "push");
        double absorbedBefore = meters().counted("calsync.push.notifications.received", "result", "absorbed");

        Random random = new Random(7);
        List<Double> latencies = new ArrayList<>();
        int changes = 30;
        for (int i = 0; i < changes; i++) {
            int u = random.nextInt(USERS);
            String source = SUFFIXES.get(random.nextInt(SUFFIXES.size()));
            long started = System.nanoTime();
            ObjectNode created = emulator.userInsert(calendar(u, source),
                    EmulatorEvents.meeting(Instant.now().plus(Duration.ofDays(1 + random.nextInt(20))), "change " + i));
            String eventId = created.get("id").asText();
            int user = u;
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(() -> {
                for (String target : SUFFIXES) {
                    if (!target.equals(source) && emulator.userGet(calendar(user, target), BlockIds.of("g" + user,
                            ref(user, source), eventId, ref(user, target))) == null) {
                        return false;
                    }
                }
                return true;
            });
            latencies.add((System.nanoTime() - started) / 1e6);
        }
        Collections.sort(latencies);
        double p50 = latencies.get(latencies.size() / 2);
        double p95 = latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1);
        System.out.printf("calsync push propagation: %d changes, p50 %.0f ms, p95 %.0f ms, max %.0f ms%n", changes,
                p50, p95, latencies.get(latencies.size() - 1));

        assertThat(meters().timed("calsync.sync.duration", "trigger", "poll")).as("no poll ran in between").isEqualTo(pollsBefore);
        double pushPasses = meters().timed("calsync.sync.duration", "trigger", "push") - pushBefore;
        // At most one pass per change (our own writes' notifications absorbed); two close changes may share one.
        assertThat(pushPasses).as("one push pass per change: our own block writes' notifications absorbed")
                .isGreaterThanOrEqualTo(changes - 3).isLessThanOrEqualTo(changes + 3);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                meters().counted("calsync.push.notifications.received", "result", "absorbed") - absorbedBefore >= changes);
        assertThat(p95).as("p95 propagation").isLessThan(5000);
    }

    @Test
    @Order(2)
    void aBurstOfChangesGivesOneSync() throws InterruptedException {
        String calendar = calendar(0, "b");
        double before = meters().timed("calsync.sync.duration", "trigger", "push");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(emulator.userInsert(calendar, EmulatorEvents.meeting(Instant.now().plus(Duration.ofDays(3 + i)), "burst " + i))
                    .get("id").asText());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().allMatch(id ->
                emulator.userGet(calendar(0, "a"), BlockIds.of("g0", ref(0, "b"), id, ref(0, "a"))) != null));
        // And no further pass follows: the burst stays one or two syncs for a whole second after it landed.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> meters().timed("calsync.sync.duration", "trigger", "push") - before <= 2.0);
        assertThat(meters().timed("calsync.sync.duration", "trigger", "push") - before).isBetween(1.0, 2.0);
    }

    @Test
    @Order(3)
    void aPushPassThatFailedIsRetriedWithoutAnotherNotification() {
        CalendarRef source = ref(1, "a");
        CalendarRef failing = ref(1, "c");
        String sourceChannel = channels.all().stream().filter(c -> c.calendar().equals(source)).findFirst()
                .orElseThrow().id();
        double failuresBefore = meters().counted("calsync.sync.failures", "trigger", "push");
        double pollsBefore = meters().timed("calsync.sync.duration", "trigger", "poll");
        long notificationsBefore = changeNotifications(sourceChannel);
        // Every attempt of the client's bounded retry fails: the push pass ends PARTIAL, c gets no block.
        emulator.faults().failNext(6, FaultType.BACKEND_ERROR,
                new FaultScope(null, failing.calendarId(), CallKind.INSERT));

        String eventId = emulator.userInsert(source.calendarId(), EmulatorEvents.meeting(Instant.now().plus(Duration.ofDays(4)),
                "retried")).get("id").asText();

        await().atMost(Duration.ofSeconds(60)).until(() ->
                emulator.userGet(failing.calendarId(), BlockIds.of("g1", source, eventId, failing)) != null);
        assertThat(emulator.userGet(calendar(1, "b"), BlockIds.of("g1", source, eventId, ref(1, "b")))).isNotNull();
        assertThat(emulator.faults().armedFaults()).isZero();
        assertThat(meters().counted("calsync.sync.failures", "trigger", "push") - failuresBefore).as("failed push passes")
                .isEqualTo(1);
        // The retry came from the failed pass itself: one notification for the change, and no poll in between.
        assertThat(changeNotifications(sourceChannel) - notificationsBefore).isEqualTo(1);
        assertThat(meters().timed("calsync.sync.duration", "trigger", "poll")).isEqualTo(pollsBefore);
    }

    private long changeNotifications(String channelId) {
        return emulator.notifications().deliveredTo(channelId).stream()
                .filter(n -> n.resourceState().equals("exists")).count();
    }

    @Test
    @Order(4)
    void forgedAndUnknownNotificationsAreRejectedAndCounted() throws Exception {
        ChangeChannel channel = channels.all().get(0);
        ChannelTokens tokens = new ChannelTokens(SECRET);
        double rejectedBefore = meters().rejected();

        assertThat(post(null, null, null)).isEqualTo(401);
        assertThat(post(channel.id(), "forged", channel.handle())).isEqualTo(403);
        assertThat(post(channel.id(), tokens.tokenFor(channel.id()), "other-resource")).isEqualTo(403);
        String unknown = UUID.randomUUID().toString();
        assertThat(post(unknown, tokens.tokenFor(unknown), channel.handle())).isEqualTo(404);
        assertThat(post(channel.id(), tokens.tokenFor(channel.id()), channel.handle())).isEqualTo(202);

        double rejected = meters().rejected();
        assertThat(rejected - rejectedBefore).isEqualTo(4);
    }

    @Test
    @Order(5)
    void metricsAndHealthAreExposedWithoutSecrets() throws Exception {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + PORT + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("calsync_api_calls_total{account=\"u0\",kind=\"list\",outcome=\"ok\"}")
                .contains("calsync_quota_used_today").contains("calsync_quota_daily_limit 1000000")
                .contains("calsync_sync_duration_seconds_bucket").contains("calsync_propagation_latency_seconds_bucket")
                .contains("calsync_push_channel_expiry_horizon_seconds").contains("calsync_scheduler_lag_seconds")
                .contains("calsync_push_notifications_received_total{result=\"absorbed\"}")
                .doesNotContain(SECRET).doesNotContain("tok-u0").doesNotContain("change 1");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + PORT + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"db\"").contains("\"google\"").contains("\"status\":\"UP\"")
                .doesNotContain("tok-");
        HttpResponse<String> env = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + PORT + "/actuator/env")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(env.statusCode()).isNotEqualTo(200);
    }

    private int post(String channelId, String token, String resourceId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/webhooks/google"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("X-Goog-Resource-State", "exists");
        if (channelId != null) {
            request.header("X-Goog-Channel-ID", channelId);
        }
        if (token != null) {
            request.header("X-Goog-Channel-Token", token);
        }
        if (resourceId != null) {
            request.header("X-Goog-Resource-ID", resourceId);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).isEmpty();
        return response.statusCode();
    }



    private long blocksOn(String calendarId) {
        return emulator.userListAll(calendarId, false).stream()
                .filter(e -> e.path("extendedProperties").path("private").has("calsync")).count();
    }

    static String account(int u) {
        return "u" + u;
    }

    static String calendar(int u, String suffix) {
        return "u" + u + "-" + suffix + "@push.example";
    }

    static CalendarRef ref(int u, String suffix) {
        return new CalendarRef(account(u), calendar(u, suffix));
    }

    private Meters meters() {
        return new Meters(registry);
    }

}
