package dev.calsync.app.schedule;

import dev.calsync.app.cluster.ClusterSync;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.store.JdbcSyncStore;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Runs one {@link SyncOrder} through the node's one engine, unless the group is gone or paused. */
@Component
public class GroupSyncRunner {

    private final JdbcSyncStore store;
    private final ClusterSync sync;

    public GroupSyncRunner(JdbcSyncStore store, ClusterSync sync) {
        this.store = store;
        this.sync = sync;
    }

    /** @return the pass's report, or empty when the group was deleted or is paused */
    public Optional<GroupReport> run(SyncOrder order) {
        Optional<SyncGroup> group = store.group(order.groupId());
        if (group.isEmpty()) {
            return Optional.empty();
        }
        return sync.run(group.get(), order.full() ? SyncRequest.fullReconcile() : SyncRequest.poll(),
                ClusterSync.Trigger.MANUAL);
    }
}
