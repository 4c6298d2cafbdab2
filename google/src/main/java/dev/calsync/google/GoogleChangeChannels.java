package dev.calsync.google;

import com.google.api.services.calendar.model.Channel;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.push.ChangeChannel;
import dev.calsync.core.push.ChangeChannels;
import dev.calsync.core.push.ChannelLookup;
import dev.calsync.core.push.ChannelSignal;
import dev.calsync.core.push.ChannelTokens;
import dev.calsync.core.push.Notification;
import dev.calsync.core.push.Rejection;
import dev.calsync.core.push.Verification;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Google's push channels ({@code events.watch}, {@code channels.stop}) behind {@link ChangeChannels}. A channel's
 * token is the HMAC of its id ({@link ChannelTokens}), so any node can check a notification without storing
 * tokens; the handle is Google's resource id. Google cannot extend a channel: renewing opens another one.
 * Notifications say everything in {@code X-Goog-*} headers and carry no body.
 */
public final class GoogleChangeChannels implements ChangeChannels {
    public static final String PROVIDER = "google";

    private static final Set<Integer> STOP_HANDLED = Set.of(404);
    /** Google's limit on channel ids; a longer one cannot be ours, and is refused before any lookup. */
    private static final int MAX_CHANNEL_ID = 64;

    private final GoogleCallExecutor executor;
    private final ChannelTokens tokens;

    /** @param google the adapter whose account tokens, root URL, retries and call listener the channel calls use */
    public GoogleChangeChannels(GoogleCalendarProvider google, ChannelTokens tokens) {
        this.executor = google.executor();
        this.tokens = tokens;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    /** {@code events.watch}, type {@code web_hook}; Google may grant a shorter lifetime than {@code ttl}. */
    @Override
    public ChangeChannel open(CalendarRef calendar, String id, String address, Duration ttl) {
        Channel request = new Channel().setId(id).setType("web_hook").setAddress(address)
                .setToken(tokens.tokenFor(id)).setParams(Map.of("ttl", Long.toString(ttl.toSeconds())));
        Channel opened = executor.send(calendar, CallKind.WATCH,
                client -> client.events().watch(calendar.calendarId(), request).execute());
        if (opened == null || opened.getResourceId() == null) {
            throw GoogleFailures.malformed(calendar, CallKind.WATCH, "channel without resourceId", null);
        }
        Instant expiration = opened.getExpiration() == null ? null : Instant.ofEpochMilli(opened.getExpiration());
        return new ChangeChannel(id, calendar, opened.getResourceId(), expiration);
    }

    /** A new channel under {@code newId}: the old one runs on until it is stopped. */
    @Override
    public ChangeChannel renew(ChangeChannel channel, String newId, String address, Duration ttl) {
        return open(channel.calendar(), newId, address, ttl);
    }

    @Override
    public boolean stop(ChangeChannel channel) {
        Channel request = new Channel().setId(channel.id()).setResourceId(channel.handle());
        var answer = executor.send(new CalendarRef(channel.calendar().accountId(), GoogleCalendarProvider.ALL_CALENDARS),
                CallKind.STOP, STOP_HANDLED, client -> client.channels().stop(request).execute());
        return !answer.refused();
    }

    /**
     * In order: the headers are there, the token is the HMAC of the channel id (constant time, and no lookup for a
     * forged one), the channel is ours, and the resource id is the one Google gave it (a channel still being
     * opened has none yet: its valid token proves the sender). State {@code sync} is the channel's first message.
     */
    @Override
    public Verification verify(Notification notification, ChannelLookup channels) {
        String channelId = notification.header("X-Goog-Channel-ID");
        String token = notification.header("X-Goog-Channel-Token");
        if (channelId == null || channelId.isBlank() || token == null || token.isBlank()) {
            return Verification.rejected(Rejection.MISSING_FIELDS);
        }
        if (channelId.length() > MAX_CHANNEL_ID || !tokens.matches(channelId, token)) {
            return Verification.rejected(Rejection.BAD_TOKEN);
        }
        Optional<ChangeChannel> channel = channels.find(channelId);
        if (channel.isEmpty()) {
            return Verification.rejected(Rejection.UNKNOWN_CHANNEL);
        }
        String resourceId = notification.header("X-Goog-Resource-ID");
        if (resourceId == null || !(channel.get().pending() || resourceId.equals(channel.get().handle()))) {
            return Verification.rejected(Rejection.WRONG_RESOURCE);
        }
        boolean first = "sync".equals(notification.header("X-Goog-Resource-State"));
        return Verification.signal(channel.get(), first ? ChannelSignal.Kind.OPENED : ChannelSignal.Kind.CHANGED);
    }

    @Override
    public String toString() {
        return "GoogleChangeChannels[tokens=***]";
    }
}
