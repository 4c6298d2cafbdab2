package dev.calsync.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.graph.store.EventTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SubscriptionTest extends GraphFixture {
    private NotificationReceiver receiver;

    @BeforeEach
    void startReceiver() throws IOException { receiver = new NotificationReceiver(); }

    @AfterEach
    void stopReceiver() { receiver.close(); }

    private ObjectNode subscription(Duration lifetime, boolean lifecycle) {
        ObjectNode s = GraphClient.json("{'changeType':'created,updated,deleted','resource':'/me/calendars/" + work + "/events',"
                + "'clientState':'secret-state'}");
        s.put("notificationUrl", receiver.url("/webhooks/microsoft"));
        if (lifecycle) s.put("lifecycleNotificationUrl", receiver.url("/webhooks/microsoft/lifecycle"));
        s.put("expirationDateTime", EventTime.formatInstant(Instant.now().plus(lifetime)));
        return s;
    }

    private String subscribe(boolean lifecycle) {
        GraphClient.Answer a = alice.post("subscriptions", subscription(Duration.ofDays(2), lifecycle));
        assertThat(a.status()).as(String.valueOf(a.json())).isEqualTo(201);
        return a.json().path("id").asText();
    }

    @Test
    void subscriptionIsCreatedOnlyAfterTheEndpointEchoesTheValidationToken() {
        GraphClient.Answer a = alice.post("subscriptions", subscription(Duration.ofDays(2), false));
        assertThat(a.status()).isEqualTo(201);
        assertThat(a.json().path("clientState").asText()).isEqualTo("secret-state");
        assertThat(a.json().path("resource").asText()).isEqualTo("/me/calendars/" + work + "/events");
        assertThat(receiver.validationTokens()).hasSize(1);
        assertThat(receiver.validationTokens().get(0)).contains(" ");
    }

    @Test
    void endpointThatDoesNotEchoTheTokenGetsNoSubscription() {
        receiver.answerValidation(NotificationReceiver.Validation.WRONG_TOKEN);
        GraphClient.Answer a = alice.post("subscriptions", subscription(Duration.ofDays(2), false));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errorCode()).isEqualTo("InvalidRequest");
        assertThat(a.json().path("error").path("message").asText()).contains("validation request failed");
        assertThat(emulator.subscriptions().activeSubscriptionIds()).isEmpty();
        receiver.answerValidation(NotificationReceiver.Validation.NOT_FOUND);
        assertThat(alice.post("subscriptions", subscription(Duration.ofDays(2), false)).status()).isEqualTo(400);
    }

    @Test
    void everyChangeIsNotifiedWithClientStateAndTheEventId() {
        String subscriptionId = subscribe(false);
        String id = create(work, timed("Planning", "2030-03-04T09:00:00", "2030-03-04T10:00:00")).path("id").asText();
        alice.patch("me/events/" + id, GraphClient.json("{'subject':'Planning 2'}"));
        alice.delete("me/events/" + id);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.notifications().size() == 3);
        JsonNode first = receiver.notifications().get(0);
        assertThat(first.path("subscriptionId").asText()).isEqualTo(subscriptionId);
        assertThat(first.path("clientState").asText()).isEqualTo("secret-state");
        assertThat(first.path("changeType").asText()).isEqualTo("created");
        assertThat(first.path("resourceData").path("id").asText()).isEqualTo(id);
        assertThat(first.path("resource").asText()).endsWith("/Events/" + id);
        assertThat(receiver.notifications().stream().map(n -> n.path("changeType").asText()).toList())
                .containsExactly("created", "updated", "deleted");
    }

    @Test
    void changesOfOtherCalendarsAreNotNotified() {
        subscribe(false);
        create(side, timed("Elsewhere", "2030-03-04T09:00:00", "2030-03-04T10:00:00"));
        String here = create(work, timed("Here", "2030-03-04T09:00:00", "2030-03-04T10:00:00")).path("id").asText();
        // Notifications of a subscription go out in order, so a wrong one would have come first.
        await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.notifications().isEmpty());
        assertThat(receiver.notifications().get(0).path("resourceData").path("id").asText()).isEqualTo(here);
    }

    @Test
    void expiryBeyondTheDocumentedMaximumIsRefusedOnCreateAndRenew() {
        GraphClient.Answer tooLong = alice.post("subscriptions", subscription(Duration.ofMinutes(10_081), false));
        assertThat(tooLong.status()).isEqualTo(400);
        String id = subscribe(false);
        String later = EventTime.formatInstant(Instant.now().plus(Duration.ofDays(6)));
        GraphClient.Answer renewed = alice.patch("subscriptions/" + id, GraphClient.json("{'expirationDateTime':'" + later + "'}"));
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.json().path("expirationDateTime").asText()).isEqualTo(later);
        String tooLate = EventTime.formatInstant(Instant.now().plus(Duration.ofDays(8)));
        assertThat(alice.patch("subscriptions/" + id, GraphClient.json("{'expirationDateTime':'" + tooLate + "'}")).status()).isEqualTo(400);
    }

    @Test
    void deletedSubscriptionNotifiesNoMoreAndIsGoneForItsOwnerOnly() {
        String id = subscribe(false);
        assertThat(bob.delete("subscriptions/" + id).status()).isEqualTo(404);
        assertThat(alice.delete("subscriptions/" + id).status()).isEqualTo(204);
        assertThat(alice.get("subscriptions/" + id).status()).isEqualTo(404);
        create(work, timed("Unheard", "2030-03-04T09:00:00", "2030-03-04T10:00:00"));
        assertThat(emulator.subscriptions().delivered().stream().filter(d -> d.kind().equals("change"))).isEmpty();
    }

    @Test
    void lifecycleNotificationsGoToTheLifecycleUrlAndReauthorizationPausesDelivery() {
        String id = subscribe(true);
        assertThat(receiver.validationTokens()).hasSize(2);
        GraphClient control = new GraphClient(emulator.controlUrl(), null);
        GraphClient.Answer sent = control.post("subscriptions/" + id + "/lifecycle", GraphClient.json("{'lifecycleEvent':'reauthorizationRequired'}"));
        assertThat(sent.json().path("sent").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.notifications().size() == 1);
        assertThat(receiver.notifications().get(0).path("lifecycleEvent").asText()).isEqualTo("reauthorizationRequired");
        assertThat(receiver.notifications().get(0).path("clientState").asText()).isEqualTo("secret-state");
        assertThat(emulator.subscriptions().isPaused(id)).isTrue();
        create(work, timed("While paused", "2030-03-04T09:00:00", "2030-03-04T10:00:00"));
        assertThat(alice.post("subscriptions/" + id + "/reauthorize", GraphClient.json("{}")).status()).isEqualTo(204);
        String after = create(work, timed("After", "2030-03-04T09:00:00", "2030-03-04T10:00:00")).path("id").asText();
        // In order: a notification of the paused time would have come before this one.
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.notifications().size() >= 2);
        assertThat(receiver.notifications().get(1).path("resourceData").path("id").asText()).isEqualTo(after);
    }

    @Test
    void subscriptionRemovedEndsTheSubscription() {
        String id = subscribe(true);
        emulator.subscriptions().lifecycle(id, "subscriptionRemoved");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.notifications().size() == 1);
        assertThat(receiver.notifications().get(0).path("lifecycleEvent").asText()).isEqualTo("subscriptionRemoved");
        assertThat(alice.get("subscriptions/" + id).status()).isEqualTo(404);
    }

    @Test
    void unacknowledgedNotificationIsSentAgain() {
        emulator.subscriptions().setTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(3), 3, Duration.ofMillis(50));
        String id = subscribe(false);
        receiver.failNextNotifications(2);
        create(work, timed("Retried", "2030-03-04T09:00:00", "2030-03-04T10:00:00"));
        // The receiver sees the notification before the emulator has recorded its answer: wait for the record.
        await().atMost(Duration.ofSeconds(10)).until(() -> changeDeliveries(id).size() == 3);
        assertThat(changeDeliveries(id)).containsExactly("1:500", "2:500", "3:202");
        assertThat(receiver.notifications()).hasSize(1);
    }

    private List<String> changeDeliveries(String subscriptionId) {
        return emulator.subscriptions().deliveredTo(subscriptionId).stream().filter(d -> d.kind().equals("change"))
                .map(d -> d.attempt() + ":" + d.httpStatus()).toList();
    }

    @Test
    void unsupportedResourceIsRefused() {
        ObjectNode s = subscription(Duration.ofDays(1), false);
        s.put("resource", "/me/messages");
        assertThat(alice.post("subscriptions", s).status()).isEqualTo(400);
        assertThat(receiver.validationTokens()).isEmpty();
    }
}
