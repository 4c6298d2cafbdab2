package dev.calsync.core.sync;

/**
 * What a pass did with one calendar of a group.
 *
 * @param read       "incremental", "full" or "none"
 * @param fullReason why a full list was needed (no token yet, token expired, requested), or null
 * @param changes    events the read returned (blocks and cancelled ones included)
 * @param error      the failure that stopped this calendar's read or writes, or null
 */
public record CalendarReport(String calendar, String read, String fullReason, int changes, String error) {
}
