package dev.calsync.core.sync;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.store.CalendarCommit;
import dev.calsync.core.store.GroupSyncStates;
import dev.calsync.core.store.ProjectionValidity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pass whose reads all came back incremental and empty, over a group whose last projection is still valid
 * (before its horizon, same configuration, no row left pending): projecting and planning again would give an
 * empty plan, so the pass only stores the new tokens. Its cost does not depend on the group's size.
 */
final class IdlePass {
    private IdlePass() {
    }

    static boolean applies(Pass pass, boolean full, Map<CalendarRef, ChangeReader.Read> reads, GroupSyncStates states,
                           String digest) {
        if (full || !pass.errors.isEmpty()) {
            return false;
        }
        ProjectionValidity validity = states.validity();
        if (validity == null || !validity.covers(pass.started, digest)) {
            return false;
        }
        return reads.values().stream().allMatch(read -> !read.full() && read.changes().events().isEmpty());
    }

    /** Stores the reads' tokens, while the lease is still held; throws {@link LeaseLostException} if it is not. */
    static void commit(Pass pass, Map<CalendarRef, ChangeReader.Read> reads, GroupSyncStates states, Lease lease) {
        List<CalendarCommit> commits = new ArrayList<>();
        for (ChangeReader.Read read : reads.values()) {
            commits.add(new CalendarCommit(read.calendar(), false, List.of(),
                    states.of(read.calendar()).afterSuccess(read.changes().nextSyncToken(), false, pass.started)));
        }
        if (!commits.isEmpty()) {
            lease.commitIdle(commits);
        }
    }
}
