package dev.calsync.core.push;

import dev.calsync.core.calendar.CalendarRef;
import java.time.Duration;

/**
 * The notifications calsync's own writes will cause (echoes): each is expected before its write is sent and
 * absorbed when it arrives, so it costs no list. Counted per calendar; an expectation lasts a window after the
 * calendar's latest write, so that one that never comes cannot swallow a real change for long.
 */
public interface EchoLedger {

    /** One more echo to expect on {@code calendar}, for a write about to be sent; all of them last {@code window}. */
    void expect(CalendarRef calendar, Duration window);

    /** Takes back an expectation whose write changed nothing (refused, failed): no notification will come. */
    void cancel(CalendarRef calendar);

    /** @return true when a notification on {@code calendar} was an expected echo (and that one is now used up) */
    boolean absorb(CalendarRef calendar);

    /** Forgets expectations that ran out (they are never used anyway). */
    int purgeExpired();
}
