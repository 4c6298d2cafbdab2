package dev.calsync.app.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.app.metrics.CalsyncMetrics;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.push.ChangeChannel;
import dev.calsync.core.push.ChangeChannels;
import dev.calsync.core.push.ChannelLookup;
import dev.calsync.core.push.Notification;
import dev.calsync.core.push.Verification;
import dev.calsync.core.push.ChannelTokens;
import dev.calsync.google.GoogleCalendarProvider;
import dev.calsync.google.GoogleChangeChannels;
import dev.calsync.core.provider.StaticAccessTokens;
import dev.calsync.microsoft.MicrosoftCalendarProvider;
import dev.calsync.microsoft.MicrosoftChangeChannels;
import dev.calsync.push.NotificationIntake;
import dev.calsync.store.Databases;
import dev.calsync.store.PushChannelStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code /webhooks/{provider}} routes each request to its provider's intake, over the store's real registry (H2). */
class WebhookControllerTest {
    private static final String SECRET = "test-webhook-secret-0123456789abcdefghij";
    private static final CalendarRef CAL = new CalendarRef("acct", "cal@example.com");

    private final HikariDataSource dataSource = Databases.open("jdbc:h2:mem:webhook-" + UUID.randomUUID(), "sa", "");
    private final PushChannelStore channels = new PushChannelStore(dataSource, Clock.systemUTC());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CalsyncMetrics metrics = new CalsyncMetrics(registry, false);
    private final List<CalendarRef> debounced = new ArrayList<>();

    @AfterEach
    void close() {
        dataSource.close();
    }

    private NotificationIntake intake(ChangeChannels provider) {
        return new NotificationIntake(provider, channels, channels, debounced::add,
                WebhookController.counting(metrics), Clock.systemUTC());
    }

    private ChangeChannels google() {
        GoogleCalendarProvider google = GoogleCalendarProvider.builder(StaticAccessTokens.of("acct", "token"))
                .rootUrl("http://127.0.0.1:9/").build();
        return new GoogleChangeChannels(google, new ChannelTokens(SECRET));
    }

    private static HttpHeaders googleHeaders(String channelId, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Goog-Channel-ID", channelId);
        headers.add("X-Goog-Channel-Token", token);
        headers.add("X-Goog-Resource-ID", "res-1");
        headers.add("X-Goog-Resource-State", "exists");
        return headers;
    }

    private double counted(String name, String tag, String value) {
        return registry.find(name).tag(tag, value).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void aGoogleNotificationOfOurChannelIsTakenAndOthersAreRefusedWithoutDetail() {
        channels.save(new ChangeChannel("ch-1", CAL, "res-1", Instant.now().plus(Duration.ofDays(7))));
        WebhookController controller = new WebhookController(List.of(intake(google())), metrics);
        String token = new ChannelTokens(SECRET).tokenFor("ch-1");

        ResponseEntity<String> taken = controller.notify("google", googleHeaders("ch-1", token), Map.of(), null);
        assertThat(taken.getStatusCode().value()).isEqualTo(202);
        assertThat(taken.getBody()).isNull();
        assertThat(debounced).containsExactly(CAL);

        assertThat(controller.notify("google", googleHeaders("ch-1", "forged"), Map.of(), null)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(controller.notify("google", new HttpHeaders(), Map.of(), null).getStatusCode().value())
                .isEqualTo(401);
        String other = new ChannelTokens(SECRET).tokenFor("ch-2");
        ResponseEntity<String> unknown = controller.notify("google", googleHeaders("ch-2", other), Map.of(), null);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody()).isNull();
        assertThat(debounced).hasSize(1);
        assertThat(counted("calsync.push.notifications.received", "result", "accepted")).isEqualTo(1);
        assertThat(counted("calsync.push.notifications.rejected", "reason", "bad_token")).isEqualTo(1);
        assertThat(counted("calsync.push.notifications.rejected", "reason", "missing_fields")).isEqualTo(1);
    }

    private ChangeChannels microsoft() {
        MicrosoftCalendarProvider graph = MicrosoftCalendarProvider.builder(
                StaticAccessTokens.of("acct", "token")).graphUrl("http://127.0.0.1:9/").build();
        return new MicrosoftChangeChannels(graph, new ChannelTokens(SECRET));
    }

    private static String graphItem(String subscriptionId, String clientState) {
        return "{\"subscriptionId\":\"" + subscriptionId + "\",\"clientState\":\"" + clientState
                + "\",\"changeType\":\"updated\",\"resource\":\"Users/u/Events/e\"}";
    }

    @Test
    void aGraphBatchIsAcceptedFor202WithItsForgedItemsRefusedAndCounted() {
        channels.save(new ChangeChannel("ch-1", CAL, "sub-1", Instant.now().plus(Duration.ofDays(2))));
        WebhookController controller = new WebhookController(List.of(intake(microsoft())), metrics);
        String ours = "ch-1." + new ChannelTokens(SECRET).tokenFor("ch-1");

        ResponseEntity<String> taken = controller.notify("microsoft", new HttpHeaders(), Map.of(),
                "{\"value\":[" + graphItem("sub-1", ours) + "," + graphItem("sub-1", "ch-1.forged") + "]}");

        assertThat(taken.getStatusCode().value()).isEqualTo(202);
        assertThat(taken.getBody()).isNull();
        assertThat(debounced).containsExactly(CAL);
        assertThat(counted("calsync.push.notifications.rejected", "reason", "bad_token")).isEqualTo(1);

        ResponseEntity<String> forged = controller.notify("microsoft", new HttpHeaders(), Map.of(),
                "{\"value\":[" + graphItem("sub-1", "ch-1.forged") + "]}");
        assertThat(forged.getStatusCode().value()).isEqualTo(403);
        assertThat(forged.getBody()).isNull();
        assertThat(debounced).hasSize(1);
        assertThat(counted("calsync.push.notifications.rejected", "reason", "bad_token")).isEqualTo(2);
    }

    @Test
    void graphsValidationTokenComesBackAsEscapedPlainText() {
        WebhookController controller = new WebhookController(List.of(intake(microsoft())), metrics);

        ResponseEntity<String> answer = controller.notify("microsoft", new HttpHeaders(),
                Map.of("validationToken", "Validation: <b>Request-Id</b> 1"), null);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.TEXT_PLAIN);
        assertThat(answer.getBody()).isEqualTo("Validation: &lt;b&gt;Request-Id&lt;/b&gt; 1");
        assertThat(controller.notify("microsoft", new HttpHeaders(), Map.of("validationToken", "x".repeat(2000)), null)
                .getStatusCode().value()).isEqualTo(401);
        assertThat(debounced).isEmpty();
    }

    @Test
    void aProviderWithoutPushGets404() {
        WebhookController pushOff = new WebhookController(List.of(), metrics);
        assertThat(pushOff.notify("google", googleHeaders("ch-1", "x"), Map.of(), null).getStatusCode().value())
                .isEqualTo(404);
        WebhookController googleOnly = new WebhookController(List.of(intake(google())), metrics);
        assertThat(googleOnly.notify("caldav", new HttpHeaders(), Map.of(), "{}").getStatusCode().value())
                .isEqualTo(404);
        assertThat(counted("calsync.push.notifications.rejected", "reason", "push_off")).isEqualTo(2);
    }

    @Test
    void aHandshakeIsAnsweredWithItsReplyAsText() {
        ChangeChannels handshaking = new ChangeChannels() {
            @Override
            public String provider() {
                return "handshaking";
            }

            @Override
            public ChangeChannel open(CalendarRef calendar, String id, String address, Duration ttl) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ChangeChannel renew(ChangeChannel channel, String newId, String address, Duration ttl) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean stop(ChangeChannel channel) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Verification verify(Notification notification, ChannelLookup lookup) {
                return new Verification.Handshake(notification.parameters().get("validationToken"));
            }
        };
        WebhookController controller = new WebhookController(List.of(intake(handshaking)), metrics);

        ResponseEntity<String> answer = controller.notify("handshaking", new HttpHeaders(),
                Map.of("validationToken", "abc 123"), null);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.TEXT_PLAIN);
        assertThat(answer.getBody()).isEqualTo("abc 123");
    }

    @Test
    void channelsArePointedAtTheirProvidersPath() {
        assertThat(WebhookController.address("https://calsync.example.com", "google"))
                .isEqualTo("https://calsync.example.com/webhooks/google");
        assertThat(WebhookController.address("https://calsync.example.com/base/", "microsoft"))
                .isEqualTo("https://calsync.example.com/base/webhooks/microsoft");
    }
}
