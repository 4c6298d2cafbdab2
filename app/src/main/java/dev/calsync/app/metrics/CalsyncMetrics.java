package dev.calsync.app.metrics;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.CallListener;
import dev.calsync.core.sync.GroupReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * calsync's own meters (Prometheus names in brackets). Counters count what this node did; the quota, channel and
 * scheduler gauges ({@link DatabaseGauges}) show the whole cluster, read from the shared database.
 * <ul>
 *   <li>provider calls by kind, account and outcome [{@code calsync_api_calls_total}], calls answered with a
 *       transient failure and so retried [{@code calsync_api_retries_total}]</li>
 *   <li>pass duration by trigger and outcome [{@code calsync_sync_duration_seconds}], failed passes per group
 *       [{@code calsync_sync_failures_total}], source change to blocks written
 *       [{@code calsync_propagation_latency_seconds}]</li>
 *   <li>expired or refused sync tokens [{@code calsync_token_expiries_total}], full lists
 *       [{@code calsync_full_syncs_total}], blocks the safety reconcile had to fix
 *       [{@code calsync_integrity_fixes_total}]</li>
 *   <li>push notifications received by result [{@code calsync_push_notifications_received_total}] and rejected by
 *       reason [{@code calsync_push_notifications_rejected_total}], channels opened, renewed and stopped
 *       [{@code calsync_push_channel_operations_total}]</li>
 * </ul>
 */
public final class CalsyncMetrics implements CallListener {

    /** Statuses the Google adapter retries (with backoff) when its budget allows. */
    private static final Set<String> RETRIED = Set.of("429", "500", "502", "503", "504", "io");

    private final MeterRegistry registry;
    private final boolean accountLabel;

    public CalsyncMetrics(MeterRegistry registry, boolean accountLabel) {
        this.registry = registry;
        this.accountLabel = accountLabel;
        // Registered up front so that dashboards and alert rules see them at zero.
        tokenExpiries();
        fullSyncs();
        integrityFixes();
        for (String trigger : new String[] {"poll", "push", "reconcile", "horizon"}) {
            for (String outcome : new String[] {"synced", "partial"}) {
                syncTimer(trigger, outcome);
            }
        }
        latencyTimer();
        Counter.builder("calsync.push.notifications.received").tag("result", "sync")
                .description("Push notifications accepted").register(registry);
        Counter.builder("calsync.push.notifications.rejected").tag("reason", "unknown_channel")
                .description("Push notifications rejected").register(registry);
        Counter.builder("calsync.sync.failures").tag("group", "none").tag("trigger", "poll")
                .description("Passes that left a calendar unread or unwritten").register(registry);
        Counter.builder("calsync.api.retries").tag("kind", "list")
                .description("Provider calls answered with a transient failure (429, 5xx, network), retried with backoff "
                        + "unless the retry budget was spent").register(registry);
    }

    @Override
    public void onCall(CalendarRef calendar, CallKind kind, String outcome) {
        String kindName = kind.name().toLowerCase(Locale.ROOT);
        String result = outcome == null ? "unknown" : outcome;
        Counter.builder("calsync.api.calls")
                .description("Provider API calls, retries included")
                .tag("kind", kindName)
                .tag("account", accountLabel ? calendar.accountId() : "all")
                .tag("outcome", result)
                .register(registry).increment();
        if (RETRIED.contains(result)) {
            // 403 rate limits are retried too, but the outcome does not tell them from other 403s: see the calls.
            registry.counter("calsync.api.retries", "kind", kindName).increment();
        }
    }

    /** A finished pass; {@code trigger} says what started it (poll, push, reconcile, horizon). */
    public void pass(String trigger, GroupReport report) {
        if (report.outcome() == GroupReport.Outcome.LEASE_HELD) {
            registry.counter("calsync.sync.lease.held", "trigger", trigger).increment();
            return;
        }
        String outcome = report.outcome().name().toLowerCase(Locale.ROOT);
        syncTimer(trigger, outcome).record(report.took());
        if (report.outcome() == GroupReport.Outcome.PARTIAL) {
            registry.counter("calsync.sync.failures", "group", report.groupId(), "trigger", trigger).increment();
        }
        registry.counter("calsync.blocks.written", "op", "insert").increment(report.inserted());
        registry.counter("calsync.blocks.written", "op", "update").increment(report.updated());
        registry.counter("calsync.blocks.written", "op", "delete").increment(report.deleted());
    }

    /** A pass that threw instead of reporting (a database outage, a bug). */
    public void passFailed(String trigger, String groupId) {
        registry.counter("calsync.sync.failures", "group", groupId, "trigger", trigger).increment();
    }

    public void propagation(Duration latency) {
        latencyTimer().record(latency.isNegative() ? Duration.ZERO : latency);
    }

    public void tokenExpired() {
        tokenExpiries().increment();
    }

    public void fullSync() {
        fullSyncs().increment();
    }

    public void integrityFixes(int fixes) {
        integrityFixes().increment(fixes);
    }

    public void notificationReceived(String result) {
        registry.counter("calsync.push.notifications.received", "result", result).increment();
    }

    public void notificationRejected(String reason) {
        registry.counter("calsync.push.notifications.rejected", "reason", reason).increment();
    }

    /** An echo window closed on a calendar whose notifications merge: one confirming list follows. */
    public void echoConfirmation() {
        registry.counter("calsync.push.echo.confirmations").increment();
    }

    public void channelOperation(String operation, String outcome) {
        registry.counter("calsync.push.channel.operations", "operation", operation, "outcome", outcome).increment();
    }

    private Timer syncTimer(String trigger, String outcome) {
        return Timer.builder("calsync.sync.duration")
                .description("Duration of one pass over one group")
                .tag("trigger", trigger).tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
    }

    private Timer latencyTimer() {
        return Timer.builder("calsync.propagation.latency")
                .description("From a source event's change (its 'updated') to the end of the pass that wrote its blocks")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(50))
                .maximumExpectedValue(Duration.ofHours(7))
                .register(registry);
    }

    private Counter tokenExpiries() {
        return Counter.builder("calsync.token.expiries")
                .description("Sync tokens refused (410 expired, 400 invalid): the calendar is listed in full").register(registry);
    }

    private Counter fullSyncs() {
        return Counter.builder("calsync.full.syncs").description("Full lists of a calendar").register(registry);
    }

    private Counter integrityFixes() {
        return Counter.builder("calsync.integrity.fixes")
                .description("Blocks the daily safety reconcile had to insert, update or delete").register(registry);
    }
}
