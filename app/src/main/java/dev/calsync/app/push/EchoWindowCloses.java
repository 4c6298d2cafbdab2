package dev.calsync.app.push;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import dev.calsync.app.cluster.TaskIds;
import dev.calsync.core.push.EchoWindow;
import dev.calsync.push.ConfirmingEchoLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Files the close of each echo window as a db-scheduler execution ({@value PushConfiguration#ECHO_CLOSE_TASK}, one
 * per calendar and window number, so a window is closed once, by whichever node picks it) and wakes this node's
 * scheduler then, so that a confirming list does not wait for the scheduler's next look at the table.
 */
final class EchoWindowCloses implements ConfirmingEchoLedger.Closes {
    private final ObjectProvider<Scheduler> scheduler;
    private final Task<Void> closeTask;
    private final Consumer<Duration> wake;
    private final Clock clock;

    /** @param wake wakes this node's scheduler after a delay (the {@link PushDispatcher}'s timer) */
    EchoWindowCloses(ObjectProvider<Scheduler> scheduler, Task<Void> closeTask, Consumer<Duration> wake, Clock clock) {
        this.scheduler = scheduler;
        this.closeTask = closeTask;
        this.wake = wake;
        this.clock = clock;
    }

    @Override
    public void schedule(EchoWindow window, Instant at) {
        if (scheduler.getObject().scheduleIfNotExists(
                closeTask.instance(TaskIds.echoWindow(window.calendar(), window.number())), at)) {
            wake.accept(Duration.between(clock.instant(), at));
        }
    }
}
