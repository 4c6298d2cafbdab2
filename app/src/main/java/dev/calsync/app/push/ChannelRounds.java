package dev.calsync.app.push;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.push.NotificationIntake;
import dev.calsync.push.Verdict;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Brings the next channel round forward when a provider asks for it: a renewal it wants now (Graph's
 * {@code reauthorizationRequired}: change notifications pause until the subscription is renewed) or a channel it
 * ended ({@code subscriptionRemoved}). The intake has already marked the channel (due, or forgotten); the round,
 * not the webhook, renews or reopens it, on whichever node picks the task.
 */
final class ChannelRounds implements NotificationIntake.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelRounds.class);

    private final ObjectProvider<Scheduler> scheduler;
    private final Clock clock;

    ChannelRounds(ObjectProvider<Scheduler> scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public void received(Verdict verdict, CalendarRef calendar) {
        if (verdict != Verdict.RENEWAL_DUE && verdict != Verdict.REMOVED) {
            return;
        }
        try {
            Scheduler client = scheduler.getObject();
            client.reschedule(TaskInstanceId.of(PushConfiguration.CHANNELS_TASK, RecurringTask.INSTANCE),
                    clock.instant());
            client.triggerCheckForDueExecutions();
        } catch (RuntimeException e) {
            // A round running right now, or a database hiccup: the regular round renews it a little later.
            LOG.atDebug().addKeyValue("reason", e.getClass().getSimpleName()).log("channel round not brought forward");
        }
    }
}
