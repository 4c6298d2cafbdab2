package dev.calsync.core.push;

import dev.calsync.core.calendar.CalendarRef;
import java.time.Instant;

/**
 * The writes to one calendar whose echo expectations have not all run out, counted together so that a provider
 * that merges notifications shows itself: the window got some notifications, but fewer than it expected echoes.
 * Numbered per calendar, so that each window is closed once; it closes when its latest write's expectation runs out,
 * so a later write moves {@code closes} on.
 *
 * @param opened whether the write that was told this window opened it (and so is the one to schedule its close)
 */
public record EchoWindow(CalendarRef calendar, long number, Instant closes, boolean opened) {
}
