package dev.calsync.bench;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.push.DebounceWindows;
import dev.calsync.push.NotificationIntake;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The service's debouncing ({@link DebounceWindows}: one sync per calendar and window, due at the window's end) with
 * the syncs queued in simulated time instead of filed on db-scheduler.
 */
final class SimulatedDebouncer implements NotificationIntake.Debouncer {

    /** A sync due at {@code at} for the changes of {@code calendar} (of {@code user}) in window {@code window}. */
    record Due(Instant at, long window, CalendarRef calendar, int user) {
    }

    private final DebounceWindows windows;
    private final Clock clock;
    private final Map<CalendarRef, Integer> userOf;
    private final PriorityQueue<Due> queue = new PriorityQueue<>(Comparator.comparing(Due::at)
            .thenComparingInt(Due::user).thenComparing(due -> due.calendar().key()));
    /** What is queued, by calendar and window: as {@code scheduleIfNotExists} files a sync once. */
    private final Set<String> filed = new HashSet<>();

    SimulatedDebouncer(DebounceWindows windows, Clock clock, Map<CalendarRef, Integer> userOf) {
        this.windows = windows;
        this.clock = clock;
        this.userOf = userOf;
    }

    @Override
    public void changed(CalendarRef calendar) {
        DebounceWindows.Window window = windows.at(clock.instant());
        if (filed.add(key(calendar, window.index()))) {
            queue.add(new Due(window.closes(), window.index(), calendar, userOf.get(calendar)));
        }
    }

    /** The earliest sync due by {@code until}, taken off the queue; null when none is. */
    Due takeDue(Instant until) {
        Due next = queue.peek();
        if (next == null || next.at().isAfter(until)) {
            return null;
        }
        queue.poll();
        filed.remove(key(next.calendar(), next.window()));
        return next;
    }

    private static String key(CalendarRef calendar, long window) {
        return calendar.key() + "|" + window;
    }
}
