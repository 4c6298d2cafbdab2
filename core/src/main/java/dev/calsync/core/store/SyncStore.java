package dev.calsync.core.store;

import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Durable sync state. Everything is kept per group, so groups (and so people) never share cached events,
 * tokens or blocks. Implementations must be safe for several threads and several processes.
 */
public interface SyncStore {

    // --- groups ---------------------------------------------------------------------------------------

    /** Create or replace a group and its member calendars. Cached events and blocks are kept. */
    void saveGroup(SyncGroup group);

    List<SyncGroup> groups();

    /**
     * The groups that have at least one of {@code calendars} as a member, ordered by id: what deciding whose a
     * block on those calendars is needs, without reading every group of a large installation on every pass.
     */
    default List<SyncGroup> groupsSharing(Collection<CalendarRef> calendars) {
        Set<CalendarRef> wanted = Set.copyOf(calendars);
        return groups().stream().filter(g -> g.calendars().stream().anyMatch(wanted::contains)).toList();
    }

    Optional<SyncGroup> group(String groupId);

    /** Forget a group and everything kept for it (its blocks must have been removed before). */
    void deleteGroup(String groupId);

    /**
     * A group taken out of the configuration: forget it, its cache and tokens, but keep its block rows, which are
     * then {@link #retiredBlocks() retired} until removed. Saving a group of that id again continues with them.
     */
    void retireGroup(String groupId);

    /**
     * This installation's id, made once and kept: every block written carries it, so that two installations writing
     * to one shared calendar never take each other's blocks for their own.
     */
    String installationId();

    // --- per calendar of a group ------------------------------------------------------------------------

    CalendarSyncState syncState(String groupId, CalendarRef calendar);

    /** Every cached source event of the calendar in this group, cancelled ones included. */
    List<SourceEvent> cachedEvents(String groupId, CalendarRef calendar);

    /**
     * In one transaction: apply each calendar's events to the cache and store its new state (token).
     * Called only after every write the events imply has succeeded.
     */
    void commit(String groupId, List<CalendarCommit> commits);

    /**
     * The states of the given calendars of a group and the projection validity they agree on, in one read
     * where the store can. The default reads them one by one and knows no validity (nothing is ever skipped).
     */
    default GroupSyncStates syncStates(String groupId, List<CalendarRef> calendars) {
        Map<CalendarRef, CalendarSyncState> states = new LinkedHashMap<>();
        calendars.forEach(calendar -> states.put(calendar, syncState(groupId, calendar)));
        return new GroupSyncStates(states, null);
    }

    /**
     * Everything a pass learned, in one transaction where the store can: the block rows, each calendar's events
     * and state, and the projection validity of the group (null: none, so the next pass projects again). Made only
     * while {@code owner} still holds the group's lease, checked and renewed in that same transaction: a pass
     * paused past its lease (however briefly before this call) must not overwrite what its successor wrote.
     *
     * @return false when the lease was lost: nothing was written
     */
    default boolean commitPass(String groupId, String owner, Instant now, Duration ttl, BlockRowWrites rows,
                               List<CalendarCommit> commits, ProjectionValidity validity) {
        if (!renewLease(groupId, owner, now, ttl)) {
            return false;
        }
        if (rows.replaceAll()) {
            replaceBlocks(groupId, rows.saved());
        } else {
            if (!rows.saved().isEmpty()) {
                saveBlocks(rows.saved());
            }
            rows.removed().forEach(removal -> removeBlock(groupId, removal.target(), removal.blockId()));
        }
        if (!commits.isEmpty()) {
            commit(groupId, commits);
        }
        saveProjectionValidity(groupId, validity);
        return true;
    }

    /** Stores (or, with null, forgets) the projection validity of every calendar of the group. */
    default void saveProjectionValidity(String groupId, ProjectionValidity validity) {
        // a store that keeps none reports none (see syncStates)
    }

    /**
     * The commit of an idle pass (no events, only states), made only while {@code owner} still holds the lease.
     *
     * @return false when the lease was lost: nothing was written
     */
    default boolean commitIdle(String groupId, String owner, Instant now, Duration ttl, List<CalendarCommit> commits) {
        if (!renewLease(groupId, owner, now, ttl)) {
            return false;
        }
        if (!commits.isEmpty()) {
            commit(groupId, commits);
        }
        return true;
    }

    /** Record a failure without touching the token or the cache. */
    void recordFailure(String groupId, CalendarRef calendar, String error, Instant at);

    // --- blocks ---------------------------------------------------------------------------------------------

    List<KnownBlock> blocks(String groupId);

    /** Insert or replace one block row (key: group, target calendar, block id). */
    void saveBlock(KnownBlock block);

    /** Insert or replace many rows in one transaction (the intents written before a batch of writes). */
    void saveBlocks(List<KnownBlock> blocks);

    void removeBlock(String groupId, CalendarRef target, String blockId);

    /**
     * Rows of blocks whose group the store no longer has (a group retired from the configuration): they are left
     * on their calendars until something removes them, and are forgotten one by one as each removal succeeds.
     */
    List<KnownBlock> retiredBlocks();

    /** Replace all rows of a group with the given ones, in one transaction (after a full reconcile). */
    void replaceBlocks(String groupId, List<KnownBlock> blocks);

    // --- one writer per group -----------------------------------------------------------------------------

    /** Take the group's lease if it is free or expired; true when {@code owner} holds it now until now+ttl. */
    boolean tryAcquireLease(String groupId, String owner, Instant now, Duration ttl);

    /** Extend a lease still held by {@code owner}; false if it was lost (expired and taken by another). */
    boolean renewLease(String groupId, String owner, Instant now, Duration ttl);

    void releaseLease(String groupId, String owner);
}
