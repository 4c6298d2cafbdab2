package dev.calsync.core.store;

import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.calendar.CalendarRef;
import java.util.List;

/**
 * The block rows a pass learned, written with its tokens in one transaction.
 *
 * @param replaceAll true after a full listing: the group's rows become exactly {@code saved}
 * @param saved      rows to insert or replace
 * @param removed    rows to delete (never also in {@code saved})
 */
public record BlockRowWrites(boolean replaceAll, List<KnownBlock> saved, List<Removal> removed) {
    public static final BlockRowWrites NONE = new BlockRowWrites(false, List.of(), List.of());

    /** One row to delete. */
    public record Removal(CalendarRef target, String blockId) {
    }

    public BlockRowWrites {
        saved = List.copyOf(saved);
        removed = List.copyOf(removed);
    }

    public boolean isEmpty() {
        return !replaceAll && saved.isEmpty() && removed.isEmpty();
    }
}
