package dev.calsync.app.cluster;

import dev.calsync.core.calendar.CalendarRef;
import java.time.Duration;

/**
 * db-scheduler instance ids, derived from what a task is about, so that scheduling is idempotent across nodes and
 * restarts: {@code account|calendar} for a calendar's poll, the group id for its reconcile and horizon tasks,
 * {@code account|calendar|window} for a debounced push sync (one per calendar and debounce window). Account ids
 * never contain {@code |}; calendar ids are split off at the first and the last one.
 */
public final class TaskIds {
    private static final char SEPARATOR = '|';

    private TaskIds() {
    }

    public static String calendar(CalendarRef calendar) {
        return calendar.accountId() + SEPARATOR + calendar.calendarId();
    }

    public static CalendarRef calendar(String instanceId) {
        int cut = instanceId.indexOf(SEPARATOR);
        if (cut <= 0 || cut == instanceId.length() - 1) {
            throw new IllegalArgumentException("not a calendar task id: " + instanceId);
        }
        return new CalendarRef(instanceId.substring(0, cut), instanceId.substring(cut + 1));
    }

    public static String pushSync(CalendarRef calendar, long window) {
        return calendar(calendar) + SEPARATOR + window;
    }

    public static CalendarRef pushSyncCalendar(String instanceId) {
        int cut = instanceId.lastIndexOf(SEPARATOR);
        if (cut <= 0) {
            throw new IllegalArgumentException("not a push sync id: " + instanceId);
        }
        return calendar(instanceId.substring(0, cut));
    }

    /**
     * Where in {@code period} the first run of {@code instanceId} falls: a stable offset from its id, so that the
     * tasks of many calendars and groups are spread out instead of all running at the same moment.
     */
    public static Duration offset(String instanceId, Duration period) {
        long millis = Math.max(1, period.toMillis());
        return Duration.ofMillis(Math.floorMod(mix(instanceId.hashCode()), millis));
    }

    private static long mix(int hash) {
        long h = hash * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
