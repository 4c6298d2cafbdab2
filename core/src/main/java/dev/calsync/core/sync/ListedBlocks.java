package dev.calsync.core.sync;

import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.block.BlockState;
import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.reconcile.SeriesOccurrences;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Reads a group's own blocks out of a full listing of one of its calendars. */
final class ListedBlocks {
    private ListedBlocks() {
    }

    static List<KnownBlock> of(SyncGroup group, CalendarRef target, List<SourceEvent> listed) {
        Map<String, String> calendarByHash = new HashMap<>();
        group.calendars().forEach(c -> calendarByHash.put(BlockMarker.calendarHash(c), c.key()));
        Map<String, KnownBlock> liveById = new HashMap<>();
        Map<String, SourceEvent> liveEvents = new HashMap<>();
        listed.stream().filter(event -> !event.cancelled()).forEach(event -> liveEvents.put(event.id(), event));
        List<KnownBlock> blocks = new ArrayList<>();
        for (SourceEvent event : listed) {
            Optional<BlockMarker> marker = BlockMarker.read(event.privateProperties());
            if (marker.isEmpty() || !marker.get().groupId().equals(group.id()) || event.cancelled()) {
                continue;
            }
            if (isPlainOccurrence(event, marker.get(), liveEvents.get(event.recurringEventId()))) {
                // An occurrence put back as its series has it (a reset): part of the series, no block of its own.
                continue;
            }
            // A block of a calendar no longer in the group keeps its hash: nothing will want it, so it goes.
            String source = calendarByHash.getOrDefault(marker.get().sourceCalendarHash(),
                    marker.get().sourceCalendarHash());
            KnownBlock block = new KnownBlock(group.id(), target, event.id(), source, marker.get().sourceEventId(),
                    BlockBody.contentHashOf(event), BlockState.SYNCED);
            blocks.add(block);
            liveById.put(event.id(), block);
        }
        for (SourceEvent event : listed) {
            KnownBlock series = event.cancelled() ? liveById.get(event.recurringEventId()) : null;
            boolean stillSeries = series != null && liveEvents.get(series.blockId()).isSeries();
            if (stillSeries && event.id().startsWith(series.blockId() + "_")) {
                // A cancelled occurrence of one of our series comes back as a bare id: it is a block too.
                String suffix = event.id().substring(series.blockId().length());
                blocks.add(new KnownBlock(group.id(), target, event.id(), series.sourceCalendar(),
                        series.sourceEventId() + suffix, BlockBody.contentHashOf(event), BlockState.SYNCED));
            }
        }
        return blocks;
    }

    /** An instance of a block series with the series' own marker, title and times: what a reset writes. */
    private static boolean isPlainOccurrence(SourceEvent event, BlockMarker marker, SourceEvent series) {
        if (series == null || !series.isSeries() || event.originalStartTime() == null || event.start() == null
                || event.end() == null) {
            return false;
        }
        Optional<BlockMarker> seriesMarker = BlockMarker.read(series.privateProperties());
        return seriesMarker.isPresent() && seriesMarker.get().equals(marker)
                && Objects.equals(event.summary(), series.summary())
                && SeriesOccurrences.sameStart(event.start(), event.originalStartTime())
                && Duration.between(event.start().instant(), event.end().instant()).equals(SeriesOccurrences.length(series));
    }
}
