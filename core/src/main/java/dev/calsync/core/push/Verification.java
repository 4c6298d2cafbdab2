package dev.calsync.core.push;

import java.util.List;
import java.util.Objects;

/** What a webhook request turned out to be, once checked by {@link ChangeChannels#verify}. */
public sealed interface Verification {

    /** The provider checks that the webhook is ours before it opens a channel: answer with {@code reply}. */
    record Handshake(String reply) implements Verification {
        public Handshake {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** Not authentic, or about no channel of ours: refused, with no detail to the sender. */
    record Rejected(Rejection reason) implements Verification {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Authentic news about channels of ours (one per notification; some providers send several at once), and the
     * notifications of the same request that were refused (counted, never acted on).
     */
    record Signals(List<ChannelSignal> signals, List<Rejection> refused) implements Verification {
        public Signals {
            signals = List.copyOf(signals);
            refused = List.copyOf(refused);
        }

        public Signals(List<ChannelSignal> signals) {
            this(signals, List.of());
        }
    }

    static Verification rejected(Rejection reason) {
        return new Rejected(reason);
    }

    static Verification signal(ChangeChannel channel, ChannelSignal.Kind kind) {
        return new Signals(List.of(new ChannelSignal(channel, kind)));
    }
}
