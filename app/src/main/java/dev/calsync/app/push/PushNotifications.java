package dev.calsync.app.push;

import dev.calsync.app.metrics.CalsyncMetrics;
import dev.calsync.store.PushChannelStore;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one notification and decides what it costs. In order: the headers are there, the token is the HMAC of
 * the channel id (constant time; no database read for a forged one), the channel is one of ours and the resource
 * id is the one Google gave it (a channel still being opened has none yet). Then: the channel's first {@code sync} message needs nothing; a change that an own
 * recent write explains is absorbed; anything else enqueues a debounced incremental sync of the calendar.
 * Every outcome is counted; rejections carry no detail to the caller.
 */
public final class PushNotifications {
    private static final Logger LOG = LoggerFactory.getLogger(PushNotifications.class);
    private static final int MAX_CHANNEL_ID = 64;

    /** What the webhook answers: only the status, never why. */
    public enum Verdict {
        ACCEPTED(200), ABSORBED(200), SYNC_MESSAGE(200),
        MISSING_HEADERS(401), BAD_TOKEN(403), UNKNOWN_CHANNEL(404), WRONG_RESOURCE(403), PUSH_OFF(404);

        private final int status;

        Verdict(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }

        public boolean accepted() {
            return status == 200;
        }
    }

    private final ChannelTokens tokens;
    private final PushChannelStore channels;
    private final PushDispatcher dispatcher;
    private final CalsyncMetrics metrics;

    /** @param tokens null when push is off: every notification is then refused */
    public PushNotifications(ChannelTokens tokens, PushChannelStore channels, PushDispatcher dispatcher,
                             CalsyncMetrics metrics) {
        this.tokens = tokens;
        this.channels = channels;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    public Verdict receive(String channelId, String token, String resourceId, String state) {
        Verdict verdict = decide(channelId, token, resourceId, state);
        String name = verdict.name().toLowerCase(java.util.Locale.ROOT);
        if (verdict.accepted()) {
            metrics.notificationReceived(name);
        } else {
            metrics.notificationRejected(name);
            LOG.atDebug().addKeyValue("reason", name).log("push notification rejected: {}", name);
        }
        return verdict;
    }

    private Verdict decide(String channelId, String token, String resourceId, String state) {
        if (tokens == null) {
            return Verdict.PUSH_OFF;
        }
        if (channelId == null || channelId.isBlank() || token == null || token.isBlank()) {
            return Verdict.MISSING_HEADERS;
        }
        if (channelId.length() > MAX_CHANNEL_ID || !tokens.matches(channelId, token)) {
            return Verdict.BAD_TOKEN;
        }
        Optional<PushChannelStore.Channel> channel = channels.find(channelId);
        if (channel.isEmpty()) {
            return Verdict.UNKNOWN_CHANNEL;
        }
        // A channel still being opened has no resource id to compare yet; its valid token proves the sender.
        if (resourceId == null || !(channel.get().pending() || resourceId.equals(channel.get().resourceId()))) {
            return Verdict.WRONG_RESOURCE;
        }
        if ("sync".equals(state)) {
            return Verdict.SYNC_MESSAGE;
        }
        if (channels.absorbEcho(channel.get().calendar())) {
            return Verdict.ABSORBED;
        }
        dispatcher.notified(channel.get().calendar());
        return Verdict.ACCEPTED;
    }
}
