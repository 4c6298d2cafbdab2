package dev.calsync.bench;

import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.store.BlockRowWrites;
import dev.calsync.core.store.CalendarCommit;
import dev.calsync.core.store.GroupSyncStates;
import dev.calsync.core.store.ProjectionValidity;
import dev.calsync.core.store.SyncStore;
import dev.calsync.core.store.CalendarSyncState;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real store, through which the benchmark expires one calendar's sync token at a time, as Google does on its
 * own: until the engine commits a fresh token, the calendar's stored token is handed out as a token the emulator
 * cannot honour, so the next incremental list gets a real 410 fullSyncRequired over HTTP. (The emulator's own
 * {@code expireAllSyncTokens} expires every calendar of the project at once, too coarse for a per-user rate.)
 */
final class ExpiringTokenStore implements SyncStore {
    /** Base64url of "expired": no checksum, so the emulator answers 410 fullSyncRequired. */
    static final String EXPIRED_TOKEN = "ZXhwaXJlZA";

    private final SyncStore delegate;
    private final Set<String> expired = ConcurrentHashMap.newKeySet();

    ExpiringTokenStore(SyncStore delegate) {
        this.delegate = delegate;
    }

    void expire(String groupId, CalendarRef calendar) {
        expired.add(key(groupId, calendar));
    }

    private static String key(String groupId, CalendarRef calendar) {
        return groupId + "\n" + calendar.key();
    }

    @Override
    public CalendarSyncState syncState(String groupId, CalendarRef calendar) {
        CalendarSyncState state = delegate.syncState(groupId, calendar);
        if (state.syncToken() != null && expired.contains(key(groupId, calendar))) {
            return new CalendarSyncState(EXPIRED_TOKEN, state.lastFullSync(), state.lastIncrementalSync(),
                    state.lastError(), state.lastErrorAt());
        }
        return state;
    }

    @Override
    public GroupSyncStates syncStates(String groupId, List<CalendarRef> calendars) {
        GroupSyncStates states = delegate.syncStates(groupId, calendars);
        Map<CalendarRef, CalendarSyncState> handedOut = new LinkedHashMap<>();
        calendars.forEach(calendar -> {
            CalendarSyncState state = states.of(calendar);
            handedOut.put(calendar, state.syncToken() != null && expired.contains(key(groupId, calendar))
                    ? new CalendarSyncState(EXPIRED_TOKEN, state.lastFullSync(), state.lastIncrementalSync(),
                    state.lastError(), state.lastErrorAt())
                    : state);
        });
        return new GroupSyncStates(handedOut, states.validity());
    }

    @Override
    public boolean commitPass(String groupId, String owner, Instant now, Duration ttl, BlockRowWrites rows,
                              List<CalendarCommit> commits, ProjectionValidity validity) {
        boolean committed = delegate.commitPass(groupId, owner, now, ttl, rows, commits, validity);
        if (committed) {
            commits.forEach(c -> expired.remove(key(groupId, c.calendar())));
        }
        return committed;
    }

    @Override
    public boolean commitIdle(String groupId, String owner, Instant now, Duration ttl, List<CalendarCommit> commits) {
        boolean committed = delegate.commitIdle(groupId, owner, now, ttl, commits);
        if (committed) {
            commits.forEach(c -> expired.remove(key(groupId, c.calendar())));
        }
        return committed;
    }

    @Override
    public void saveProjectionValidity(String groupId, ProjectionValidity validity) {
        delegate.saveProjectionValidity(groupId, validity);
    }

    @Override
    public void commit(String groupId, List<CalendarCommit> commits) {
        delegate.commit(groupId, commits);
        commits.forEach(c -> expired.remove(key(groupId, c.calendar())));
    }

    @Override
    public void saveGroup(SyncGroup group) {
        delegate.saveGroup(group);
    }

    @Override
    public List<SyncGroup> groups() {
        return delegate.groups();
    }

    @Override
    public List<SyncGroup> groupsSharing(java.util.Collection<CalendarRef> calendars) {
        return delegate.groupsSharing(calendars);
    }

    @Override
    public Optional<SyncGroup> group(String groupId) {
        return delegate.group(groupId);
    }

    @Override
    public void retireGroup(String groupId) {
        delegate.retireGroup(groupId);
    }

    @Override
    public List<KnownBlock> retiredBlocks() {
        return delegate.retiredBlocks();
    }

    @Override
    public String installationId() {
        return delegate.installationId();
    }

    @Override
    public void deleteGroup(String groupId) {
        delegate.deleteGroup(groupId);
    }

    @Override
    public List<SourceEvent> cachedEvents(String groupId, CalendarRef calendar) {
        return delegate.cachedEvents(groupId, calendar);
    }

    @Override
    public void recordFailure(String groupId, CalendarRef calendar, String error, Instant at) {
        delegate.recordFailure(groupId, calendar, error, at);
    }

    @Override
    public List<KnownBlock> blocks(String groupId) {
        return delegate.blocks(groupId);
    }

    @Override
    public void saveBlock(KnownBlock block) {
        delegate.saveBlock(block);
    }

    @Override
    public void saveBlocks(List<KnownBlock> blocks) {
        delegate.saveBlocks(blocks);
    }

    @Override
    public void removeBlock(String groupId, CalendarRef target, String blockId) {
        delegate.removeBlock(groupId, target, blockId);
    }

    @Override
    public void replaceBlocks(String groupId, List<KnownBlock> blocks) {
        delegate.replaceBlocks(groupId, blocks);
    }

    @Override
    public boolean tryAcquireLease(String groupId, String owner, Instant now, Duration ttl) {
        return delegate.tryAcquireLease(groupId, owner, now, ttl);
    }

    @Override
    public boolean renewLease(String groupId, String owner, Instant now, Duration ttl) {
        return delegate.renewLease(groupId, owner, now, ttl);
    }

    @Override
    public void releaseLease(String groupId, String owner) {
        delegate.releaseLease(groupId, owner);
    }
}
