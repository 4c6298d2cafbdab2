package dev.calsync.core.sync;

import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The blocks a pass believes exist, keyed by target and block key, and findable by the id the provider reports
 * them under; starts from the store's rows.
 */
final class KnownBlocks {
    private final Map<String, KnownBlock> rows = new LinkedHashMap<>();
    /** Rows whose provider id is not their key, by that id. */
    private final Map<String, KnownBlock> byProviderId = new HashMap<>();

    KnownBlocks(Collection<KnownBlock> stored) {
        stored.forEach(this::put);
    }

    Optional<KnownBlock> get(CalendarRef target, String blockId) {
        return Optional.ofNullable(rows.get(slot(target, blockId)));
    }

    /** The row of the block the provider reports as {@code providerId} on {@code target}. */
    Optional<KnownBlock> byProviderId(CalendarRef target, String providerId) {
        KnownBlock row = byProviderId.get(slot(target, providerId));
        return row != null ? Optional.of(row) : get(target, providerId).filter(b -> b.providerId() == null);
    }

    /**
     * The row of a block event read back from a target: by its provider id, or for an occurrence of one of our
     * series, by the series and the occurrence's original start.
     */
    Optional<KnownBlock> of(CalendarRef target, SourceEvent event) {
        if (event.recurringEventId() != null && event.originalStartTime() != null) {
            return byProviderId(target, event.recurringEventId())
                    .flatMap(series -> get(target, new OccurrenceRef(series.blockId(), event.originalStartTime()).key()));
        }
        return byProviderId(target, event.id());
    }

    void put(KnownBlock block) {
        KnownBlock before = rows.put(slot(block.target(), block.blockId()), block);
        if (before != null && before.providerId() != null) {
            byProviderId.remove(slot(before.target(), before.providerId()));
        }
        if (block.providerId() != null) {
            byProviderId.put(slot(block.target(), block.providerId()), block);
        }
    }

    void remove(CalendarRef target, String blockId) {
        KnownBlock before = rows.remove(slot(target, blockId));
        if (before != null && before.providerId() != null) {
            byProviderId.remove(slot(target, before.providerId()));
        }
    }

    /** A full listing of a target is the truth about it: it replaces what was remembered. */
    void replaceTarget(CalendarRef target, List<KnownBlock> listed) {
        rows.values().stream().filter(row -> row.target().equals(target)).map(KnownBlock::blockId).toList()
                .forEach(blockId -> remove(target, blockId));
        listed.forEach(this::put);
    }

    /** True when no row waits for a write: none pending (an insert in flight) or edited (to be restored). */
    boolean allSettled() {
        return rows.values().stream().allMatch(row -> row.state() == dev.calsync.core.block.BlockState.SYNCED
                || row.state() == dev.calsync.core.block.BlockState.RESPECTED);
    }

    List<KnownBlock> all() {
        return new ArrayList<>(rows.values());
    }

    private static String slot(CalendarRef target, String blockId) {
        return target.key() + "\n" + blockId;
    }
}
