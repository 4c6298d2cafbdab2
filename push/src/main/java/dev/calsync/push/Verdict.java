package dev.calsync.push;

import dev.calsync.core.push.Rejection;
import java.util.Locale;

/** What became of one webhook request, or of one notification in it: counted, and told to the sender as a status. */
public enum Verdict {
    /** A change: a debounced sync of the calendar is on its way. */
    ACCEPTED,
    /** The echo of one of our own writes: it costs nothing. */
    ABSORBED,
    /** A channel's first message, about no change. */
    CHANNEL_OPENED,
    /** The provider checked the webhook before opening a channel, and got its answer. */
    HANDSHAKE,
    /** Notifications were lost on the way: a sync reads what they would have announced. */
    MISSED,
    /**
     * The channel is renewed at the next round instead of when it runs out, and its calendar read once it is (the
     * provider may have dropped notifications meanwhile).
     */
    RENEWAL_DUE,
    /** The provider ended the channel: forgotten (the next round opens another) and the calendar synced. */
    REMOVED,
    MISSING_FIELDS,
    BAD_TOKEN,
    UNKNOWN_CHANNEL,
    WRONG_RESOURCE;

    public static Verdict of(Rejection rejection) {
        return valueOf(rejection.name());
    }

    /** Whether the sender is told the request was taken (a 2xx answer). */
    public boolean accepted() {
        return ordinal() < MISSING_FIELDS.ordinal();
    }

    /** The name in metrics: lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
