package dev.calsync.push;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.core.push.ChangeChannel;
import dev.calsync.core.push.ChangeChannels;
import dev.calsync.core.push.ChannelLookup;
import dev.calsync.core.push.ChannelSignal;
import dev.calsync.core.push.Notification;
import dev.calsync.core.push.Rejection;
import dev.calsync.core.push.Verification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A provider's channels reduced to their contract, for the rules' tests: channels granted for the asked lifetime,
 * renewed in place or by a new channel (as Graph and Google do), refusals on demand, and a notification format of
 * its own: headers {@code channel} and {@code kind} (a {@link ChannelSignal.Kind}), {@code token} must be "ok",
 * a {@code validationToken} parameter is a handshake.
 */
final class ScriptedChannels implements ChangeChannels {
    final List<String> calls = new ArrayList<>();
    final Set<CalendarRef> refusing = new HashSet<>();
    /** Until when the provider sends each calendar's notifications: the latest channel it granted. */
    final Map<CalendarRef, Instant> granted = new HashMap<>();
    /** Every channel granted (opened or renewed), in order. */
    final List<CalendarRef> grants = new ArrayList<>();
    private final Clock clock;
    private final boolean renewsInPlace;

    ScriptedChannels(Clock clock, boolean renewsInPlace) {
        this.clock = clock;
        this.renewsInPlace = renewsInPlace;
    }

    @Override
    public String provider() {
        return "scripted";
    }

    @Override
    public ChangeChannel open(CalendarRef calendar, String id, String address, Duration ttl) {
        calls.add("open " + calendar.calendarId());
        refuseFor(calendar);
        grant(calendar, ttl);
        return new ChangeChannel(id, calendar, "handle-" + calendar.calendarId(), clock.instant().plus(ttl));
    }

    @Override
    public ChangeChannel renew(ChangeChannel channel, String newId, String address, Duration ttl) {
        calls.add("renew " + channel.calendar().calendarId());
        refuseFor(channel.calendar());
        grant(channel.calendar(), ttl);
        String id = renewsInPlace ? channel.id() : newId;
        return new ChangeChannel(id, channel.calendar(), channel.handle(), clock.instant().plus(ttl));
    }

    @Override
    public boolean stop(ChangeChannel channel) {
        calls.add("stop " + channel.calendar().calendarId());
        refuseFor(channel.calendar());
        return true;
    }

    @Override
    public Verification verify(Notification notification, ChannelLookup channels) {
        if (notification.parameters().containsKey("validationToken")) {
            return new Verification.Handshake(notification.parameters().get("validationToken"));
        }
        String id = notification.header("channel");
        if (id == null) {
            return Verification.rejected(Rejection.MISSING_FIELDS);
        }
        if (!"ok".equals(notification.header("token"))) {
            return Verification.rejected(Rejection.BAD_TOKEN);
        }
        Optional<ChangeChannel> channel = channels.find(id);
        return channel.map(c -> Verification.signal(c, ChannelSignal.Kind.valueOf(notification.header("kind"))))
                .orElseGet(() -> Verification.rejected(Rejection.UNKNOWN_CHANNEL));
    }

    private void grant(CalendarRef calendar, Duration ttl) {
        granted.put(calendar, clock.instant().plus(ttl));
        grants.add(calendar);
    }

    private void refuseFor(CalendarRef calendar) {
        if (refusing.contains(calendar)) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, 503, "backendError", "refused for test");
        }
    }
}
