package dev.calsync.push;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.push.ChangeChannels;
import dev.calsync.core.push.ChannelRegistry;
import dev.calsync.core.push.ChannelSignal;
import dev.calsync.core.push.EchoLedger;
import dev.calsync.core.push.Notification;
import dev.calsync.core.push.Rejection;
import dev.calsync.core.push.Verification;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What a webhook request costs. The provider's {@link ChangeChannels#verify} says whether it is authentic and about
 * which of our channels; then a change that one of our own recent writes explains is absorbed (an echo), and any
 * other change goes to the debouncer. A channel's first message needs nothing. Every verdict is told to the
 * listener; the answer to the sender carries no detail of a rejection.
 */
public final class NotificationIntake {

    /** Where changes go to be debounced into syncs. */
    @FunctionalInterface
    public interface Debouncer {
        void changed(CalendarRef calendar);
    }

    /** Told of each notification's verdict; {@code calendar} is null for a rejected or handshake request. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (verdict, calendar) -> { };

        void received(Verdict verdict, CalendarRef calendar);
    }

    /**
     * What to answer: the verdict of the request (of its one notification, or {@link Verdict#ACCEPTED} for several),
     * and for a handshake the text to reply with.
     */
    public record Receipt(Verdict verdict, String reply) {
    }

    private final ChangeChannels provider;
    private final ChannelRegistry registry;
    private final EchoLedger echoes;
    private final Debouncer debouncer;
    private final Listener listener;
    private final Clock clock;

    public NotificationIntake(ChangeChannels provider, ChannelRegistry registry, EchoLedger echoes,
                              Debouncer debouncer, Listener listener, Clock clock) {
        this.provider = provider;
        this.registry = registry;
        this.echoes = echoes;
        this.debouncer = debouncer;
        this.listener = listener;
        this.clock = clock;
    }

    /** The provider whose webhook this intake serves. */
    public String provider() {
        return provider.provider();
    }

    public Receipt receive(Notification notification) {
        Verification verification = provider.verify(notification, registry);
        if (verification instanceof Verification.Handshake handshake) {
            listener.received(Verdict.HANDSHAKE, null);
            return new Receipt(Verdict.HANDSHAKE, handshake.reply());
        }
        if (verification instanceof Verification.Rejected rejected) {
            Verdict verdict = Verdict.of(rejected.reason());
            listener.received(verdict, null);
            return new Receipt(verdict, null);
        }
        Verification.Signals signals = (Verification.Signals) verification;
        for (Rejection refused : signals.refused()) {
            listener.received(Verdict.of(refused), null);
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (ChannelSignal signal : signals.signals()) {
            Verdict verdict = take(signal);
            listener.received(verdict, signal.channel().calendar());
            verdicts.add(verdict);
        }
        return new Receipt(verdicts.size() == 1 ? verdicts.get(0) : Verdict.ACCEPTED, null);
    }

    private Verdict take(ChannelSignal signal) {
        CalendarRef calendar = signal.channel().calendar();
        return switch (signal.kind()) {
            case OPENED -> Verdict.CHANNEL_OPENED;
            case CHANGED -> {
                if (echoes.absorb(calendar)) {
                    yield Verdict.ABSORBED;
                }
                debouncer.changed(calendar);
                yield Verdict.ACCEPTED;
            }
            case MISSED -> {
                // Not one notification but an unknown number: no echo can stand for them.
                debouncer.changed(calendar);
                yield Verdict.MISSED;
            }
            case RENEWAL_DUE -> {
                registry.opened(signal.channel().id(), signal.channel().handle(), clock.instant());
                yield Verdict.RENEWAL_DUE;
            }
            case REMOVED -> {
                registry.delete(signal.channel().id());
                debouncer.changed(calendar);
                yield Verdict.REMOVED;
            }
        };
    }
}
