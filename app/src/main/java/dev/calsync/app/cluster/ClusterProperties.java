package dev.calsync.app.cluster;

import dev.calsync.core.failure.FailurePolicy;
import dev.calsync.push.PushTiming;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often the cluster-wide tasks run (Spring properties; {@code CALSYNC_CLUSTER_…} in the environment).
 * The poll interval itself is calsync's {@code sync.pollInterval}.
 *
 * @param planInterval      how often the task plan is brought in line with the groups (new calendars get their
 *                          poll task, removed ones lose it)
 * @param reconcileInterval the safety reconcile of each group (a full reconcile; fixes are integrity alerts)
 * @param horizonInterval   the horizon pass of each group (projects events that entered the window)
 * @param channelInterval   how often push channels are checked: opened, renewed, stopped
 * @param leaseHeldRetry    a poll or push sync that found the group busy runs again after this long
 * @param failureRetry      a pass that failed (a PARTIAL pass, or one that threw) runs again after this long,
 *                          doubling with each further failure up to its regular interval
 * @param probeInterval     how often the accounts that hold up paused groups are looked at; each is probed only
 *                          when its back-off (0, 1, 3, 7, … minutes, then hourly) says so
 */
@ConfigurationProperties("calsync.cluster")
public record ClusterProperties(
        Duration planInterval,
        Duration reconcileInterval,
        Duration horizonInterval,
        Duration channelInterval,
        Duration leaseHeldRetry,
        Duration failureRetry,
        Duration probeInterval) {

    public ClusterProperties {
        planInterval = planInterval == null ? Duration.ofSeconds(30) : planInterval;
        reconcileInterval = reconcileInterval == null ? Duration.ofDays(1) : reconcileInterval;
        horizonInterval = horizonInterval == null ? Duration.ofDays(1) : horizonInterval;
        channelInterval = channelInterval == null ? PushTiming.DEFAULTS.channelRound() : channelInterval;
        leaseHeldRetry = leaseHeldRetry == null ? Duration.ofSeconds(2) : leaseHeldRetry;
        failureRetry = failureRetry == null ? Duration.ofSeconds(30) : failureRetry;
        probeInterval = probeInterval == null ? Duration.ofSeconds(15) : probeInterval;
    }

    /** How long a poll waits in place for a group another pass holds before it reschedules itself. */
    static final Duration LEASE_WAIT = Duration.ofSeconds(5);

    /** The scheduler's failure policy. */
    public FailurePolicy failurePolicy() {
        return new FailurePolicy(failureRetry, leaseHeldRetry, LEASE_WAIT);
    }
}
