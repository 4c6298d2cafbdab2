package dev.calsync.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Graph change-notification subscriptions behind {@link ChangeChannels}: one subscription per calendar on
 * {@code me/calendars/{id}/events} (created, updated, deleted), posting changes and lifecycle notifications to the
 * same webhook. The handle is Graph's subscription id; renewing extends the subscription in place (PATCH).
 *
 * <p>Graph sends back only the subscription id and our {@code clientState}, so the client state carries calsync's
 * channel id with its HMAC ({@code <channel id>.<token>}, {@link ChannelTokens}): any node checks a notification
 * without stored secrets, and a forged one costs no lookup.
 */
public final class MicrosoftChangeChannels implements ChangeChannels {
    public static final String PROVIDER = "microsoft";

    /**
     * The longest lifetime asked for. The subscription documentation gives 4,230 minutes for Outlook events (newer
     * sources say 10,080); staying half an hour under the smaller figure is valid under both and leaves room for a
     * clock that runs ahead of Graph's.
     */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(4_230 - 30);
    /** Graph's limit on {@code clientState}. */
    static final int MAX_CLIENT_STATE = 128;
    /** Graph's validation tokens are about a hundred characters; anything much longer is not Graph's. */
    static final int MAX_VALIDATION_TOKEN = 512;
    private static final int MAX_CHANNEL_ID = 64;
    private static final String CHANGE_TYPES = "created,updated,deleted";
    private static final Set<Integer> GONE = Set.of(404);

    private final GraphHttp http;
    private final ChannelTokens tokens;
    private final Clock clock;

    /** @param graph the adapter whose account tokens, service root, retries, call listener and clock are used */
    public MicrosoftChangeChannels(MicrosoftCalendarProvider graph, ChannelTokens tokens) {
        this.http = graph.http();
        this.clock = graph.clock();
        this.tokens = tokens;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    /** POST {@code subscriptions}; Graph first checks {@code address} with the validation handshake. */
    @Override
    public ChangeChannel open(CalendarRef calendar, String id, String address, Duration ttl) {
        ObjectNode body = GraphHttp.JSON.createObjectNode()
                .put("changeType", CHANGE_TYPES)
                .put("notificationUrl", address)
                .put("lifecycleNotificationUrl", address)
                .put("resource", "me/calendars/" + calendar.calendarId() + "/events")
                .put("expirationDateTime", expiration(ttl).toString())
                .put("clientState", clientState(id));
        JsonNode answer = http.send(calendar, CallKind.WATCH, GraphRequest.post("subscriptions", body)).json();
        String handle = answer.path("id").asText("");
        if (handle.isBlank()) {
            throw GraphFailures.malformed(calendar, CallKind.WATCH, "subscription without id");
        }
        return new ChangeChannel(id, calendar, handle, expiration(calendar, CallKind.WATCH, answer));
    }

    /**
     * PATCH of the expiration, which also reauthorizes the subscription; when Graph no longer has it (removed,
     * expired), a new subscription under {@code newId}.
     */
    @Override
    public ChangeChannel renew(ChangeChannel channel, String newId, String address, Duration ttl) {
        if (channel.pending()) {
            return open(channel.calendar(), newId, address, ttl);
        }
        ObjectNode body = GraphHttp.JSON.createObjectNode().put("expirationDateTime", expiration(ttl).toString());
        GraphAnswer answer = http.send(channel.calendar(), CallKind.WATCH,
                GraphRequest.patch(subscription(channel), body), GONE);
        if (!answer.ok()) {
            return open(channel.calendar(), newId, address, ttl);
        }
        return new ChangeChannel(channel.id(), channel.calendar(), channel.handle(),
                expiration(channel.calendar(), CallKind.WATCH, answer.json()));
    }

    @Override
    public boolean stop(ChangeChannel channel) {
        if (channel.pending()) {
            return false;
        }
        return http.send(channel.calendar(), CallKind.STOP, GraphRequest.delete(subscription(channel)), GONE).ok();
    }

    /**
     * A validation request ({@code ?validationToken=}) gets its token back; anything else must be Graph's
     * {@code {"value":[…]}} batch, each item checked on its own: the client state's HMAC (constant time, before
     * any lookup), the channel it names, and the subscription id Graph gave that channel (a channel still being
     * opened has none yet: its valid HMAC proves the sender). Refused items are reported, never acted on, and do
     * not spoil the authentic ones of the same batch.
     */
    @Override
    public Verification verify(Notification notification, ChannelLookup channels) {
        String validationToken = notification.parameters().get("validationToken");
        if (validationToken != null) {
            return validationToken.isEmpty() || validationToken.length() > MAX_VALIDATION_TOKEN
                    ? Verification.rejected(Rejection.MISSING_FIELDS)
                    : new Verification.Handshake(plainText(validationToken));
        }
        JsonNode items = batch(notification.body());
        if (items == null) {
            return Verification.rejected(Rejection.MISSING_FIELDS);
        }
        List<ChannelSignal> signals = new ArrayList<>();
        List<Rejection> refused = new ArrayList<>();
        for (JsonNode item : items) {
            String subscriptionId = item.path("subscriptionId").asText("");
            String clientState = item.path("clientState").asText("");
            int dot = clientState.lastIndexOf('.');
            if (subscriptionId.isEmpty() || dot <= 0) {
                refused.add(Rejection.MISSING_FIELDS);
                continue;
            }
            String channelId = clientState.substring(0, dot);
            if (channelId.length() > MAX_CHANNEL_ID || !tokens.matches(channelId, clientState.substring(dot + 1))) {
                refused.add(Rejection.BAD_TOKEN);
                continue;
            }
            Optional<ChangeChannel> channel = channels.find(channelId);
            if (channel.isEmpty()) {
                refused.add(Rejection.UNKNOWN_CHANNEL);
            } else if (!(channel.get().pending() || subscriptionId.equals(channel.get().handle()))) {
                refused.add(Rejection.WRONG_RESOURCE);
            } else {
                signals.add(new ChannelSignal(channel.get(), kind(item.path("lifecycleEvent").asText(""))));
            }
        }
        if (signals.isEmpty()) {
            return Verification.rejected(refused.isEmpty() ? Rejection.MISSING_FIELDS : refused.get(0));
        }
        return new Verification.Signals(signals, refused);
    }

    /** What calsync's channel id says inside Graph's {@code clientState}. */
    String clientState(String channelId) {
        if (channelId.length() > MAX_CHANNEL_ID) {
            throw new IllegalArgumentException("channel id longer than " + MAX_CHANNEL_ID);
        }
        return channelId + "." + tokens.tokenFor(channelId);
    }

    private static ChannelSignal.Kind kind(String lifecycleEvent) {
        return switch (lifecycleEvent) {
            case "" -> ChannelSignal.Kind.CHANGED;
            case "reauthorizationRequired" -> ChannelSignal.Kind.RENEWAL_DUE;
            case "subscriptionRemoved" -> ChannelSignal.Kind.REMOVED;
            // "missed", and any lifecycle event newer than this code: something may have changed unseen.
            default -> ChannelSignal.Kind.MISSED;
        };
    }

    private Instant expiration(Duration ttl) {
        Duration lifetime = ttl.compareTo(MAX_LIFETIME) > 0 ? MAX_LIFETIME : ttl;
        return clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant expiration(CalendarRef calendar, CallKind kind, JsonNode subscription) {
        try {
            return OffsetDateTime.parse(subscription.path("expirationDateTime").asText("")).toInstant();
        } catch (DateTimeParseException e) {
            throw GraphFailures.malformed(calendar, kind, "subscription without a readable expirationDateTime");
        }
    }

    private static String subscription(ChangeChannel channel) {
        return "subscriptions/" + GraphRequest.encode(channel.handle());
    }

    /** The {@code value} array of a notification batch, or null when the body is not one. */
    private static JsonNode batch(String body) {
        try {
            JsonNode json = GraphHttp.JSON.readTree(body);
            JsonNode value = json == null ? null : json.get("value");
            return value != null && value.isArray() ? value : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The token as Graph wants it back, but with the characters markup needs escaped: Graph's own tokens have
     * none, so the echo is exact for them, and a crafted one cannot turn our answer into a page (it is sent as
     * text/plain besides).
     */
    static String plainText(String token) {
        StringBuilder out = new StringBuilder(token.length());
        for (char c : token.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "MicrosoftChangeChannels[tokens=***]";
    }
}
