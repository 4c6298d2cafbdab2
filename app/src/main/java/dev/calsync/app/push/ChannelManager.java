package dev.calsync.app.push;

import dev.calsync.app.metrics.CalsyncMetrics;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.google.GoogleCalendarProvider;
import dev.calsync.google.WatchChannel;
import dev.calsync.store.ClusterQueries;
import dev.calsync.store.PushChannelStore;
import dev.calsync.store.PushChannelStore.Channel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one open channel per source calendar: opens channels for calendars that have none, renews a channel before
 * it expires (the new channel first, then the old one stopped, so no notification falls between them), and stops
 * the channels of calendars that left every group. Runs as one db-scheduler task, so on one node at a time.
 */
public final class ChannelManager {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelManager.class);

    /** What one round did. */
    public record Round(int opened, int renewed, int stopped, int failed) {
    }

    private final GoogleCalendarProvider google;
    private final PushChannelStore channels;
    private final ClusterQueries queries;
    private final ChannelTokens tokens;
    private final String address;
    private final PushProperties properties;
    private final CalsyncMetrics metrics;
    private final Clock clock;

    public ChannelManager(GoogleCalendarProvider google, PushChannelStore channels, ClusterQueries queries,
                          ChannelTokens tokens, String address, PushProperties properties, CalsyncMetrics metrics,
                          Clock clock) {
        this.google = google;
        this.channels = channels;
        this.queries = queries;
        this.tokens = tokens;
        this.address = address;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The webhook address channels are opened with: {@code push.publicUrl} + {@code webhooks/google}. */
    public static String address(String publicUrl) {
        return (publicUrl.endsWith("/") ? publicUrl : publicUrl + "/") + PushProperties.WEBHOOK_PATH;
    }

    public Round maintain() {
        Set<CalendarRef> watched = queries.calendarsInGroups();
        Map<CalendarRef, List<Channel>> byCalendar = new LinkedHashMap<>();
        for (Channel channel : channels.all()) {
            if (channel.pending()) {
                // An opening whose watch never answered (a crash, a lost response). Without a resource id it cannot
                // be stopped: it runs out by itself, and its notifications find no channel meanwhile.
                channels.delete(channel.channelId());
                continue;
            }
            byCalendar.computeIfAbsent(channel.calendar(), c -> new ArrayList<>()).add(channel);
        }
        Instant renewAt = clock.instant().plus(properties.renewBefore());
        int opened = 0;
        int renewed = 0;
        int stopped = 0;
        int failed = 0;
        for (Map.Entry<CalendarRef, List<Channel>> entry : byCalendar.entrySet()) {
            if (!watched.contains(entry.getKey())) {
                for (Channel channel : entry.getValue()) {
                    stopped += stop(channel, "calendar left all groups") ? 1 : 0;
                }
            }
        }
        for (CalendarRef calendar : watched) {
            List<Channel> existing = new ArrayList<>(byCalendar.getOrDefault(calendar, List.of()));
            existing.sort(Comparator.comparing(ChannelManager::expiresAt));
            Channel newest = existing.isEmpty() ? null : existing.get(existing.size() - 1);
            boolean due = newest == null || expiresAt(newest).isBefore(renewAt);
            if (due) {
                if (open(calendar)) {
                    if (newest == null) {
                        opened++;
                    } else {
                        renewed++;
                    }
                } else {
                    failed++;
                    continue; // keep the old channel while it lasts; the next round tries again
                }
            } else {
                existing.remove(newest);
            }
            // Everything but the channel that stays: the one just replaced, leftovers of an interrupted renewal.
            for (Channel old : existing) {
                stop(old, due ? "renewed" : "superseded");
            }
        }
        if (opened + renewed + stopped + failed > 0) {
            LOG.atInfo().addKeyValue("opened", opened).addKeyValue("renewed", renewed)
                    .addKeyValue("stopped", stopped).addKeyValue("failed", failed)
                    .log("push channels: {} opened, {} renewed, {} stopped, {} failed", opened, renewed, stopped,
                            failed);
        }
        channels.purgeExpiredEchoes();
        return new Round(opened, renewed, stopped, failed);
    }

    private boolean open(CalendarRef calendar) {
        String id = UUID.randomUUID().toString();
        // Filed first: Google may send the channel's first message before the watch call has answered.
        channels.opening(id, calendar);
        try {
            WatchChannel channel = google.watch(calendar, id, address, tokens.tokenFor(id),
                    properties.channelTtl().toSeconds());
            channels.opened(id, channel.resourceId(), channel.expiration());
            metrics.channelOperation("open", "ok");
            return true;
        } catch (ProviderException e) {
            channels.delete(id);
            metrics.channelOperation("open", "failed");
            LOG.atWarn().addKeyValue("calendar", calendar.key())
                    .log("could not open a push channel for {}: {} (it is polled meanwhile)", calendar.key(),
                            e.getMessage());
            return false;
        }
    }

    private boolean stop(Channel channel, String why) {
        try {
            google.stopChannel(channel.calendar().accountId(), channel.channelId(), channel.resourceId());
            metrics.channelOperation("stop", "ok");
        } catch (ProviderException e) {
            // It runs out by itself; its notifications meanwhile find no channel and are refused.
            metrics.channelOperation("stop", "failed");
            LOG.atWarn().log("could not stop push channel of {} ({}): {}", channel.calendar().key(), why,
                    e.getMessage());
        }
        return channels.delete(channel.channelId());
    }

    private static Instant expiresAt(Channel channel) {
        return channel.expiration() != null ? channel.expiration() : Instant.MAX;
    }
}
