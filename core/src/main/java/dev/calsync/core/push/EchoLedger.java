package dev.calsync.core.push;

import dev.calsync.core.calendar.CalendarRef;
import java.time.Duration;
import java.util.List;

/**
 * The notifications calsync's own writes will cause (echoes): each is expected before its write is sent and
 * absorbed when it arrives, so it costs no list. Counted per calendar; an expectation lasts a window after the
 * calendar's latest write, so that one that never comes cannot swallow a real change for long.
 *
 * <p>Absorbing counts notifications, it does not look at them: a provider that merges a person's change with the
 * echo of our write into one notification would have it absorbed. So the writes of a calendar are also counted in
 * {@link EchoWindow echo windows}; a window that got some notifications, but fewer than it expected, shows that the
 * calendar's notifications merge, and from then on each window of that calendar that absorbed one ends with one
 * confirming list.
 */
public interface EchoLedger {

    /**
     * One more echo to expect on {@code calendar}, for a write about to be sent; all of them last {@code window}.
     *
     * @return the echo window the write falls in
     */
    EchoWindow expect(CalendarRef calendar, Duration window);

    /** Takes back an expectation whose write changed nothing (refused, failed): no notification will come. */
    void cancel(CalendarRef calendar);

    /** @return true when a notification on {@code calendar} was an expected echo (and that one is now used up) */
    boolean absorb(CalendarRef calendar);

    /**
     * Closes echo window {@code number} of {@code calendar} if it has ended, learning from it whether the calendar's
     * notifications merge.
     */
    EchoWindowCheck close(CalendarRef calendar, long number);

    /** Open echo windows that should have closed more than {@code late} ago: their close was never filed or lost. */
    List<EchoWindow> overdue(Duration late);

    /** Forgets expectations that ran out (they are never used anyway) and what closed windows left. */
    int purgeExpired();
}
