package dev.calsync.app.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.app.accounts.EncryptionKey;
import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.app.config.ConfigLoader;
import dev.calsync.app.fixtures.FreePorts;
import dev.calsync.app.fixtures.OidcTestServer;
import dev.calsync.app.server.CalsyncWebApplication;
import dev.calsync.app.server.ServerSettings;
import dev.calsync.core.block.BlockIds;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.push.ChangeChannel;
import dev.calsync.core.push.ChannelTokens;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.emulator.graph.GraphEmulator;
import dev.calsync.emulator.graph.push.DeliveredNotification;
import dev.calsync.store.PushChannelStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
 * Microsoft push end to end in one JVM: {@code serve} on a real port with {@code push.publicUrl} pointing at itself,
 * the Graph emulator creating subscriptions (after the validation handshake with {@code /webhooks/microsoft}) and
 * POSTing real change and lifecycle notifications. Alice's group: a Google calendar and two Outlook calendars.
 * Polling is an hour apart, so every block that appears during the measurement came through a notification.
 */
@SpringBootTest(classes = {CalsyncWebApplication.class, MicrosoftPushEndToEndTest.Server.class},
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"logging.level.dev.calsync=WARN", "calsync.push.debounce=300ms",
                "calsync.cluster.plan-interval=2s", "calsync.cluster.failure-retry=1s",
                "calsync.push.secret=" + MicrosoftPushEndToEndTest.SECRET})
@ActiveProfiles("serve")
@AutoConfigureObservability
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MicrosoftPushEndToEndTest {
    static final String SECRET = "test-push-secret-microsoft-0123456789abcdef";
    static final int PORT = FreePorts.any();
    static final String GOOGLE = "alice@work.example";
    private static final ObjectMapper JSON = new ObjectMapper();

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
            emulator.addAccount("work", "work-token");
            emulator.addCalendar("work", GOOGLE, "Work", true);
            return emulator;
        }

        @Bean(destroyMethod = "close")
        GraphEmulator graph(GoogleCalendarEmulator emulator) {
            GraphEmulator graph = GraphEmulator.mount(emulator.httpServer(), GraphEmulator.DEFAULT_BASE_PATH);
            graph.addMailbox("m365", "m365-token", "Alice", "alice@contoso.example", "Europe/Berlin");
            graph.addCalendar("m365", "Calendar", true);
            graph.addCalendar("m365", "Team", false);
            return graph;
        }

        @Bean
        ServerSettings serverSettings(GoogleCalendarEmulator emulator, GraphEmulator graph, MockOAuth2Server oauth) {
            List<String> outlook = graph.calendarIdsOf("m365");
            String yaml = """
                    storage: {url: "jdbc:h2:mem:ms-push-%s"}
                    google: {rootUrl: "%s"}
                    microsoft: {graphUrl: "%s"}
                    sync: {pollInterval: 1h}
                    push: {publicUrl: "http://127.0.0.1:%d/"}
                    oauth: {issuerUri: "%s", clientId: test}
                    accounts:
                      - {id: work, accessToken: work-token, owner: alice}
                      - {id: m365, provider: microsoft, accessToken: m365-token, owner: alice}
                    groups:
                      - id: alice
                        owner: alice
                        calendars:
                          - {account: work, calendar: "%s"}
                          - {account: m365, calendar: "%s"}
                          - {account: m365, calendar: "%s"}
                    """.formatted(UUID.randomUUID(), emulator.rootUrl(), graph.graphUrl(), PORT,
                    oauth.issuerUrl("google"), GOOGLE, outlook.get(0), outlook.get(1));
            CalsyncConfig config = new ConfigLoader(Map.of()).parse(yaml, "microsoft push test");
            return new ServerSettings(config, EncryptionKey.random(), ServerSettings.Mode.SERVE, PORT);
        }
    }

    @Autowired
    GoogleCalendarEmulator google;
    @Autowired
    GraphEmulator graph;
    @Autowired
    MeterRegistry registry;
    @Autowired
    PushChannelStore channels;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Order(1)
    void anOutlookChangeReachesTheOtherCalendarsThroughGraphsNotificationWithNoPoll() {
        subscriptionsOpen();
        await().atMost(Duration.ofSeconds(90)).until(() -> passes("poll") >= 3);
        // The validation handshake of each subscription's two URLs was answered.
        assertThat(graph.subscriptions().delivered()).filteredOn(d -> d.kind().equals("validation"))
                .extracting(DeliveredNotification::httpStatus).hasSizeGreaterThanOrEqualTo(4).containsOnly(200);
        double pollsBefore = passes("poll");
        double pushBefore = passes("push");
        double absorbedBefore = meters().counted("calsync.push.notifications.received", "result", "absorbed");

        List<Double> latencies = new ArrayList<>();
        int changes = 10;
        for (int i = 0; i < changes; i++) {
            long started = System.nanoTime();
            Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1 + i));
            String eventId = graph.userCreate(outlook(0), outlookEvent("change " + i, start)).get("id").asText();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(() ->
                    google.userGet(GOOGLE, BlockIds.of("alice", m365(0), eventId, work())) != null
                            && blocksAt(outlook(1), start) == 1);
            latencies.add((System.nanoTime() - started) / 1e6);
        }
        Collections.sort(latencies);
        System.out.printf("calsync microsoft push propagation: %d changes, p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                changes, latencies.get(changes / 2), latencies.get((int) Math.ceil(changes * 0.95) - 1),
                latencies.get(changes - 1));

        assertThat(passes("poll")).as("no poll ran in between").isEqualTo(pollsBefore);
        assertThat(passes("push") - pushBefore).as("push passes")
                .isGreaterThanOrEqualTo(changes / 2.0);
        // Each block written to the Team calendar came back as a Graph notification, and was absorbed.
        await().atMost(Duration.ofSeconds(5)).until(() ->
                meters().counted("calsync.push.notifications.received", "result", "absorbed") - absorbedBefore >= changes);
    }

    @Test
    @Order(2)
    void forgedNotificationsAreRefusedAndCountedAndSyncNothing() throws Exception {
        ChangeChannel channel = microsoftChannels().get(0);
        String ours = channel.id() + "." + new ChannelTokens(SECRET).tokenFor(channel.id());
        String otherSecret = channel.id() + "." + new ChannelTokens("an-attacker-guessing-a-secret-0123456789")
                .tokenFor(channel.id());
        double pushBefore = passes("push");
        double rejectedBefore = meters().rejected();

        assertThat(post(batch(channel.handle(), otherSecret))).isEqualTo(403);
        assertThat(post(batch(channel.handle(), channel.id() + ".forged"))).isEqualTo(403);
        assertThat(post(batch("another-subscription", ours))).isEqualTo(403);
        assertThat(post("{\"value\":[{\"subscriptionId\":\"" + channel.handle() + "\"}]}")).isEqualTo(401);
        assertThat(post("<html>")).isEqualTo(401);

        assertThat(meters().rejected() - rejectedBefore).isEqualTo(5);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> passes("push") == pushBefore);
    }

    @Test
    @Order(3)
    void theValidationHandshakeIsAnsweredAsPlainText() throws Exception {
        String token = "Validation: Testing client application reachability for subscription Request-Id: 42";
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(webhook() + "?validationToken="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .header("Content-Type", "text/plain; charset=utf-8").POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(answer.body()).isEqualTo(token);
    }

    @Test
    @Order(4)
    void aReauthorizationIsAnsweredByARenewalAtOnceAndAChangeMadeWhileNotificationsPausedIsReadAfter() {
        ChangeChannel channel = microsoftChannels().stream().filter(c -> c.calendar().equals(m365(0)))
                .findFirst().orElseThrow();
        Instant expiresBefore = channel.expiration();
        double pollsBefore = passes("poll");
        graph.subscriptions().lifecycle(channel.handle(), "reauthorizationRequired");
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(20));
        String eventId = graph.userCreate(outlook(0), outlookEvent("while paused", start)).get("id").asText();
        assertThat(graph.subscriptions().isPaused(channel.handle()))
                .as("the change was made while Graph held back notifications: none is sent for it").isTrue();

        // The ten-minute channel round is brought forward, and renews the same subscription by PATCH.
        await().atMost(Duration.ofSeconds(20)).until(() -> !graph.subscriptions().isPaused(channel.handle())
                && channels.find(channel.id()).map(c -> c.expiration().isAfter(expiresBefore)).orElse(false));
        assertThat(graph.subscriptions().activeSubscriptionIds()).contains(channel.handle());
        // Then the calendar is read: the change reaches the other calendars with polling an hour away.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() ->
                google.userGet(GOOGLE, BlockIds.of("alice", m365(0), eventId, work())) != null
                        && blocksAt(outlook(1), start) == 1);
        assertThat(passes("poll")).as("no poll ran in between").isEqualTo(pollsBefore);
    }

    @Test
    @Order(5)
    void aRemovedSubscriptionIsReplacedAndTheCalendarRead() {
        ChangeChannel channel = microsoftChannels().stream().filter(c -> c.calendar().equals(m365(1)))
                .findFirst().orElseThrow();
        double pushBefore = passes("push");
        graph.subscriptions().lifecycle(channel.handle(), "subscriptionRemoved");

        await().atMost(Duration.ofSeconds(20)).until(() -> microsoftChannels().stream()
                .anyMatch(c -> c.calendar().equals(m365(1)) && !c.pending() && !c.id().equals(channel.id())));
        subscriptionsOpen();
        assertThat(graph.subscriptions().activeSubscriptionIds()).doesNotContain(channel.handle());
        await().atMost(Duration.ofSeconds(10)).until(() -> passes("push") > pushBefore);
    }

    @Test
    @Order(6)
    void missedNotificationsGiveARead() {
        ChangeChannel channel = microsoftChannels().get(0);
        double pushBefore = passes("push");
        graph.subscriptions().lifecycle(channel.handle(), "missed");

        await().atMost(Duration.ofSeconds(10)).until(() -> passes("push") > pushBefore);
        assertThat(meters().counted("calsync.push.notifications.received", "result", "missed")).isGreaterThanOrEqualTo(1);
    }

    /** One subscription per Outlook calendar, each filed with its Graph id (and Google's channel for its own). */
    private void subscriptionsOpen() {
        await().atMost(Duration.ofSeconds(90)).until(() -> graph.subscriptions().activeSubscriptionIds().size() == 2
                && microsoftChannels().stream().filter(c -> !c.pending()).count() == 2
                && graph.subscriptions().activeSubscriptionIds().containsAll(
                        microsoftChannels().stream().map(ChangeChannel::handle).toList()));
    }

    private List<ChangeChannel> microsoftChannels() {
        return channels.all().stream().filter(c -> c.calendar().accountId().equals("m365")).toList();
    }

    private ObjectNode outlookEvent(String subject, Instant start) {
        ObjectNode event = JSON.createObjectNode().put("subject", subject);
        event.putObject("start").put("dateTime", LocalDateTime.ofInstant(start, ZoneOffset.UTC).toString())
                .put("timeZone", "UTC");
        event.putObject("end").put("dateTime", LocalDateTime.ofInstant(start.plus(Duration.ofHours(1)),
                ZoneOffset.UTC).toString()).put("timeZone", "UTC");
        return event;
    }

    /** Blocks (our subject, "Busy") starting at {@code start} on an Outlook calendar. */
    private long blocksAt(String calendarId, Instant start) {
        return graph.userCalendarView(calendarId, start, start.plus(Duration.ofHours(1))).stream()
                .filter(e -> e.path("subject").asText().equals("Busy")).count();
    }

    private String outlook(int index) {
        return graph.calendarIdsOf("m365").get(index);
    }

    private CalendarRef m365(int index) {
        return new CalendarRef("m365", outlook(index));
    }

    private static CalendarRef work() {
        return new CalendarRef("work", GOOGLE);
    }

    private static String batch(String subscriptionId, String clientState) {
        return "{\"value\":[{\"subscriptionId\":\"" + subscriptionId + "\",\"clientState\":\"" + clientState
                + "\",\"changeType\":\"updated\",\"resource\":\"Users/u/Events/e\",\"tenantId\":\"t\"}]}";
    }

    private static String webhook() {
        return "http://127.0.0.1:" + PORT + "/webhooks/microsoft";
    }

    private int post(String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(webhook()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).isEmpty();
        return response.statusCode();
    }




    private Meters meters() {
        return new Meters(registry);
    }

    private double passes(String trigger) {
        return meters().timed("calsync.sync.duration", "trigger", trigger);
    }

}
