package dev.calsync.core.sync;

import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.store.BlockRowWrites;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The block rows a pass confirmed, kept until the pass commits them with its tokens in one transaction. Safe to
 * defer: an insert's row is written down (as an intent) before the insert is sent, and every other write is found
 * again and repeated idempotently by a pass that replays from the old token. The last word on a row wins.
 */
final class RowWrites {
    private final Map<String, KnownBlock> saved = new LinkedHashMap<>();
    private final Map<String, BlockRowWrites.Removal> removed = new LinkedHashMap<>();

    void save(KnownBlock row) {
        String slot = slot(row.target(), row.blockId());
        removed.remove(slot);
        saved.put(slot, row);
    }

    void remove(CalendarRef target, String blockId) {
        String slot = slot(target, blockId);
        saved.remove(slot);
        removed.put(slot, new BlockRowWrites.Removal(target, blockId));
    }

    /** The rows of blocks that writes confirmed to exist. */
    List<KnownBlock> saved() {
        return new ArrayList<>(saved.values());
    }

    BlockRowWrites writes() {
        return new BlockRowWrites(false, new ArrayList<>(saved.values()), new ArrayList<>(removed.values()));
    }

    private static String slot(CalendarRef target, String blockId) {
        return target.key() + "\n" + blockId;
    }

}
