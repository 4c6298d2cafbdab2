package dev.calsync.app.assembly;

import dev.calsync.app.accounts.AccountPauses;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.store.JdbcSyncStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One pass over one group, the same for every caller (CLI {@code sync} and {@code cleanup}, scheduled, push and
 * dashboard passes): a paused group is not touched, and a refused grant pauses every group of that account.
 */
public final class PassRunner {
    private final SyncEngine engine;
    private final JdbcSyncStore store;
    private final AccountPauses pauses;

    /** What a pass did, and the groups it paused because an account refused our token. */
    public record Ran(GroupReport report, List<String> pausedGroups) {
        public Ran {
            pausedGroups = List.copyOf(pausedGroups);
        }
    }

    public PassRunner(SyncEngine engine, JdbcSyncStore store, AccountPauses pauses) {
        this.engine = engine;
        this.store = store;
        this.pauses = pauses;
    }

    /** @return the pass, or empty when the group is paused (nothing read, written or deleted) */
    public Optional<Ran> run(SyncGroup group, SyncRequest request) {
        if (store.isPaused(group.id())) {
            return Optional.empty();
        }
        GroupReport report = engine.sync(group, request);
        List<String> paused = new ArrayList<>();
        report.reconnectNeeded().stream().sorted().forEach(account -> paused.addAll(pauses.reconnectNeeded(account)));
        return Optional.of(new Ran(report, paused));
    }

    public AccountPauses pauses() {
        return pauses;
    }

    public SyncEngine engine() {
        return engine;
    }
}
