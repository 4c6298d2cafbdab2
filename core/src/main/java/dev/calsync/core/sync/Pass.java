package dev.calsync.core.sync;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.failure.Failure;
import dev.calsync.core.failure.FailurePolicy;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.provider.ProviderException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What one pass over a group has seen so far; becomes its {@link GroupReport}. */
final class Pass {
    final SyncGroup group;
    final SyncRequest request;
    final Instant started;
    final Map<CalendarRef, CalendarReport> calendarReports = new LinkedHashMap<>();
    final Map<CalendarRef, Failure> errors = new LinkedHashMap<>();
    final Set<String> reconnectNeeded = new TreeSet<>();
    int handEdits;
    int skippedRecurring;

    Pass(SyncGroup group, SyncRequest request, Instant started) {
        this.group = group;
        this.request = request;
        this.started = started;
    }

    void fail(CalendarRef calendar, ProviderException e) {
        Failure failure = Failure.of(e);
        if (FailurePolicy.pausesAccount(failure)) {
            reconnectNeeded.add(calendar.accountId());
        }
        String error = failure.description();
        errors.putIfAbsent(calendar, failure);
        CalendarReport before = calendarReports.get(calendar);
        calendarReports.put(calendar, before == null
                ? new CalendarReport(calendar.key(), "none", null, 0, error)
                : new CalendarReport(before.calendar(), before.read(), before.fullReason(), before.changes(), error));
    }

    GroupReport report(String mode, PlanExecutor.Result applied, Instant finished) {
        GroupReport.Outcome outcome = errors.isEmpty() ? GroupReport.Outcome.SYNCED : GroupReport.Outcome.PARTIAL;
        return new GroupReport(group.id(), outcome, mode, calendarReports.values().stream().toList(),
                applied.inserted, applied.updated, applied.deleted, applied.forgotten, handEdits, skippedRecurring,
                applied.failedWrites(), Duration.between(started, finished), reconnectNeeded,
                errors.values().stream().toList());
    }
}
