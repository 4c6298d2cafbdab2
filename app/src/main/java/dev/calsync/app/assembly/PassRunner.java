package dev.calsync.app.assembly;

import dev.calsync.app.accounts.AccountPauses;
import dev.calsync.app.accounts.AccountProbes;
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
 * dashboard passes): a paused group is not touched, and a refused grant pauses every group of that account. A
 * paused group's accounts are probed first (when their back-off allows): those that answer again resume, and the
 * group with them when none holds it up any more.
 */
public final class PassRunner {
    private final SyncEngine engine;
    private final JdbcSyncStore store;
    private final AccountPauses pauses;
    private final AccountProbes probes;

    /** What a pass did, and the groups it paused because an account refused our token. */
    public record Ran(GroupReport report, List<String> pausedGroups) {
        public Ran {
            pausedGroups = List.copyOf(pausedGroups);
        }
    }

    public PassRunner(SyncEngine engine, JdbcSyncStore store, AccountPauses pauses, AccountProbes probes) {
        this.engine = engine;
        this.store = store;
        this.pauses = pauses;
        this.probes = probes;
    }

    /** @return the pass, or empty when the group is (still) paused (nothing read, written or deleted) */
    public Optional<Ran> run(SyncGroup group, SyncRequest request) {
        if (store.isPaused(group.id()) && !resumedByProbe(group)) {
            return Optional.empty();
        }
        GroupReport report = engine.sync(group, request);
        List<String> paused = new ArrayList<>();
        report.reconnectNeeded().stream().sorted().forEach(account -> {
            paused.addAll(pauses.reconnectNeeded(account));
            probes.restart(account);
        });
        return Optional.of(new Ran(report, paused));
    }

    /** Probes the accounts that hold the group up; true when the group runs again. */
    private boolean resumedByProbe(SyncGroup group) {
        List<String> waiting = pauses.accountsNeedingReconnect(group);
        if (waiting.isEmpty()) {
            return false; // paused for another reason: only a person resumes it
        }
        for (String account : waiting) {
            if (probes.worksAgain(account)) {
                pauses.reconnected(account);
            }
        }
        return !store.isPaused(group.id());
    }

    /** {@code sync --resume}: the group runs now, and its accounts' next probes start the back-off anew. */
    public void resume(SyncGroup group) {
        pauses.accountsNeedingReconnect(group).forEach(probes::restart);
        pauses.resume(group);
    }

    public AccountPauses pauses() {
        return pauses;
    }

    public SyncEngine engine() {
        return engine;
    }
}
