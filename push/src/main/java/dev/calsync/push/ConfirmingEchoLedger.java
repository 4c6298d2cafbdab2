package dev.calsync.push;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.push.EchoLedger;
import dev.calsync.core.push.EchoWindow;
import dev.calsync.core.push.EchoWindowCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link EchoLedger} whose echo windows end, on a calendar seen to merge notifications, with one confirming list.
 *
 * <p>Echo absorption counts notifications; it does not look at them. A provider that merges several changes of one
 * calendar into one notification can merge a person's change with the echo of our own write: the one notification
 * is absorbed, and the person's change would wait for the safety poll. The shared ledger counts each calendar's
 * writes and notifications per {@link EchoWindow}; the write that opens a window has its close scheduled
 * ({@link Closes}), and at the close {@link #closeDue} asks the ledger, which learns from the window whether the
 * calendar merges. A closed window of a merging calendar that absorbed a notification sends the calendar to the
 * debouncer: a change merged with an echo is read at the end of the window, not hours later. Where no merging is
 * seen, nothing is listed, so the default cost stays what it was. The service schedules closes as db-scheduler
 * executions; the bench in simulated time.
 */
public final class ConfirmingEchoLedger implements EchoLedger {

    /** Where the close of a newly opened echo window is scheduled, to call {@link #closeDue} at {@code at}. */
    @FunctionalInterface
    public interface Closes {
        void schedule(EchoWindow window, Instant at);
    }

    /** How long past its close a window may wait for its close to run before it is filed again. */
    static final Duration LATE = Duration.ofMinutes(1);
    private static final System.Logger LOG = System.getLogger(ConfirmingEchoLedger.class.getName());

    private final EchoLedger shared;
    private final Closes closes;
    private final AtomicLong confirmations = new AtomicLong();

    public ConfirmingEchoLedger(EchoLedger shared, Closes closes) {
        this.shared = shared;
        this.closes = closes;
    }

    @Override
    public EchoWindow expect(CalendarRef calendar, Duration window) {
        EchoWindow echoes = shared.expect(calendar, window);
        if (echoes.opened()) {
            schedule(echoes, echoes.closes());
        }
        return echoes;
    }

    private void schedule(EchoWindow window, Instant at) {
        try {
            closes.schedule(window, at);
        } catch (RuntimeException e) {
            // The expectation is recorded, so the echo is still absorbed; the window's close is filed again by the
            // next purge, once it is overdue.
            LOG.log(System.Logger.Level.DEBUG, "could not file the close of echo window " + window.number() + " on "
                    + window.calendar(), e);
        }
    }

    @Override
    public void cancel(CalendarRef calendar) {
        shared.cancel(calendar);
    }

    @Override
    public boolean absorb(CalendarRef calendar) {
        return shared.absorb(calendar);
    }

    @Override
    public EchoWindowCheck close(CalendarRef calendar, long number) {
        return shared.close(calendar, number);
    }

    @Override
    public List<EchoWindow> overdue(Duration late) {
        return shared.overdue(late);
    }

    /** Also files again the close of every window overdue by {@link #LATE}, whose close was never filed or lost. */
    @Override
    public int purgeExpired() {
        for (EchoWindow window : shared.overdue(LATE)) {
            schedule(window, window.closes().plus(LATE));
        }
        return shared.purgeExpired();
    }

    /**
     * The scheduled close of echo window {@code number} of {@code calendar}: confirms the calendar with one debounced
     * list when the ledger says so.
     *
     * @param debouncer where the confirming list goes, as a notified change would
     * @return when to come back, because later writes keep the window open; null once it is closed
     */
    public Instant closeDue(CalendarRef calendar, long number, NotificationIntake.Debouncer debouncer) {
        EchoWindowCheck check = shared.close(calendar, number);
        if (check instanceof EchoWindowCheck.StillOpen open) {
            return open.closes();
        }
        if (((EchoWindowCheck.Closed) check).confirm()) {
            confirmations.incrementAndGet();
            debouncer.changed(calendar);
        }
        return null;
    }

    /** Confirming lists asked for by this ledger so far. */
    public long confirmations() {
        return confirmations.get();
    }
}
