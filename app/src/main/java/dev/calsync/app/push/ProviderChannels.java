package dev.calsync.app.push;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.push.ChangeChannel;
import dev.calsync.core.push.ChannelRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The shared channel table as one provider sees it: only the channels on its own accounts' calendars. So one
 * provider's channel rounds never stop (through the wrong API) a channel of another, and a notification posted to
 * one provider's webhook can never name another provider's channel.
 */
final class ProviderChannels implements ChannelRegistry {
    private final ChannelRegistry all;
    private final Predicate<CalendarRef> ours;

    ProviderChannels(ChannelRegistry all, Predicate<CalendarRef> ours) {
        this.all = all;
        this.ours = ours;
    }

    @Override
    public Optional<ChangeChannel> find(String channelId) {
        return all.find(channelId).filter(channel -> ours.test(channel.calendar()));
    }

    @Override
    public void opening(String channelId, CalendarRef calendar) {
        all.opening(channelId, calendar);
    }

    @Override
    public boolean opened(String channelId, String handle, Instant expiration) {
        return all.opened(channelId, handle, expiration);
    }

    @Override
    public List<ChangeChannel> all() {
        return all.all().stream().filter(channel -> ours.test(channel.calendar())).toList();
    }

    @Override
    public boolean delete(String channelId) {
        return all.delete(channelId);
    }
}
