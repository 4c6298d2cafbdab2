package dev.calsync.app.cluster;

import dev.calsync.core.calendar.CalendarRef;
import java.time.Duration;

/**
 * db-scheduler instance ids, derived from what a task is about, so that scheduling is idempotent across nodes and
 * restarts: {@code account|calendar} for a calendar's poll, the group id for its reconcile and horizon tasks,
 * {@code account|calendar|window} for a debounced push sync (one per calendar and debounce window) and
 * {@code account|calendar|number} for the close of a calendar's echo window. Account ids never contain {@code |};
 * calendar ids are split off at the first and the last one.
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
        return numbered(calendar, window);
    }

    public static String echoWindow(CalendarRef calendar, long number) {
        return numbered(calendar, number);
    }

    private static String numbered(CalendarRef calendar, long number) {
        return calendar(calendar) + SEPARATOR + number;
    }

    /** The calendar of a push sync's or an echo window's id. */
    public static CalendarRef numberedCalendar(String instanceId) {
        return calendar(instanceId.substring(0, lastCut(instanceId)));
    }

    /** The window of a push sync's id, or the number of an echo window's. */
    public static long number(String instanceId) {
        try {
            return Long.parseLong(instanceId.substring(lastCut(instanceId) + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("no number at the end of task id: " + instanceId);
        }
    }

    private static int lastCut(String instanceId) {
        int cut = instanceId.lastIndexOf(SEPARATOR);
        if (cut <= 0) {
            throw new IllegalArgumentException("not a numbered calendar task id: " + instanceId);
        }
        return cut;
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
