package dev.calsync.core.push;

import java.util.Objects;

/** One authentic notification about one of calsync's channels. */
public record ChannelSignal(ChangeChannel channel, Kind kind) {

    public enum Kind {
        /** The channel works: the provider's first message, about no change. */
        OPENED,
        /** The watched calendar changed (the notification does not say how). */
        CHANGED,
        /** The provider could not deliver some notifications: something may have changed unseen. */
        MISSED,
        /** The channel stops soon unless it is renewed now (its grant, not its lifetime, runs out). */
        RENEWAL_DUE,
        /** The provider ended the channel: nothing more will come through it. */
        REMOVED
    }

    public ChannelSignal {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
    }
}
