package dev.calsync.integration.simulation;

import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.store.BlockRowWrites;
import dev.calsync.core.store.CalendarCommit;
import dev.calsync.core.store.ProjectionValidity;
import dev.calsync.core.store.SyncStore;
import dev.calsync.core.store.CalendarSyncState;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The store as one engine sees it: every write is a step of its {@link StepHook}, and a dead engine reaches nothing. */
final class HookedSyncStore implements SyncStore {
    private final SyncStore store;
    private final StepHook hook;

    /** Passes of this engine that hold a lease now (acquired and not yet released). */
    private final Set<String> holders = new HashSet<>();

    HookedSyncStore(SyncStore store, StepHook hook) {
        this.store = store;
        this.hook = hook;
    }

    @Override
    public void saveGroup(SyncGroup group) {
        hook.checkAlive();
        store.saveGroup(group);
        hook.step();
    }

    @Override
    public List<SyncGroup> groups() {
        hook.checkAlive();
        return store.groups();
    }

    @Override
    public List<SyncGroup> groupsSharing(Collection<CalendarRef> calendars) {
        hook.checkAlive();
        return store.groupsSharing(calendars);
    }

    @Override
    public Optional<SyncGroup> group(String groupId) {
        hook.checkAlive();
        return store.group(groupId);
    }

    @Override
    public void retireGroup(String groupId) {
        store.retireGroup(groupId);
    }

    @Override
    public List<KnownBlock> retiredBlocks() {
        return store.retiredBlocks();
    }

    @Override
    public String installationId() {
        return store.installationId();
    }

    @Override
    public void deleteGroup(String groupId) {
        hook.checkAlive();
        store.deleteGroup(groupId);
        hook.step();
    }

    @Override
    public CalendarSyncState syncState(String groupId, CalendarRef calendar) {
        hook.checkAlive();
        return store.syncState(groupId, calendar);
    }

    @Override
    public List<SourceEvent> cachedEvents(String groupId, CalendarRef calendar) {
        hook.checkAlive();
        return store.cachedEvents(groupId, calendar);
    }

    @Override
    public void commit(String groupId, List<CalendarCommit> commits) {
        hook.checkAlive();
        store.commit(groupId, commits);
        hook.step();
    }

    @Override
    public boolean commitPass(String groupId, String owner, Instant now, Duration ttl, BlockRowWrites rows,
                              List<CalendarCommit> commits, ProjectionValidity validity) {
        hook.checkAlive();
        boolean committed = store.commitPass(groupId, owner, now, ttl, rows, commits, validity);
        hook.step();
        return committed;
    }

    @Override
    public void recordFailure(String groupId, CalendarRef calendar, String error, Instant at) {
        hook.checkAlive();
        store.recordFailure(groupId, calendar, error, at);
        hook.step();
    }

    @Override
    public List<KnownBlock> blocks(String groupId) {
        hook.checkAlive();
        return store.blocks(groupId);
    }

    @Override
    public void saveBlock(KnownBlock block) {
        hook.checkAlive();
        store.saveBlock(block);
        hook.step();
    }

    @Override
    public void saveBlocks(List<KnownBlock> blocks) {
        hook.checkAlive();
        store.saveBlocks(blocks);
        hook.step();
    }

    @Override
    public void removeBlock(String groupId, CalendarRef target, String blockId) {
        hook.checkAlive();
        store.removeBlock(groupId, target, blockId);
        hook.step();
    }

    @Override
    public void replaceBlocks(String groupId, List<KnownBlock> blocks) {
        hook.checkAlive();
        store.replaceBlocks(groupId, blocks);
        hook.step();
    }

    @Override
    public boolean tryAcquireLease(String groupId, String owner, Instant now, Duration ttl) {
        hook.checkAlive();
        boolean acquired = store.tryAcquireLease(groupId, owner, now, ttl);
        if (acquired) {
            holders.add(owner);
        }
        hook.step();
        return acquired;
    }

    @Override
    public boolean renewLease(String groupId, String owner, Instant now, Duration ttl) {
        hook.checkAlive();
        boolean renewed = store.renewLease(groupId, owner, now, ttl);
        hook.step();
        return renewed;
    }

    @Override
    public void releaseLease(String groupId, String owner) {
        hook.checkAlive();
        store.releaseLease(groupId, owner);
        holders.remove(owner);
        hook.step();
    }

    /** Whether a pass of this engine holds a lease right now (the lease may have run out meanwhile). */
    boolean holdsALease() {
        return !holders.isEmpty();
    }
}
