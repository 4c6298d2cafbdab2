package dev.calsync.app.push;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import dev.calsync.app.cluster.TaskIds;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.push.DebounceWindows;
import dev.calsync.push.NotificationIntake;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Turns changes into debounced syncs on db-scheduler. The first change of a calendar in a {@link DebounceWindows
 * debounce window} schedules one {@code push-sync} execution for the end of the window, under an id made of
 * calendar and window ({@code scheduleIfNotExists}), so every further change of that window, on any node, adds
 * nothing. The execution is in the shared table before the webhook answers, so a node that dies right after loses
 * nothing; a local timer wakes this node's scheduler at the window's end, so the sync starts at once instead of at
 * the next database poll. A change arriving while that sync runs falls into a later window and gets a sync of its own.
 */
public final class PushDispatcher implements NotificationIntake.Debouncer, AutoCloseable {
    private final ObjectProvider<Scheduler> scheduler;
    private final Task<Integer> pushSyncTask;
    private final DebounceWindows windows;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "calsync-push-debounce");
        thread.setDaemon(true);
        return thread;
    });

    public PushDispatcher(ObjectProvider<Scheduler> scheduler, Task<Integer> pushSyncTask, Duration debounce,
                          Clock clock) {
        this.scheduler = scheduler;
        this.pushSyncTask = pushSyncTask;
        this.windows = new DebounceWindows(debounce);
        this.clock = clock;
    }

    @Override
    public void changed(CalendarRef calendar) {
        Instant now = clock.instant();
        DebounceWindows.Window window = windows.at(now);
        Scheduler client = scheduler.getObject();
        if (client.scheduleIfNotExists(pushSyncTask.instance(TaskIds.pushSync(calendar, window.index())),
                window.closes())) {
            long delay = Math.max(0, Duration.between(now, window.closes()).toMillis()) + 5;
            timer.schedule(client::triggerCheckForDueExecutions, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Wakes this node's scheduler after {@code delay} (a push sync rescheduled after a busy group). */
    public void wakeAfter(Duration delay) {
        timer.schedule(() -> scheduler.getObject().triggerCheckForDueExecutions(), delay.toMillis() + 5,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
