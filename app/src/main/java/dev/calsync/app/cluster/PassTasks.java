package dev.calsync.app.cluster;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.calsync.app.metrics.CalsyncMetrics;
import dev.calsync.app.runtime.FailureClassifier;
import dev.calsync.app.runtime.LeaseSettings;
import dev.calsync.app.runtime.SafetyReconcile;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.failure.Decision;
import dev.calsync.core.failure.Failure;
import dev.calsync.core.failure.FailureKind;
import dev.calsync.core.failure.FailurePolicy;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.RetiredBlockRemoval;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.store.JdbcSyncStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What each scheduled pass does and when it comes back, by the one {@link FailurePolicy}. The task data is the
 * number of failed passes in a row (null: none).
 * <ul>
 *   <li>a calendar's poll: done, it goes to its next {@link PollSlots slot}; failed, it is rescheduled as the policy
 *       says (sooner than the regular poll, never sooner than a Retry-After);</li>
 *   <li>a push sync: done, it is removed; failed, it is rescheduled like a poll (no notification will come for that
 *       change again) unless the calendar's poll would come first;</li>
 *   <li>a group's safety reconcile and horizon pass: daily, or as the policy says after a failure.</li>
 * </ul>
 * A group another pass holds comes back after the policy's busy retry. Nothing here throws: a failure is logged
 * once (by {@link ClusterSync}) and decided on; if the database is gone, so is the reschedule, and db-scheduler
 * revives the execution when it sees it again.
 */
public final class PassTasks {
    /** How long a push sync waits in place for a busy group: longer than a poll, the change is known to be there. */
    static final Duration PUSH_BUSY_WAIT = Duration.ofSeconds(10);

    private final ClusterSync sync;
    private final JdbcSyncStore store;
    private final PollIntervals intervals;
    private final ClusterProperties properties;
    private final FailurePolicy policy;
    private final SafetyReconcile safety;
    private final CalsyncMetrics metrics;
    private final Clock clock;

    PassTasks(ClusterSync sync, JdbcSyncStore store, PollIntervals intervals, ClusterProperties properties,
              CalsyncMetrics metrics, Consumer<String> alerts, Clock clock) {
        this.sync = sync;
        this.store = store;
        this.intervals = intervals;
        this.properties = properties;
        this.policy = properties.failurePolicy();
        this.metrics = metrics;
        this.clock = clock;
        // A group paused meanwhile is skipped like one whose lease another pass holds.
        this.safety = new SafetyReconcile((group, request) -> sync.run(group, request, ClusterSync.Trigger.RECONCILE)
                .orElseGet(() -> GroupReport.leaseHeld(group.id(), "paused")), store, alerts,
                new RetiredBlockRemoval(sync.provider(), store, clock, LeaseSettings.workerId(),
                        LeaseSettings.ttl(System.getenv())));
    }

    public CompletionHandler<Integer> poll(TaskInstance<Integer> instance) {
        CalendarRef calendar = TaskIds.calendar(instance.getId());
        Optional<Failure> failure;
        Duration regular = intervals.pollInterval();
        try {
            List<SyncGroup> groups = sync.groupsWith(calendar);
            if (groups.isEmpty()) {
                return new CompletionHandler.OnCompleteRemove<>();
            }
            failure = sync.runCalendar(calendar, groups, ClusterSync.Trigger.POLL, policy);
            regular = intervals.next(calendar);
        } catch (RuntimeException e) {
            failure = Optional.of(sync.failed("poll calendar=" + instance.getId(), e));
        }
        Instant now = clock.instant();
        Instant slot = PollSlots.next(instance.getId(), regular, now);
        if (failure.isEmpty()) {
            return reschedule(slot, null);
        }
        return comeBack(instance, failure.get(), now, regular, slot);
    }

    /** @param wake told when a push sync comes back, so the dispatcher looks for it then */
    public CompletionHandler<Integer> pushSync(TaskInstance<Integer> instance, Consumer<Duration> wake) {
        CalendarRef calendar = TaskIds.numberedCalendar(instance.getId());
        Optional<Failure> failure;
        Duration regular = intervals.pollInterval();
        try {
            failure = sync.runCalendar(calendar, sync.groupsWith(calendar), ClusterSync.Trigger.PUSH,
                    policy.withBusyWait(PUSH_BUSY_WAIT));
            regular = intervals.next(calendar);
        } catch (RuntimeException e) {
            failure = Optional.of(sync.failed("push sync calendar=" + instance.getId(), e));
        }
        Instant now = clock.instant();
        // Without a failure, or once the calendar's own poll would come first, the push sync is done.
        Instant poll = now.plus(regular);
        if (failure.isEmpty()) {
            return new CompletionHandler.OnCompleteRemove<>();
        }
        Instant at = when(instance, failure.get(), now, regular, poll);
        if (!at.isBefore(poll)) {
            return new CompletionHandler.OnCompleteRemove<>();
        }
        wake.accept(Duration.between(now, at));
        return reschedule(at, failures(instance, failure.get()));
    }

    public CompletionHandler<Integer> reconcile(TaskInstance<Integer> instance) {
        Failure failure = null;
        try {
            // Blocks of groups taken out of the configuration go in the daily round too; a removal stopped
            // half-way keeps the retired group's task, so it resumes.
            safety.removeRetired();
            Optional<SyncGroup> group = store.group(instance.getId());
            if (group.isEmpty()) {
                boolean left = store.retiredBlocks().stream().anyMatch(b -> b.groupId().equals(instance.getId()));
                return left ? daily(instance, null, properties.reconcileInterval())
                        : new CompletionHandler.OnCompleteRemove<>();
            }
            SafetyReconcile.GroupResult result = safety.check(group.get());
            metrics.integrityFixes(result.fixes());
            if (result.skipped() != null && !"paused".equals(result.skipped())) {
                failure = Failure.groupBusy();
            }
        } catch (RuntimeException e) {
            failure = sync.failed("safety reconcile group=" + instance.getId(), e);
        }
        return daily(instance, failure, properties.reconcileInterval());
    }

    public CompletionHandler<Integer> horizon(TaskInstance<Integer> instance) {
        Failure failure = null;
        try {
            Optional<SyncGroup> group = store.group(instance.getId());
            if (group.isEmpty()) {
                return new CompletionHandler.OnCompleteRemove<>();
            }
            sync.run(group.get(), SyncRequest.horizon(), ClusterSync.Trigger.HORIZON);
        } catch (RuntimeException e) {
            failure = sync.failed("horizon group=" + instance.getId(), e);
        }
        return daily(instance, failure, properties.horizonInterval());
    }

    private CompletionHandler<Integer> daily(TaskInstance<Integer> instance, Failure failure, Duration interval) {
        Instant now = clock.instant();
        Instant regular = now.plus(interval);
        return failure == null ? reschedule(regular, null) : comeBack(instance, failure, now, interval, regular);
    }

    private CompletionHandler<Integer> comeBack(TaskInstance<Integer> instance, Failure failure, Instant now,
                                                Duration regular, Instant onTime) {
        return reschedule(when(instance, failure, now, regular, onTime), failures(instance, failure));
    }

    /** When a task that met {@code failure} runs again; {@code onTime} is its next regular run. */
    private Instant when(TaskInstance<Integer> instance, Failure failure, Instant now, Duration regular,
                         Instant onTime) {
        if (failure.kind() == FailureKind.GROUP_BUSY) {
            // The waiting in place is over (the pass did it); only the busy retry is left.
            return now.plus(policy.busyRetry());
        }
        Decision decision = policy.decide(failure, failures(instance) + 1, now, regular);
        if (decision instanceof Decision.RescheduleAt at) {
            return at.at();
        }
        if (decision instanceof Decision.GiveUpBatch giveUp) {
            return giveUp.at();
        }
        // The account's groups are paused now: the next regular run finds them so, or resumed.
        return onTime;
    }

    private static int failures(TaskInstance<Integer> instance) {
        return instance.getData() == null ? 0 : instance.getData();
    }

    /** The task data after {@code failure}: one more in a row, but a busy group or a paused account counts none. */
    private static Integer failures(TaskInstance<Integer> instance, Failure failure) {
        if (failure.kind() == FailureKind.GROUP_BUSY) {
            return instance.getData();
        }
        return FailurePolicy.pausesAccount(failure) ? null : failures(instance) + 1;
    }

    /**
     * Reschedules at {@code at}; if the database is gone too, says so in one line instead of db-scheduler's stack
     * trace: the execution stays picked, and db-scheduler's dead-execution check revives it once the database is back.
     */
    private CompletionHandler<Integer> reschedule(Instant at, Integer data) {
        return (complete, operations) -> {
            try {
                operations.reschedule(complete, at, data);
            } catch (RuntimeException e) {
                if (FailureClassifier.of(e).kind() != FailureKind.DATABASE_UNREACHABLE) {
                    throw e;
                }
                sync.failed("rescheduling " + complete.getExecution().taskInstance, e);
            }
        };
    }
}
