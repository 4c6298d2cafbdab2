package dev.calsync.core.sync;

import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.calendar.CalendarRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The blocks a pass believes exist, keyed by target and block id; starts from the store's rows. */
final class BlockRows {
    private final Map<String, KnownBlock> rows = new LinkedHashMap<>();

    BlockRows(Collection<KnownBlock> stored) {
        stored.forEach(this::put);
    }

    Optional<KnownBlock> get(CalendarRef target, String blockId) {
        return Optional.ofNullable(rows.get(slot(target, blockId)));
    }

    void put(KnownBlock block) {
        rows.put(slot(block.target(), block.blockId()), block);
    }

    void remove(CalendarRef target, String blockId) {
        rows.remove(slot(target, blockId));
    }

    /** A full listing of a target is the truth about it: it replaces what was remembered. */
    void replaceTarget(CalendarRef target, List<KnownBlock> listed) {
        rows.values().removeIf(row -> row.target().equals(target));
        listed.forEach(this::put);
    }

    List<KnownBlock> all() {
        return new ArrayList<>(rows.values());
    }

    private static String slot(CalendarRef target, String blockId) {
        return target.key() + "\n" + blockId;
    }
}
