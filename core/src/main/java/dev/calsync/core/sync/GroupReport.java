package dev.calsync.core.sync;

import dev.calsync.core.failure.Failure;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What one pass over a group did: the basis of CLI output, logs, metrics and the dashboard.
 *
 * @param reconnectNeeded accounts whose grant was refused (401 after a refresh): their groups should pause
 * @param failures        the first failure of each calendar that failed, for the {@code FailurePolicy}
 */
public record GroupReport(
        String groupId,
        Outcome outcome,
        String mode,
        List<CalendarReport> calendars,
        int inserted,
        int updated,
        int deleted,
        int forgotten,
        int handEdits,
        int skippedRecurring,
        int failedWrites,
        Duration took,
        Set<String> reconnectNeeded,
        List<Failure> failures) {

    public enum Outcome {
        /** Everything read and written; tokens advanced. */
        SYNCED,
        /** Some calendar could not be read or written; what succeeded is kept, failed parts retry next pass. */
        PARTIAL,
        /** Another worker holds the group's lease; nothing done. */
        LEASE_HELD
    }

    public GroupReport {
        calendars = List.copyOf(calendars);
        reconnectNeeded = Set.copyOf(reconnectNeeded);
        failures = List.copyOf(failures);
    }

    public GroupReport(String groupId, Outcome outcome, String mode, List<CalendarReport> calendars, int inserted,
                       int updated, int deleted, int forgotten, int handEdits, int skippedRecurring, int failedWrites,
                       Duration took, Set<String> reconnectNeeded) {
        this(groupId, outcome, mode, calendars, inserted, updated, deleted, forgotten, handEdits, skippedRecurring,
                failedWrites, took, reconnectNeeded, List.of());
    }

    public int writes() {
        return inserted + updated + deleted;
    }

    public static GroupReport leaseHeld(String groupId, String mode) {
        return new GroupReport(groupId, Outcome.LEASE_HELD, mode, List.of(), 0, 0, 0, 0, 0, 0, 0, Duration.ZERO, Set.of());
    }
}
