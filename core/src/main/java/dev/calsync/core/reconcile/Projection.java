package dev.calsync.core.reconcile;

import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockIds;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.block.DesiredBlock;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Desired blocks from a group's cached sources and its window: a pure function. */
public final class Projection {

    private Projection() {
    }

    /**
     * @param sources every cached event per calendar of the group (blocks and cancelled events may be among
     *                them; they are filtered here)
     */
    public static ProjectedBlocks of(SyncGroup group, Map<CalendarRef, List<SourceEvent>> sources,
                                     Instant now) {
        Instant windowStart = group.window().start(now);
        Instant windowEnd = group.window().end(now);
        List<DesiredBlock> desired = new ArrayList<>();
        Set<SourceKey> agedOut = new HashSet<>();
        int skippedRecurring = 0;
        for (CalendarRef source : group.calendars()) {
            for (SourceEvent event : sources.getOrDefault(source, List.of())) {
                if (!BusyFilter.isBusy(event)) {
                    continue;
                }
                if (event.isSeries() || event.isException()) {
                    // Mirroring series as expanded single blocks would cost a write per occurrence and
                    // disagree with the block series later; until series are mirrored they are left out.
                    skippedRecurring++;
                    continue;
                }
                if (!event.end().instant().isAfter(windowStart)) {
                    agedOut.add(new SourceKey(source.key(), event.id()));
                    continue;
                }
                if (!event.start().instant().isBefore(windowEnd)) {
                    continue;
                }
                for (CalendarRef target : group.targetsFor(source)) {
                    desired.add(blockFor(group, source, event, target));
                }
            }
        }
        return new ProjectedBlocks(desired, agedOut, skippedRecurring);
    }

    static DesiredBlock blockFor(SyncGroup group, CalendarRef source, SourceEvent event, CalendarRef target) {
        String blockId = BlockIds.of(group.id(), source, event.id(), target);
        BlockMarker marker = BlockMarker.of(group.id(), source, event.id());
        BlockBody body = new BlockBody(group.busyTitle(), event.start(), event.end(), event.recurrence(),
                marker.properties());
        return new DesiredBlock(group.id(), source, event.id(), target, blockId, body);
    }
}
