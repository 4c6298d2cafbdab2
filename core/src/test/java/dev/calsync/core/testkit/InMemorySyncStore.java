package dev.calsync.core.testkit;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link SyncStore} in memory, with the JDBC store's semantics (per-group state, atomic commits, leases). */
public final class InMemorySyncStore implements SyncStore {
    private final Map<String, SyncGroup> groups = new LinkedHashMap<>();
    private final Map<String, CalendarSyncState> states = new LinkedHashMap<>();
    private final Map<String, Map<String, SourceEvent>> cache = new LinkedHashMap<>();
    private final Map<String, Map<String, KnownBlock>> blocks = new LinkedHashMap<>();
    private final Map<String, Lease> leases = new LinkedHashMap<>();

    private record Lease(String owner, Instant until) {
    }

    @Override
    public synchronized void saveGroup(SyncGroup group) {
        groups.put(group.id(), group);
    }

    @Override
    public synchronized List<SyncGroup> groups() {
        return List.copyOf(groups.values());
    }

    @Override
    public synchronized Optional<SyncGroup> group(String groupId) {
        return Optional.ofNullable(groups.get(groupId));
    }

    @Override
    public synchronized void deleteGroup(String groupId) {
        groups.remove(groupId);
        String prefix = groupId + "\n";
        states.keySet().removeIf(k -> k.startsWith(prefix));
        cache.keySet().removeIf(k -> k.startsWith(prefix));
        blocks.remove(groupId);
        leases.remove(groupId);
    }

    @Override
    public synchronized void retireGroup(String groupId) {
        Map<String, KnownBlock> kept = blocks.get(groupId);
        deleteGroup(groupId);
        if (kept != null) {
            blocks.put(groupId, kept);
        }
    }

    @Override
    public synchronized CalendarSyncState syncState(String groupId, CalendarRef calendar) {
        return states.getOrDefault(slot(groupId, calendar), CalendarSyncState.NEW);
    }

    @Override
    public synchronized List<SourceEvent> cachedEvents(String groupId, CalendarRef calendar) {
        return List.copyOf(cache.getOrDefault(slot(groupId, calendar), Map.of()).values());
    }

    @Override
    public synchronized void commit(String groupId, List<CalendarCommit> commits) {
        for (CalendarCommit commit : commits) {
            Map<String, SourceEvent> events = cache.computeIfAbsent(slot(groupId, commit.calendar()),
                    k -> new LinkedHashMap<>());
            if (commit.replaceAll()) {
                events.clear();
            }
            commit.events().forEach(e -> events.put(e.id(), e));
            states.put(slot(groupId, commit.calendar()), commit.state());
        }
    }

    /** The default's steps, made atomic: no other thread can take the lease between its check and the writes. */
    @Override
    public synchronized boolean commitPass(String groupId, String owner, Instant now, Duration ttl,
                                           BlockRowWrites rows, List<CalendarCommit> commits,
                                           ProjectionValidity validity) {
        return SyncStore.super.commitPass(groupId, owner, now, ttl, rows, commits, validity);
    }

    @Override
    public synchronized void recordFailure(String groupId, CalendarRef calendar, String error, Instant at) {
        states.put(slot(groupId, calendar), syncState(groupId, calendar).afterFailure(error, at));
    }

    @Override
    public String installationId() {
        return "test-installation";
    }

    @Override
    public synchronized List<KnownBlock> retiredBlocks() {
        return blocks.entrySet().stream().filter(e -> !groups.containsKey(e.getKey()))
                .flatMap(e -> e.getValue().values().stream()).toList();
    }

    @Override
    public synchronized List<KnownBlock> blocks(String groupId) {
        return new ArrayList<>(blocks.getOrDefault(groupId, Map.of()).values());
    }

    @Override
    public synchronized void saveBlock(KnownBlock block) {
        blocks.computeIfAbsent(block.groupId(), k -> new LinkedHashMap<>()).put(slot(block), block);
    }

    @Override
    public synchronized void saveBlocks(List<KnownBlock> rows) {
        rows.forEach(this::saveBlock);
    }

    @Override
    public synchronized void removeBlock(String groupId, CalendarRef target, String blockId) {
        Map<String, KnownBlock> rows = blocks.get(groupId);
        if (rows != null) {
            rows.remove(target.key() + "\n" + blockId);
        }
    }

    @Override
    public synchronized void replaceBlocks(String groupId, List<KnownBlock> rows) {
        blocks.remove(groupId);
        saveBlocks(rows);
    }

    @Override
    public synchronized boolean tryAcquireLease(String groupId, String owner, Instant now, Duration ttl) {
        Lease held = leases.get(groupId);
        if (held != null && !held.owner().equals(owner) && held.until().isAfter(now)) {
            return false;
        }
        leases.put(groupId, new Lease(owner, now.plus(ttl)));
        return true;
    }

    @Override
    public synchronized boolean renewLease(String groupId, String owner, Instant now, Duration ttl) {
        Lease held = leases.get(groupId);
        if (held == null || !held.owner().equals(owner)) {
            return false;
        }
        leases.put(groupId, new Lease(owner, now.plus(ttl)));
        return true;
    }

    @Override
    public synchronized void releaseLease(String groupId, String owner) {
        leases.computeIfPresent(groupId, (id, held) -> held.owner().equals(owner) ? null : held);
    }

    private static String slot(String groupId, CalendarRef calendar) {
        return groupId + "\n" + calendar.key();
    }

    private static String slot(KnownBlock block) {
        return block.target().key() + "\n" + block.blockId();
    }
}
