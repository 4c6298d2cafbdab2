package dev.calsync.app.cluster;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.store.PushChannelStore;
import java.time.Duration;

/**
 * How soon a calendar is polled again: every {@code sync.pollInterval}, or only every
 * {@code calsync.push.safetyPollInterval} while push is on and the calendar has an open channel (a calendar whose
 * channel could not be opened keeps the ordinary poll).
 */
public final class PollIntervals {
    private final Duration pollInterval;
    private final Duration safetyPollInterval;
    private final boolean push;
    private final PushChannelStore channels;

    public PollIntervals(Duration pollInterval, Duration safetyPollInterval, boolean push, PushChannelStore channels) {
        this.pollInterval = pollInterval;
        this.safetyPollInterval = safetyPollInterval;
        this.push = push;
        this.channels = channels;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    public Duration next(CalendarRef calendar) {
        if (push && channels.watched(calendar)) {
            return safetyPollInterval;
        }
        return pollInterval;
    }
}
