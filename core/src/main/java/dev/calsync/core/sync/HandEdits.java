package dev.calsync.core.sync;

import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.block.BlockState;
import dev.calsync.core.block.DesiredBlock;
import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.ManualEditPolicy;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.reconcile.OccurrenceDefaults;
import dev.calsync.core.reconcile.ProjectedBlocks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Phase three of a pass: what the reads show of the blocks themselves. Every calendar is also a source, so
 * its changes include our own block writes: a block whose content equals what we wrote is our echo and costs
 * nothing; one that differs was edited or deleted by hand, and the group's policy says whether the plan puts
 * it back ("restore") or leaves it until its source changes ("respect").
 */
final class HandEdits {
    private final SyncGroup group;
    private final KnownBlocks rows;
    /** Whose the blocks read are; asked for (from the store) only when a read shows a block without a row. */
    private final Supplier<BlockOwnership> ownershipSource;
    private BlockOwnership ownership;
    private final List<KnownBlock> respected = new ArrayList<>();
    private final List<StrayOccurrence> strays = new ArrayList<>();
    private int count;

    HandEdits(SyncGroup group, KnownBlocks rows, Supplier<BlockOwnership> ownership) {
        this.group = group;
        this.rows = rows;
        this.ownershipSource = ownership;
    }

    /** Blocks edited by hand seen so far. */
    int count() {
        return count;
    }

    /** Rows newly marked as respected hand edits: to be stored with the pass. */
    List<KnownBlock> respected() {
        return respected;
    }

    /** A full listing of a target is the truth about it; a respected block keeps its remembered content. */
    void replaceByListing(ChangeReader.Read read) {
        List<KnownBlock> listed = ListedBlocks.of(group, read.calendar(), read.changes().events(), ownership()).stream()
                .map(block -> rows.get(block.target(), block.blockId())
                        .filter(row -> row.state() == BlockState.RESPECTED)
                        .orElse(block))
                .toList();
        rows.replaceTarget(read.calendar(), listed);
    }

    private BlockOwnership ownership() {
        if (ownership == null) {
            ownership = ownershipSource.get();
        }
        return ownership;
    }

    void noteEchoes(ChangeReader.Read read) {
        for (SourceEvent event : read.changes().events()) {
            // Known by id, not by marker: a deleted block comes back as a bare cancelled id.
            Optional<KnownBlock> row = rows.of(read.calendar(), event);
            if (row.isEmpty()) {
                if (event.recurringEventId() != null) {
                    StrayOccurrence.of(read.calendar(), event, rows).ifPresent(strays::add);
                } else if (!event.cancelled() && BlockMarker.isBlock(event.privateProperties())) {
                    // A live block of this group we have no row for (written by a worker that lost its lease,
                    // or by an older version): adopt it, so the plan keeps it if wanted and deletes it if not.
                    // A person's event or a bare cancelled id is none: they need no look at the other groups.
                    ListedBlocks.of(group, read.calendar(), List.of(event), ownership()).forEach(rows::put);
                }
                continue;
            }
            if (row.get().state() != BlockState.SYNCED
                    || row.get().contentHash().equals(BlockBody.contentHashOf(event))) {
                continue;
            }
            count++;
            if (group.manualEdits() == ManualEditPolicy.RESTORE) {
                rows.put(row.get().withState(BlockState.EDITED));
            } else {
                KnownBlock kept = row.get().withState(BlockState.RESPECTED);
                rows.put(kept);
                respected.add(kept);
            }
        }
    }

    /**
     * An occurrence of one of our block series that someone moved or deleted by hand has no row of its own.
     * Under "restore" it is put back to what the series says, unless it already is (then it is our own echo).
     * Needs the projection, to know what the series says.
     */
    void noteEditedOccurrences(ProjectedBlocks projected) {
        if (strays.isEmpty() || group.manualEdits() != ManualEditPolicy.RESTORE) {
            return;
        }
        Map<String, DesiredBlock> desired = new HashMap<>();
        projected.desired().forEach(b -> desired.put(b.target().key() + "\n" + b.blockId(), b));
        for (StrayOccurrence stray : strays) {
            DesiredBlock series = desired.get(stray.row().target().key() + "\n" + stray.series().blockId());
            if (series == null || series.body().recurrence().isEmpty()) {
                continue; // no longer a series: its old occurrences are gone with it
            }
            Optional<DesiredBlock> plain = OccurrenceDefaults.of(series, stray.row());
            if (plain.isPresent() && !plain.get().contentHash().equals(stray.echoHash())
                    && rows.get(stray.row().target(), stray.row().blockId()).isEmpty()) {
                rows.put(stray.row().withState(BlockState.EDITED));
                count++;
            }
        }
    }
}
