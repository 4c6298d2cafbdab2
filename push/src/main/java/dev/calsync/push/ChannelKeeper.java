package dev.calsync.push;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.core.push.ChangeChannel;
import dev.calsync.core.push.ChangeChannels;
import dev.calsync.core.push.ChannelRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps one open channel per watched calendar, one round at a time: opens channels for calendars that have none,
 * renews a channel once it expires within {@code renewBefore} (a replacement is opened first and the old channel
 * stopped after, so no notification falls between them), and stops the channels of calendars no longer watched.
 * Every channel is filed before its open call, so that a notification arriving before the answer finds it. One
 * round at a time, on one node at a time: the caller's scheduling sees to that.
 */
public final class ChannelKeeper {
    private static final System.Logger LOG = System.getLogger(ChannelKeeper.class.getName());

    /**
     * What one round did.
     *
     * @param uncovered the calendars whose channel this round opened or renewed after none of theirs was live (never
     *                  opened, run out, or pulled due by the provider, which may pause notifications until then):
     *                  changes in that gap may have notified nobody, so each is to be read once now that its channel
     *                  is open again
     */
    public record Round(int opened, int renewed, int stopped, int failed, List<CalendarRef> uncovered) {
        public Round {
            uncovered = List.copyOf(uncovered);
        }
    }

    /** Told of every call to the provider, for metrics: {@code operation} is open, renew or stop. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (operation, succeeded) -> { };

        void called(String operation, boolean succeeded);
    }

    private final ChangeChannels provider;
    private final ChannelRegistry registry;
    private final Supplier<Set<CalendarRef>> watched;
    private final String address;
    private final Duration ttl;
    private final Duration renewBefore;
    private final Listener listener;
    private final Clock clock;

    /**
     * @param watched the calendars that should have a channel now (the source calendars of every group)
     * @param address where the provider is to post notifications
     */
    public ChannelKeeper(ChangeChannels provider, ChannelRegistry registry, Supplier<Set<CalendarRef>> watched,
                         String address, PushTiming timing, Listener listener, Clock clock) {
        this.provider = provider;
        this.registry = registry;
        this.watched = watched;
        this.address = address;
        this.ttl = timing.channelTtl();
        this.renewBefore = timing.renewBefore();
        this.listener = listener;
        this.clock = clock;
    }

    public Round maintain() {
        Set<CalendarRef> calendars = watched.get();
        Map<CalendarRef, List<ChangeChannel>> byCalendar = new LinkedHashMap<>();
        for (ChangeChannel channel : registry.all()) {
            if (channel.pending()) {
                // An opening whose call never answered (a crash, a lost response). Without a handle it cannot be
                // stopped: it runs out by itself, and its notifications find no channel meanwhile.
                registry.delete(channel.id());
                continue;
            }
            byCalendar.computeIfAbsent(channel.calendar(), c -> new ArrayList<>()).add(channel);
        }
        Instant now = clock.instant();
        Instant renewAt = now.plus(renewBefore);
        List<CalendarRef> uncovered = new ArrayList<>();
        int opened = 0;
        int renewed = 0;
        int stopped = 0;
        int failed = 0;
        for (Map.Entry<CalendarRef, List<ChangeChannel>> entry : byCalendar.entrySet()) {
            if (!calendars.contains(entry.getKey())) {
                for (ChangeChannel channel : entry.getValue()) {
                    stopped += stop(channel, "calendar no longer watched") ? 1 : 0;
                }
            }
        }
        for (CalendarRef calendar : calendars) {
            List<ChangeChannel> existing = new ArrayList<>(byCalendar.getOrDefault(calendar, List.of()));
            existing.sort(Comparator.comparing(ChannelKeeper::expiresAt));
            ChangeChannel newest = existing.isEmpty() ? null : existing.get(existing.size() - 1);
            String keep;
            if (newest == null || expiresAt(newest).isBefore(renewAt)) {
                ChangeChannel current = newest == null ? open(calendar) : renew(newest);
                if (current == null) {
                    failed++;
                    continue; // keep the old channel while it lasts; the next round tries again
                }
                if (newest == null) {
                    opened++;
                } else {
                    renewed++;
                }
                if (newest == null || !expiresAt(newest).isAfter(now)) {
                    uncovered.add(calendar);
                }
                keep = current.id();
            } else {
                keep = newest.id();
            }
            // Everything but the channel that stays: the one just replaced, leftovers of an interrupted renewal.
            for (ChangeChannel old : existing) {
                if (!old.id().equals(keep)) {
                    stop(old, "replaced");
                }
            }
        }
        if (opened + renewed + stopped + failed > 0) {
            LOG.log(System.Logger.Level.INFO, "push channels: {0} opened, {1} renewed, {2} stopped, {3} failed",
                    opened, renewed, stopped, failed);
        }
        return new Round(opened, renewed, stopped, failed, uncovered);
    }

    private ChangeChannel open(CalendarRef calendar) {
        return filed("open", calendar, id -> provider.open(calendar, id, address, ttl));
    }

    private ChangeChannel renew(ChangeChannel old) {
        return filed("renew", old.calendar(), id -> provider.renew(old, id, address, ttl));
    }

    /**
     * Files a new channel name, then calls the provider with it.
     *
     * @return the channel that carries the calendar from now on, or null when the provider refused or failed (an
     *         old channel then lasts as long as it does, and the calendar is polled meanwhile)
     */
    private ChangeChannel filed(String operation, CalendarRef calendar, Function<String, ChangeChannel> call) {
        String id = UUID.randomUUID().toString();
        registry.opening(id, calendar);
        try {
            ChangeChannel channel = call.apply(id);
            if (!channel.id().equals(id)) {
                registry.delete(id); // extended in place: the name filed for a new channel is not needed
            }
            registry.opened(channel.id(), channel.handle(), channel.expiration());
            listener.called(operation, true);
            return channel;
        } catch (ProviderException e) {
            registry.delete(id);
            listener.called(operation, false);
            LOG.log(System.Logger.Level.WARNING, "could not {0} the push channel of {1}: {2}", operation,
                    calendar.key(), e.getMessage());
            return null;
        }
    }

    private boolean stop(ChangeChannel channel, String why) {
        try {
            provider.stop(channel);
            listener.called("stop", true);
        } catch (ProviderException e) {
            // It runs out by itself; its notifications meanwhile find no channel and are refused.
            listener.called("stop", false);
            LOG.log(System.Logger.Level.WARNING, "could not stop the push channel of {0} ({1}): {2}",
                    channel.calendar().key(), why, e.getMessage());
        }
        return registry.delete(channel.id());
    }

    private static Instant expiresAt(ChangeChannel channel) {
        return channel.expiration() != null ? channel.expiration() : Instant.MAX;
    }
}
