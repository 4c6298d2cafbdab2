package dev.calsync.push;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.push.EchoLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An {@link EchoLedger} that notices when a channel's provider merges notifications, and from then on has that
 * channel's echo windows end with one confirming incremental list.
 *
 * <p>Echo absorption counts notifications; it does not look at them. A provider that merges several changes of one
 * calendar into one notification can merge a person's change with the echo of our own write: the one notification
 * is absorbed, and the person's change would wait for the safety poll. The evidence of merging is an echo window
 * (the writes to one calendar until their expectations run out) that got fewer notifications than it expected.
 * From then on, whenever an echo window of that calendar closes, {@link #due} names the calendar, and the caller
 * lists its changes once: a change merged with an echo is found at the end of the window, not hours later. Where
 * no merging is seen nothing changes, so the default cost stays what it was.
 */
public final class ConfirmingEchoLedger implements EchoLedger {

    /** The writes to one calendar whose echo expectations have not yet run out. */
    private static final class EchoWindow {
        int expected;
        int absorbed;
        Instant closes;
    }

    private final EchoLedger delegate;
    private final Clock clock;
    private final Map<CalendarRef, EchoWindow> open = new HashMap<>();
    private final Set<CalendarRef> merging = new HashSet<>();
    private long confirmations;

    public ConfirmingEchoLedger(EchoLedger delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public void expect(CalendarRef calendar, Duration window) {
        delegate.expect(calendar, window);
        synchronized (this) {
            EchoWindow w = open.computeIfAbsent(calendar, c -> new EchoWindow());
            w.expected++;
            w.closes = clock.instant().plus(window);
        }
    }

    @Override
    public void cancel(CalendarRef calendar) {
        delegate.cancel(calendar);
        synchronized (this) {
            EchoWindow w = open.get(calendar);
            if (w != null && w.expected > 0) {
                w.expected--;
            }
        }
    }

    @Override
    public boolean absorb(CalendarRef calendar) {
        boolean absorbed = delegate.absorb(calendar);
        if (absorbed) {
            synchronized (this) {
                EchoWindow w = open.get(calendar);
                if (w != null) {
                    w.absorbed++;
                }
            }
        }
        return absorbed;
    }

    @Override
    public int purgeExpired() {
        return delegate.purgeExpired();
    }

    /**
     * Closes the echo windows that ended by now, learning from each whether its calendar's notifications merge.
     *
     * @return the calendars to list once now: those known to merge whose window just closed
     */
    public synchronized List<CalendarRef> due() {
        Instant now = clock.instant();
        List<CalendarRef> confirm = new ArrayList<>();
        for (Iterator<Map.Entry<CalendarRef, EchoWindow>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<CalendarRef, EchoWindow> entry = it.next();
            EchoWindow w = entry.getValue();
            if (w.closes.isAfter(now)) {
                continue;
            }
            it.remove();
            if (w.absorbed < w.expected) {
                merging.add(entry.getKey());
            }
            if (w.expected > 0 && merging.contains(entry.getKey())) {
                confirm.add(entry.getKey());
                confirmations++;
            }
        }
        return confirm;
    }

    /** When the next echo window closes (when {@link #due} may have something), or null when none is open. */
    public synchronized Instant nextClose() {
        return open.values().stream().map(w -> w.closes).min(Instant::compareTo).orElse(null);
    }

    /** True once the calendar's notifications were seen to merge. */
    public synchronized boolean merging(CalendarRef calendar) {
        return merging.contains(calendar);
    }

    /** Calendars seen to merge so far. */
    public synchronized int mergingCalendars() {
        return merging.size();
    }

    /** Confirming lists asked for so far. */
    public synchronized long confirmations() {
        return confirmations;
    }
}
