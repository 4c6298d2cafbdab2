package dev.calsync.core.sync;

import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.failure.Failure;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.core.store.SyncStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes the blocks of groups taken out of the configuration ({@link SyncStore#retiredBlocks()}), under each
 * group's lease, from every calendar the provider can still reach. A row is forgotten only after its delete
 * succeeded or the provider answered that the block is gone, so a removal stopped half-way (a failure, a crash)
 * resumes where it stopped the next time. A calendar that refuses stops only its own deletes; it is named in the
 * result with why.
 */
public final class RetiredBlockRemoval {
    private static final System.Logger LOG = System.getLogger(RetiredBlockRemoval.class.getName());

    /**
     * @param deleted     blocks deleted (or found gone) and forgotten
     * @param unreachable calendar key → why its blocks could not be removed; they stay recorded for the next try
     * @param busyGroups  retired groups skipped because another worker holds their lease
     * @param left        rows still recorded afterwards
     */
    public record Result(int deleted, Map<String, String> unreachable, Set<String> busyGroups, int left) {
        public Result {
            unreachable = Map.copyOf(unreachable);
            busyGroups = Set.copyOf(busyGroups);
        }

        public boolean complete() {
            return left == 0;
        }
    }

    private final CalendarProvider provider;
    private final SyncStore store;
    private final Clock clock;
    private final String workerId;
    private final Duration leaseTtl;

    public RetiredBlockRemoval(CalendarProvider provider, SyncStore store, Clock clock, String workerId,
                               Duration leaseTtl) {
        this.provider = provider;
        this.store = store;
        this.clock = clock;
        this.workerId = workerId;
        this.leaseTtl = leaseTtl;
    }

    public Result run() {
        return run(null);
    }

    /** Only retired groups with a block on one of {@code accounts} (null: all of them). */
    public Result run(Set<String> accounts) {
        Map<String, List<KnownBlock>> byGroup = new LinkedHashMap<>();
        LeftOverBlocks.retiredRows(store, accounts).forEach(row -> byGroup.computeIfAbsent(row.groupId(), g -> new ArrayList<>()).add(row));
        int deleted = 0;
        Map<String, String> unreachable = new LinkedHashMap<>();
        Set<String> busy = new LinkedHashSet<>();
        for (Map.Entry<String, List<KnownBlock>> group : byGroup.entrySet()) {
            Lease lease = Lease.acquire(store, clock, group.getKey(), workerId + "#retired", leaseTtl);
            if (lease == null) {
                busy.add(group.getKey());
                continue;
            }
            try {
                deleted += remove(group.getValue(), lease, unreachable);
            } catch (LeaseLostException e) {
                busy.add(group.getKey());
            } finally {
                lease.release();
            }
        }
        int left = LeftOverBlocks.retiredRows(store, accounts).size();
        if (deleted > 0 || left > 0) {
            LOG.log(Level.INFO, "retired groups: {0} blocks removed, {1} left ({2})", deleted, left, unreachable);
        }
        return new Result(deleted, unreachable, busy, left);
    }

    /** Series and single blocks first; an occurrence row goes with its series (or when the series is gone). */
    private int remove(List<KnownBlock> rows, Lease lease, Map<String, String> unreachable) {
        int deleted = 0;
        Set<CalendarRef> failed = new LinkedHashSet<>();
        Set<String> removed = new LinkedHashSet<>();
        for (KnownBlock row : rows) {
            if (row.occurrence() != null || failed.contains(row.target())) {
                continue;
            }
            lease.keepAlive();
            try {
                provider.delete(row.target(), row.handle());
            } catch (ProviderException e) {
                failed.add(row.target());
                unreachable.put(row.target().key(), Failure.of(e).description());
                continue;
            }
            store.removeBlock(row.groupId(), row.target(), row.blockId());
            removed.add(row.target().key() + "\n" + row.blockId());
            deleted++;
        }
        Set<String> kept = new LinkedHashSet<>();
        rows.stream().filter(r -> r.occurrence() == null).forEach(r -> kept.add(r.target().key() + "\n" + r.blockId()));
        kept.removeAll(removed);
        for (KnownBlock row : rows) {
            if (row.occurrence() != null && !kept.contains(row.target().key() + "\n" + row.occurrence().seriesKey())) {
                store.removeBlock(row.groupId(), row.target(), row.blockId());
            }
        }
        return deleted;
    }
}
