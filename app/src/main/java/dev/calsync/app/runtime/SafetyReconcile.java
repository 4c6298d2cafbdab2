package dev.calsync.app.runtime;

import dev.calsync.app.assembly.PassRunner;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.RetiredBlockRemoval;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.store.JdbcSyncStore;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The daily safety net: per group, first an ordinary poll (so that what people changed since the last pass is
 * applied the ordinary way), then a full reconcile. Whatever the full reconcile still has to write is drift the
 * incremental sync missed: it should be nothing, and anything else is logged at WARN as an "integrity alert"
 * with counts only (never event content). Paused groups are left alone. Blocks of groups taken out of the
 * configuration are removed in the same round ({@link #removeRetired()}), and a removal stopped half-way resumes.
 */
public final class SafetyReconcile {
    private static final System.Logger LOG = System.getLogger(SafetyReconcile.class.getName());

    /** What the full reconcile of one group had to fix; {@code skipped} says why nothing was checked, or null. */
    public record GroupResult(String groupId, String skipped, int inserted, int updated, int deleted, String error) {
        public int fixes() {
            return inserted + updated + deleted;
        }
    }

    public record Result(List<GroupResult> groups) {
        public Result {
            groups = List.copyOf(groups);
        }

        public int fixes() {
            return groups.stream().mapToInt(GroupResult::fixes).sum();
        }

        /** True when no group needed a fix and every group was checked. */
        public boolean clean() {
            return groups.stream().allMatch(g -> g.fixes() == 0 && g.skipped() == null && g.error() == null);
        }
    }

    /** Runs one pass: the engine itself for the CLI, the node's pass runner (metrics, log, dashboard) in a server. */
    @FunctionalInterface
    public interface Passes {
        GroupReport sync(SyncGroup group, SyncRequest request);
    }

    private final Passes passes;
    private final JdbcSyncStore store;
    private final Consumer<String> alerts;
    private final RetiredBlockRemoval retired;

    public SafetyReconcile(SyncRuntime runtime) {
        this((group, request) -> runtime.passes().run(group, request).map(PassRunner.Ran::report)
                .orElseGet(() -> GroupReport.leaseHeld(group.id(), "paused")), runtime.store(),
                alert -> LOG.log(Level.WARNING, alert), runtime.retiredRemoval());
    }

    /**
     * @param alerts  receives each integrity alert (the runtime logs them at WARN)
     * @param retired removes the blocks of retired groups
     */
    public SafetyReconcile(Passes passes, JdbcSyncStore store, Consumer<String> alerts, RetiredBlockRemoval retired) {
        this.passes = passes;
        this.store = store;
        this.alerts = alerts;
        this.retired = retired;
    }

    public Result run(List<SyncGroup> groups) {
        List<GroupResult> results = new ArrayList<>();
        for (SyncGroup group : groups) {
            results.add(check(group));
        }
        removeRetired();
        return new Result(results);
    }

    /** Removes what retired groups left on calendars still reachable; what is left is retried next time. */
    public RetiredBlockRemoval.Result removeRetired() {
        RetiredBlockRemoval.Result result = retired.run();
        if (!result.complete()) {
            LOG.log(Level.WARNING, "retired groups: {0} blocks still recorded; cannot reach {1}", result.left(),
                    result.unreachable().isEmpty() ? "(busy: " + result.busyGroups() + ")" : result.unreachable());
        }
        return result;
    }

    public GroupResult check(SyncGroup group) {
        if (store.isPaused(group.id())) {
            return new GroupResult(group.id(), "paused", 0, 0, 0, null);
        }
        GroupReport poll = passes.sync(group, SyncRequest.poll());
        if (poll.outcome() == GroupReport.Outcome.LEASE_HELD) {
            return new GroupResult(group.id(), "another worker holds the lease", 0, 0, 0, null);
        }
        GroupReport full = passes.sync(group, SyncRequest.fullReconcile());
        if (full.outcome() == GroupReport.Outcome.LEASE_HELD) {
            return new GroupResult(group.id(), "another worker holds the lease", 0, 0, 0, null);
        }
        String error = full.outcome() == GroupReport.Outcome.PARTIAL ? firstError(full) : null;
        GroupResult result = new GroupResult(group.id(), null, full.inserted(), full.updated(), full.deleted(), error);
        if (result.fixes() > 0) {
            alerts.accept(String.format("integrity alert: group %s: the safety reconcile had to fix %d blocks "
                            + "(%d inserted, %d updated, %d deleted) that incremental sync had left wrong",
                    group.id(), result.fixes(), result.inserted(), result.updated(), result.deleted()));
        } else {
            LOG.log(Level.INFO, "safety reconcile of group {0}: nothing to fix", group.id());
        }
        return result;
    }

    private static String firstError(GroupReport report) {
        return report.calendars().stream().map(c -> c.error()).filter(e -> e != null).findFirst().orElse("partial");
    }
}
