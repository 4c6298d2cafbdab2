package dev.calsync.core.push;

import java.time.Instant;

/** What asking to close an {@link EchoWindow} found. */
public sealed interface EchoWindowCheck {

    /** Later writes keep the window open until {@code closes}: ask again then. */
    record StillOpen(Instant closes) implements EchoWindowCheck {
    }

    /**
     * The window is closed (by this call, or before it). {@code confirm}: the calendar's notifications are known to
     * merge and the window absorbed a notification, in which a person's change may have hidden: list the calendar
     * once now.
     */
    record Closed(boolean confirm) implements EchoWindowCheck {
    }
}
