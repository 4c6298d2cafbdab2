package dev.calsync.app.cluster;

import dev.calsync.core.sync.GroupReport;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last pass of each group on this node (scheduled, pushed or asked for on the dashboard), for the dashboard. Per-calendar times and errors come from the store;
 * this adds the pass's outcome and writes, which the store does not keep.
 */
public final class LastRuns {

    public record LastRun(Instant finished, GroupReport report) {
    }

    private final Map<String, LastRun> byGroup = new ConcurrentHashMap<>();

    void record(GroupReport report, Instant finished) {
        byGroup.put(report.groupId(), new LastRun(finished, report));
    }

    public Optional<LastRun> of(String groupId) {
        return Optional.ofNullable(byGroup.get(groupId));
    }

    public void forget(String groupId) {
        byGroup.remove(groupId);
    }
}
