package dev.calsync.core.sync;

import dev.calsync.core.store.BlockRowWrites;
import dev.calsync.core.store.CalendarCommit;
import dev.calsync.core.store.ProjectionValidity;
import dev.calsync.core.store.SyncStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A held group lease, renewed while a pass works so that only a dead holder's lease runs out. */
final class Lease {
    private final SyncStore store;
    private final Clock clock;
    private final String groupId;
    private final String owner;
    private final Duration ttl;
    private Instant renewedAt;

    private Lease(SyncStore store, Clock clock, String groupId, String owner, Duration ttl, Instant at) {
        this.store = store;
        this.clock = clock;
        this.groupId = groupId;
        this.owner = owner;
        this.ttl = ttl;
        this.renewedAt = at;
    }

    /** The lease, or null when another worker holds it. */
    static Lease acquire(SyncStore store, Clock clock, String groupId, String owner, Duration ttl) {
        Instant now = clock.instant();
        return store.tryAcquireLease(groupId, owner, now, ttl) ? new Lease(store, clock, groupId, owner, ttl, now) : null;
    }

    /** Renew once a third of the lease has passed; throws when it was lost meanwhile. */
    void keepAlive() {
        Instant now = clock.instant();
        if (Duration.between(renewedAt, now).compareTo(ttl.dividedBy(3)) < 0) {
            return;
        }
        if (!store.renewLease(groupId, owner, now, ttl)) {
            throw new LeaseLostException(groupId);
        }
        renewedAt = now;
    }

    /**
     * The commit of what a pass learned, made only while the lease is still ours, checked in the commit's own
     * transaction: a worker paused past its lease must not overwrite the state its successor wrote meanwhile.
     */
    void commitPass(BlockRowWrites rows, List<CalendarCommit> commits, ProjectionValidity validity) {
        Instant now = clock.instant();
        if (!store.commitPass(groupId, owner, now, ttl, rows, commits, validity)) {
            throw new LeaseLostException(groupId);
        }
        renewedAt = now;
    }

    /** The commit of an idle pass, made only while the lease is still ours (one statement where the store can). */
    void commitIdle(List<CalendarCommit> commits) {
        Instant now = clock.instant();
        if (!store.commitIdle(groupId, owner, now, ttl, commits)) {
            throw new LeaseLostException(groupId);
        }
    }

    void release() {
        store.releaseLease(groupId, owner);
    }
}
