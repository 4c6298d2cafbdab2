package dev.calsync.core.push;

import dev.calsync.core.calendar.CalendarRef;
import java.time.Duration;

/**
 * Push, as a provider offers it: open, renew and stop a change channel on a calendar, and check a notification
 * that claims to come from one. One implementation per provider; calsync's rules (when to renew, debouncing, own
 * echoes) are the same for all and live outside.
 */
public interface ChangeChannels {

    /** The provider's name, as in {@code /webhooks/{provider}}, where its notifications are posted. */
    String provider();

    /**
     * Opens a channel on {@code calendar} that posts to {@code address}.
     *
     * @param id  calsync's name for the channel, already filed so that an early notification finds it
     * @param ttl the lifetime asked for; the provider may grant less (see the returned expiration)
     * @return the open channel, with its handle
     * @throws dev.calsync.core.provider.ProviderException when the provider refuses or fails
     */
    ChangeChannel open(CalendarRef calendar, String id, String address, Duration ttl);

    /**
     * Extends a channel that runs out soon. Some providers extend it in place (the answer has {@code channel}'s id),
     * others only open another one (the answer has {@code newId}; {@code channel} keeps running until it is
     * {@link #stop stopped}).
     *
     * @param newId a name for the channel in case a new one is opened, already filed like {@link #open}'s
     */
    ChangeChannel renew(ChangeChannel channel, String newId, String address, Duration ttl);

    /** @return false when the provider no longer knew the channel (it ran out or was stopped already) */
    boolean stop(ChangeChannel channel);

    /**
     * Checks a request posted to this provider's webhook: that it is authentic, about a channel calsync holds,
     * and what it says.
     *
     * @param channels calsync's channels, by id
     */
    Verification verify(Notification notification, ChannelLookup channels);
}
