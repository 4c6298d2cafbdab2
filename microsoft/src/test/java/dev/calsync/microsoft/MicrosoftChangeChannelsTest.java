package dev.calsync.microsoft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.push.ChangeChannel;
import dev.calsync.core.push.ChannelSignal;
import dev.calsync.core.push.ChannelTokens;
import dev.calsync.core.push.Notification;
import dev.calsync.core.push.Rejection;
import dev.calsync.core.push.Verification;
import dev.calsync.emulator.graph.push.DeliveredNotification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subscriptions on the Graph emulator, with a webhook that answers through {@link MicrosoftChangeChannels#verify}. */
class MicrosoftChangeChannelsTest {
    private static final String SECRET = "a-push-secret-of-at-least-32-characters";
    private static final Duration WEEK = Duration.ofDays(7);

    private GraphFixture graph;
    private MicrosoftChangeChannels channels;
    private final Map<String, ChangeChannel> registry = new ConcurrentHashMap<>();
    private WebhookReceiver webhook;
    private CalendarRef calendar;

    @BeforeEach
    void start() throws Exception {
        graph = GraphFixture.start();
        channels = new MicrosoftChangeChannels(graph.provider(), new ChannelTokens(SECRET));
        webhook = new WebhookReceiver(notification -> channels.verify(notification,
                id -> Optional.ofNullable(registry.get(id))));
        calendar = graph.newCalendar();
    }

    @AfterEach
    void stop() {
        webhook.close();
        graph.close();
    }

    @Test
    void aSubscriptionWatchesTheCalendarsEventsAndItsChangesArriveAsSignals() {
        Instant before = Instant.now();
        ChangeChannel channel = open(WEEK);

        assertThat(graph.emulator().subscriptions().activeSubscriptionIds()).containsExactly(channel.handle());
        JsonNode subscription = graph.emulator().subscriptions().toJson().path("subscriptions").get(0);
        assertThat(subscription.path("resource").asText()).isEqualTo("me/calendars/" + calendar.calendarId() + "/events");
        // Graph checked both URLs with the handshake, and our webhook passed.
        assertThat(graph.emulator().subscriptions().deliveredTo(channel.handle()))
                .filteredOn(d -> d.kind().equals("validation")).extracting(DeliveredNotification::httpStatus)
                .containsExactly(200, 200);
        // A week was asked for; Graph documents at most 4,230 minutes for events.
        assertThat(channel.expiration()).isBefore(before.plus(Duration.ofMinutes(4_230)))
                .isAfter(before.plus(Duration.ofMinutes(4_100)));

        graph.personAdds(calendar, "Dentist", Instant.parse("2026-12-10T09:00:00Z"),
                Instant.parse("2026-12-10T10:00:00Z"));

        await().atMost(Duration.ofSeconds(10)).until(() -> signals().contains(
                new ChannelSignal(channel, ChannelSignal.Kind.CHANGED)));
        assertThat(graph.emulator().subscriptions().deliveredTo(channel.handle()))
                .filteredOn(d -> d.kind().equals("change")).extracting(DeliveredNotification::httpStatus)
                .containsOnly(202);
    }

    @Test
    void renewalExtendsTheSameSubscriptionAndEndsAReauthorizationPause() {
        ChangeChannel channel = open(Duration.ofHours(1));
        graph.emulator().subscriptions().lifecycle(channel.handle(), "reauthorizationRequired");
        await().atMost(Duration.ofSeconds(10)).until(() -> signals().contains(
                new ChannelSignal(channel, ChannelSignal.Kind.RENEWAL_DUE)));
        assertThat(graph.emulator().subscriptions().isPaused(channel.handle())).isTrue();

        ChangeChannel renewed = channels.renew(channel, UUID.randomUUID().toString(), webhook.address(), WEEK);

        assertThat(renewed.id()).isEqualTo(channel.id());
        assertThat(renewed.handle()).isEqualTo(channel.handle());
        assertThat(renewed.expiration()).isAfter(channel.expiration().plus(Duration.ofHours(24)));
        assertThat(graph.emulator().subscriptions().isPaused(channel.handle())).isFalse();
        assertThat(graph.emulator().subscriptions().activeSubscriptionIds()).containsExactly(channel.handle());
    }

    @Test
    void aRemovedSubscriptionIsReportedAndRenewingItOpensANewOne() {
        ChangeChannel channel = open(WEEK);
        graph.emulator().subscriptions().lifecycle(channel.handle(), "subscriptionRemoved");
        await().atMost(Duration.ofSeconds(10)).until(() -> signals().contains(
                new ChannelSignal(channel, ChannelSignal.Kind.REMOVED)));

        String newId = UUID.randomUUID().toString();
        registry.put(newId, new ChangeChannel(newId, calendar, null, null));
        ChangeChannel replacement = channels.renew(channel, newId, webhook.address(), WEEK);

        assertThat(replacement.id()).isEqualTo(newId);
        assertThat(replacement.handle()).isNotEqualTo(channel.handle());
        assertThat(graph.emulator().subscriptions().activeSubscriptionIds()).containsExactly(replacement.handle());
    }

    @Test
    void missedNotificationsAreReportedAsSuch() {
        ChangeChannel channel = open(WEEK);
        graph.emulator().subscriptions().lifecycle(channel.handle(), "missed");
        await().atMost(Duration.ofSeconds(10)).until(() -> signals().contains(
                new ChannelSignal(channel, ChannelSignal.Kind.MISSED)));
    }

    @Test
    void stoppingDeletesTheSubscriptionAndASecondStopFindsNothing() {
        ChangeChannel channel = open(WEEK);

        assertThat(channels.stop(channel)).isTrue();
        assertThat(graph.emulator().subscriptions().activeSubscriptionIds()).isEmpty();
        assertThat(channels.stop(channel)).isFalse();
    }

    @Test
    void forgedItemsAreRefusedAndDoNotSpoilTheAuthenticOnesOfTheirBatch() {
        ChangeChannel channel = open(WEEK);
        String ours = channels.clientState(channel.id());
        String otherInstallation = new MicrosoftChangeChannels(graph.provider(),
                new ChannelTokens("another-installation-secret-32-chars!!")).clientState(channel.id());
        String unknown = channels.clientState(UUID.randomUUID().toString());

        Verification batch = verify("{\"value\":["
                + item(channel.handle(), ours) + ","
                + item(channel.handle(), otherInstallation) + ","
                + item(channel.handle(), channel.id() + ".forged") + ","
                + item(channel.handle(), unknown) + ","
                + item("another-subscription", ours) + ","
                + "{\"subscriptionId\":\"" + channel.handle() + "\"}]}");

        assertThat(batch).isEqualTo(new Verification.Signals(
                List.of(new ChannelSignal(channel, ChannelSignal.Kind.CHANGED)),
                List.of(Rejection.BAD_TOKEN, Rejection.BAD_TOKEN, Rejection.UNKNOWN_CHANNEL,
                        Rejection.WRONG_RESOURCE, Rejection.MISSING_FIELDS)));
        assertThat(verify("{\"value\":[" + item(channel.handle(), otherInstallation) + "]}"))
                .isEqualTo(new Verification.Rejected(Rejection.BAD_TOKEN));
        assertThat(verify("<html>not json</html>")).isEqualTo(new Verification.Rejected(Rejection.MISSING_FIELDS));
        assertThat(verify("{\"value\":[]}")).isEqualTo(new Verification.Rejected(Rejection.MISSING_FIELDS));
    }

    @Test
    void aNotificationBeforeTheOpenCallAnsweredIsTakenOnItsClientStateAlone() {
        String id = UUID.randomUUID().toString();
        ChangeChannel pending = new ChangeChannel(id, calendar, null, null);
        registry.put(id, pending);

        assertThat(verify("{\"value\":[" + item("not-yet-known", channels.clientState(id)) + "]}"))
                .isEqualTo(Verification.signal(pending, ChannelSignal.Kind.CHANGED));
    }

    @Test
    void theValidationTokenComesBackAsPlainTextWithMarkupEscapedAndWithinALimit() {
        assertThat(handshake("Validation: Testing client application reachability Request-Id: 42"))
                .isEqualTo(new Verification.Handshake("Validation: Testing client application reachability Request-Id: 42"));
        assertThat(handshake("<script>alert('x')</script>&"))
                .isEqualTo(new Verification.Handshake("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;"));
        assertThat(handshake("x".repeat(MicrosoftChangeChannels.MAX_VALIDATION_TOKEN + 1)))
                .isEqualTo(new Verification.Rejected(Rejection.MISSING_FIELDS));
    }

    @Test
    void theClientStateFitsGraphsLimit() {
        String longestId = "x".repeat(64);
        assertThat(channels.clientState(longestId)).hasSizeLessThanOrEqualTo(MicrosoftChangeChannels.MAX_CLIENT_STATE);
    }

    /** Files the channel before opening it, as calsync's channel keeper does. */
    private ChangeChannel open(Duration ttl) {
        String id = UUID.randomUUID().toString();
        registry.put(id, new ChangeChannel(id, calendar, null, null));
        ChangeChannel channel = channels.open(calendar, id, webhook.address(), ttl);
        registry.put(id, channel);
        return channel;
    }

    private List<ChannelSignal> signals() {
        return webhook.received().stream().filter(Verification.Signals.class::isInstance)
                .flatMap(v -> ((Verification.Signals) v).signals().stream()).toList();
    }

    private Verification verify(String body) {
        return channels.verify(new Notification(Map.of(), Map.of(), body), id -> Optional.ofNullable(registry.get(id)));
    }

    private Verification handshake(String token) {
        return channels.verify(new Notification(Map.of(), Map.of("validationToken", token), ""),
                id -> Optional.empty());
    }

    private static String item(String subscriptionId, String clientState) {
        return "{\"subscriptionId\":\"" + subscriptionId + "\",\"clientState\":\"" + clientState
                + "\",\"changeType\":\"updated\",\"resource\":\"Users/u/Events/e\"}";
    }
}
