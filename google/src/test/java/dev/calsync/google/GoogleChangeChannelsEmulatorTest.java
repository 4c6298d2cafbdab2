package dev.calsync.google;

import dev.calsync.core.provider.StaticAccessTokens;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.calsync.core.push.ChannelTokens;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.push.ChangeChannel;
import dev.calsync.core.push.ChannelSignal;
import dev.calsync.core.push.Notification;
import dev.calsync.core.push.Rejection;
import dev.calsync.core.push.Verification;
import dev.calsync.emulator.GoogleCalendarEmulator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Google's channels against the emulator, which posts real notifications to a webhook of the test's own. */
class GoogleChangeChannelsEmulatorTest {
    private static final String SECRET = "test-secret-0123456789abcdefghijklmnop";
    private static final String ACCOUNT = "alice";
    private static final CalendarRef CAL = new CalendarRef(ACCOUNT, "alice@example.com");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingCallListener calls = new RecordingCallListener();
    private final BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
    private final Map<String, ChangeChannel> held = new HashMap<>();
    private GoogleCalendarEmulator emulator;
    private HttpServer webhook;
    private GoogleChangeChannels channels;

    @BeforeEach
    void start() throws IOException {
        emulator = GoogleCalendarEmulator.start(0);
        emulator.addAccount(ACCOUNT, "alice-token");
        emulator.addCalendar(ACCOUNT, CAL.calendarId(), "Alice", true);
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/webhooks/google", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            received.add(Notification.ofHeaders(headers));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();
        GoogleCalendarProvider google = GoogleCalendarProvider.builder(StaticAccessTokens.of(ACCOUNT, "alice-token"))
                .rootUrl(emulator.rootUrl()).callListener(calls).build();
        channels = new GoogleChangeChannels(google, new ChannelTokens(SECRET));
    }

    @AfterEach
    void stop() {
        webhook.stop(0);
        emulator.close();
    }

    private String address() {
        return "http://127.0.0.1:" + webhook.getAddress().getPort() + "/webhooks/google";
    }

    private Notification next() throws InterruptedException {
        Notification notification = received.poll(10, TimeUnit.SECONDS);
        assertThat(notification).as("a notification within 10 s").isNotNull();
        return notification;
    }

    private Verification verify(Notification notification) {
        return channels.verify(notification, id -> Optional.ofNullable(held.get(id)));
    }

    @Test
    void openGivesTheResourceAndExpiryAndStopEndsTheChannelOnce() {
        ChangeChannel channel = channels.open(CAL, "chan-1", address(), Duration.ofHours(1));

        assertThat(channel.id()).isEqualTo("chan-1");
        assertThat(channel.calendar()).isEqualTo(CAL);
        assertThat(channel.handle()).isNotBlank();
        assertThat(channel.expiration()).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofHours(2)));
        assertThat(channels.stop(channel)).isTrue();
        assertThat(channels.stop(channel)).as("Google no longer knows it").isFalse();
        assertThat(calls.calls).extracting(RecordingCallListener.Call::kind)
                .containsExactly(CallKind.WATCH, CallKind.STOP, CallKind.STOP);
    }

    @Test
    void theFirstMessageVerifiesAsOpenedAndAChangeAsChangedOfItsChannel() throws InterruptedException {
        ChangeChannel channel = channels.open(CAL, "chan-1", address(), Duration.ofHours(1));
        held.put(channel.id(), channel);

        assertThat(verify(next())).isEqualTo(Verification.signal(channel, ChannelSignal.Kind.OPENED));
        ObjectNode lunch = JSON.createObjectNode().put("summary", "lunch");
        lunch.putObject("start").put("dateTime", "2026-03-02T12:00:00Z");
        lunch.putObject("end").put("dateTime", "2026-03-02T13:00:00Z");
        emulator.userInsert(CAL.calendarId(), lunch);
        assertThat(verify(next())).isEqualTo(Verification.signal(channel, ChannelSignal.Kind.CHANGED));
    }

    @Test
    void renewingOpensAnotherChannelOnTheSameResourceWhileTheOldOneRuns() {
        ChangeChannel old = channels.open(CAL, "chan-1", address(), Duration.ofHours(1));

        ChangeChannel renewed = channels.renew(old, "chan-2", address(), Duration.ofHours(2));

        assertThat(renewed.id()).isEqualTo("chan-2");
        assertThat(renewed.handle()).isEqualTo(old.handle());
        assertThat(renewed.expiration()).isAfter(old.expiration());
        assertThat(emulator.notifications().activeChannels()).isEqualTo(2);
        assertThat(channels.stop(old)).isTrue();
        assertThat(emulator.notifications().activeChannels()).isEqualTo(1);
    }

    @Test
    void incompleteForgedUnknownOrMisdirectedNotificationsAreRejected() {
        ChannelTokens tokens = new ChannelTokens(SECRET);
        ChangeChannel open = new ChangeChannel("chan-1", CAL, "res-1", Instant.now().plusSeconds(3600));
        ChangeChannel opening = new ChangeChannel("chan-2", CAL, null, null);
        held.put(open.id(), open);
        held.put(opening.id(), opening);

        assertThat(verify(headers(null, null, "res-1"))).isEqualTo(Verification.rejected(Rejection.MISSING_FIELDS));
        assertThat(verify(headers("chan-1", " ", "res-1"))).isEqualTo(Verification.rejected(Rejection.MISSING_FIELDS));
        assertThat(verify(headers("chan-1", "forged", "res-1"))).isEqualTo(Verification.rejected(Rejection.BAD_TOKEN));
        assertThat(verify(headers("chan-1", new ChannelTokens(SECRET + "!").tokenFor("chan-1"), "res-1")))
                .as("another installation's token").isEqualTo(Verification.rejected(Rejection.BAD_TOKEN));
        String tooLong = "c".repeat(65);
        assertThat(verify(headers(tooLong, tokens.tokenFor(tooLong), "res-1")))
                .isEqualTo(Verification.rejected(Rejection.BAD_TOKEN));
        assertThat(verify(headers("gone", tokens.tokenFor("gone"), "res-1")))
                .isEqualTo(Verification.rejected(Rejection.UNKNOWN_CHANNEL));
        assertThat(verify(headers("chan-1", tokens.tokenFor("chan-1"), "res-2")))
                .isEqualTo(Verification.rejected(Rejection.WRONG_RESOURCE));
        assertThat(verify(headers("chan-1", tokens.tokenFor("chan-1"), null)))
                .isEqualTo(Verification.rejected(Rejection.WRONG_RESOURCE));

        assertThat(verify(headers("chan-1", tokens.tokenFor("chan-1"), "res-1")))
                .isEqualTo(Verification.signal(open, ChannelSignal.Kind.CHANGED));
        assertThat(verify(headers("chan-2", tokens.tokenFor("chan-2"), "res-9")))
                .as("a channel still being opened has no resource to compare yet")
                .isEqualTo(Verification.signal(opening, ChannelSignal.Kind.CHANGED));
    }

    private static Notification headers(String channelId, String token, String resourceId) {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Goog-Resource-State", "exists");
        if (channelId != null) {
            headers.put("x-goog-channel-id", channelId);
        }
        if (token != null) {
            headers.put("X-Goog-Channel-Token", token);
        }
        if (resourceId != null) {
            headers.put("X-GOOG-RESOURCE-ID", resourceId);
        }
        return Notification.ofHeaders(headers);
    }
}
