package dev.calsync.app.schedule;

import dev.calsync.app.accounts.AccountPauses;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.store.JdbcSyncStore;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Runs one {@link SyncOrder}: a pass of the engine over the group, unless the group is gone or paused. */
@Component
public class GroupSyncRunner {

    private final JdbcSyncStore store;
    private final SyncEngine engine;
    private final AccountPauses pauses;
    private final LastRuns lastRuns;
    private final Clock clock;

    public GroupSyncRunner(JdbcSyncStore store, SyncEngine engine, AccountPauses pauses, LastRuns lastRuns,
                           Clock clock) {
        this.store = store;
        this.engine = engine;
        this.pauses = pauses;
        this.lastRuns = lastRuns;
        this.clock = clock;
    }

    /** @return the pass's report, or empty when the group was deleted or is paused */
    public Optional<GroupReport> run(SyncOrder order) {
        Optional<SyncGroup> group = store.group(order.groupId());
        if (group.isEmpty() || store.isPaused(order.groupId())) {
            return Optional.empty();
        }
        GroupReport report = engine.sync(group.get(), order.full() ? SyncRequest.fullReconcile() : SyncRequest.poll());
        // A refused grant stops the account's groups until it is connected again; nothing is deleted.
        report.reconnectNeeded().forEach(pauses::reconnectNeeded);
        if (report.outcome() != GroupReport.Outcome.LEASE_HELD) {
            lastRuns.record(report, clock.instant());
        }
        return Optional.of(report);
    }
}
