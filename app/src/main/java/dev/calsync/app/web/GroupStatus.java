package dev.calsync.app.web;

import dev.calsync.store.LastPasses.LastPass;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard shows of one group; built by {@link GroupStatuses}.
 *
 * @param nextRun         when the next poll is due, or null when the scheduler has not planned one yet
 * @param firstPollWithin when no poll is planned yet: how soon the scheduler plans and runs the first one
 * @param queued          passes waiting for a scheduler thread ("Sync now" presses, the poll)
 * @param lastRun         the group's last pass, on whichever node, or null
 * @param callsToday      API calls today (UTC) on the group's calendars, by call kind; a calendar that is in two
 *                        groups counts for both, and calendar-list reads count for the account, not for a group
 */
public record GroupStatus(String groupId, String mode, String manualEdits, String busyTitle, boolean paused,
                          Instant nextRun, Duration firstPollWithin, int queued, LastPass lastRun,
                          List<CalendarStatus> calendars, long blocks, Map<String, Long> callsToday) {

    public long callsTodayTotal() {
        return callsToday.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * @param name       the calendar's name in its account's calendar list, or its id while the list is not read
     * @param lastSync   the later of the last incremental and the last full read, or null
     * @param lastError  the last failure (kept until the next success), or null
     * @param push       how its changes reach calsync by notification, or null when it is only polled
     */
    public record CalendarStatus(String key, String accountId, String calendarId, String name, String accountLabel,
                                 Instant lastSync, String lastSyncKind, String lastError, Instant lastErrorAt,
                                 long blocksOn, boolean reconnectNeeded, Push push) {
    }

    /**
     * A calendar watched by a push channel.
     *
     * @param channelUntil when the channel runs out (it is renewed before), or null when the provider set no end
     * @param merging      the provider was seen merging a change's notification with the echo of calsync's own
     *                     write: each window of calsync's writes on it ends with one confirming read
     */
    public record Push(Instant channelUntil, boolean merging) {
    }
}
