package dev.calsync.emulator;

import com.google.api.services.calendar.model.Channel;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PushNotificationTest extends EmulatorFixture {
    private HttpServer receiver;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private String address;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            headers.put("body-length", Integer.toString(exchange.getRequestBody().readAllBytes().length));
            received.add(headers);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        address = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private Channel watch(String channelId) throws Exception {
        return alice.events().watch(ALICE_CAL, new Channel().setId(channelId).setType("web_hook").setAddress(address).setToken("secret-token")).execute();
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode event(String summary) {
        return Json.parseObject("{\"summary\":\"" + summary + "\",\"start\":{\"dateTime\":\"2030-01-01T10:00:00Z\"},\"end\":{\"dateTime\":\"2030-01-01T11:00:00Z\"}}");
    }

    @Test
    void watchAnswersWithTheChannelAndSendsASyncNotificationThenExistsOnEachChange() throws Exception {
        String channelId = UUID.randomUUID().toString();
        long before = System.currentTimeMillis();

        Channel channel = watch(channelId);

        assertThat(channel.getKind()).isEqualTo("api#channel");
        assertThat(channel.getId()).isEqualTo(channelId);
        assertThat(channel.getResourceId()).isNotBlank();
        assertThat(channel.getToken()).isEqualTo("secret-token");
        assertThat(channel.getExpiration()).isBetween(before + 604_800_000L - 5_000, System.currentTimeMillis() + 604_800_000L);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        Map<String, String> sync = received.get(0);
        assertThat(sync).containsEntry("x-goog-channel-id", channelId)
                .containsEntry("x-goog-channel-token", "secret-token")
                .containsEntry("x-goog-resource-id", channel.getResourceId())
                .containsEntry("x-goog-resource-state", "sync")
                .containsEntry("x-goog-message-number", "1")
                .containsEntry("body-length", "0");
        assertThat(sync.get("x-goog-resource-uri")).contains("/calendar/v3/calendars/");
        assertThat(ZonedDateTime.parse(sync.get("x-goog-channel-expiration"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli() / 1000)
                .isEqualTo(channel.getExpiration() / 1000);

        emulator.userInsert(ALICE_CAL, event("Dentist"));

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertThat(received.get(1)).containsEntry("x-goog-resource-state", "exists").containsEntry("x-goog-message-number", "2");
        assertThat(emulator.notifications().deliveredTo(channelId)).extracting(n -> n.httpStatus()).containsExactly(200, 200);
    }

    @Test
    void withAMergeWindowTheChangesOfOneWindowShareOneNotificationSentOnceTheWindowHasPassed() throws Exception {
        MutableTestClock clock = new MutableTestClock(Instant.parse("2030-01-01T00:00:00Z"));
        emulator.setClock(clock);
        emulator.notifications().setMergeWindow(Duration.ofSeconds(30));
        String channelId = UUID.randomUUID().toString();
        watch(channelId);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1); // sync is never held back

        emulator.userInsert(ALICE_CAL, event("One"));
        clock.advance(Duration.ofSeconds(10));
        emulator.userInsert(ALICE_CAL, event("Two"));
        emulator.notifications().deliverDue();
        assertThat(emulator.notifications().nextMergedDue()).isEqualTo(Instant.parse("2030-01-01T00:00:30Z"));
        assertThat(emulator.notifications().sent()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(20));
        emulator.notifications().deliverDue();
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertThat(received.get(1)).containsEntry("x-goog-resource-state", "exists");
        assertThat(emulator.notifications().merged()).isEqualTo(1);
        assertThat(emulator.notifications().nextMergedDue()).isNull();

        emulator.userInsert(ALICE_CAL, event("Three")); // a new window
        clock.advance(Duration.ofSeconds(30));
        emulator.notifications().deliverDue();
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
        assertThat(emulator.notifications().sent()).isEqualTo(3);
    }

    private static final class MutableTestClock extends Clock {
        private volatile Instant now;

        MutableTestClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void changesOfOtherCalendarsDoNotNotify() throws Exception {
        watch(UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        long sent = emulator.notifications().sent();

        emulator.userInsert(ALICE_TEAM_CAL, event("Elsewhere"));

        assertThat(emulator.notifications().sent()).isEqualTo(sent);
    }

    @Test
    void resourceIdIsStablePerCalendar() throws Exception {
        assertThat(watch("channel-a").getResourceId()).isEqualTo(watch("channel-b").getResourceId());
    }

    @Test
    void channelsStopEndsDelivery() throws Exception {
        Channel channel = watch(UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);

        alice.channels().stop(new Channel().setId(channel.getId()).setResourceId(channel.getResourceId())).execute();
        long sentAfterStop = emulator.notifications().sent();
        emulator.userInsert(ALICE_CAL, event("After stop"));

        assertThat(emulator.notifications().sent()).isEqualTo(sentAfterStop);
        assertThat(emulator.notifications().deliveredTo(channel.getId())).hasSize(1);
        assertThat(emulator.notifications().activeChannels()).isZero();
    }

    @Test
    void stoppingAnUnknownChannelOrAnotherAccountsChannelIsNotFound() throws Exception {
        Channel channel = watch(UUID.randomUUID().toString());

        assertThat(apiError(() -> alice.channels().stop(new Channel().setId("nope").setResourceId("nope")).execute()).getStatusCode()).isEqualTo(404);
        assertThat(apiError(() -> bob.channels().stop(new Channel().setId(channel.getId()).setResourceId(channel.getResourceId())).execute())
                .getStatusCode()).isEqualTo(404);
    }

    @Test
    void expiredChannelsStopDelivering() throws Exception {
        Channel channel = alice.events().watch(ALICE_CAL, new Channel().setId("short-lived").setType("web_hook").setAddress(address)
                .setParams(new HashMap<>(Map.of("ttl", "60")))).execute();
        assertThat(channel.getExpiration()).isLessThanOrEqualTo(System.currentTimeMillis() + 60_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);

        emulator.setClock(Clock.fixed(Instant.now().plus(Duration.ofMinutes(2)), ZoneOffset.UTC));
        long sent = emulator.notifications().sent();
        emulator.userInsert(ALICE_CAL, event("Too late"));

        assertThat(emulator.notifications().sent()).isEqualTo(sent);
        assertThat(emulator.notifications().activeChannels()).isZero();
    }

    @Test
    void invalidChannelsAreBadRequests() {
        assertThat(apiError(() -> alice.events().watch(ALICE_CAL, new Channel().setId("x".repeat(65)).setType("web_hook").setAddress(address)).execute())
                .getStatusCode()).isEqualTo(400);
        assertThat(apiError(() -> alice.events().watch(ALICE_CAL, new Channel().setId("ok").setType("web_hook").setAddress(address).setToken("t".repeat(257))).execute())
                .getStatusCode()).isEqualTo(400);
        assertThat(apiError(() -> alice.events().watch(ALICE_CAL, new Channel().setId("ok").setType("carrier_pigeon").setAddress(address)).execute())
                .getStatusCode()).isEqualTo(400);
    }
}
