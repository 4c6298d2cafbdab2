package dev.calsync.core.sync;

import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.block.BlockState;
import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.block.OccurrenceRef;
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
        Map<String, SourceEvent> liveEvents = new HashMap<>();
        listed.stream().filter(event -> !event.cancelled()).forEach(event -> liveEvents.put(event.id(), event));
        Map<String, KnownBlock> liveById = new HashMap<>();
        List<KnownBlock> blocks = new ArrayList<>();
        for (SourceEvent event : listed) {
            Optional<BlockMarker> marker = BlockMarker.read(event.privateProperties());
            if (marker.isEmpty() || !marker.get().groupId().equals(group.id()) || event.cancelled()) {
                continue;
            }
            SourceEvent series = event.recurringEventId() == null ? null : liveEvents.get(event.recurringEventId());
            if (isPlainOccurrence(event, marker.get(), series)) {
                // An occurrence put back as its series has it (a reset): part of the series, no block of its own.
                continue;
            }
            OccurrenceRef occurrence = series != null && event.originalStartTime() != null
                    ? new OccurrenceRef(keyOf(series), event.originalStartTime()) : null;
            String key = occurrence != null ? occurrence.key() : keyOf(event);
            // A block of a calendar no longer in the group keeps its hash: nothing will want it, so it goes.
            String source = calendarByHash.getOrDefault(marker.get().sourceCalendarHash(),
                    marker.get().sourceCalendarHash());
            KnownBlock block = new KnownBlock(group.id(), target, key, source, marker.get().sourceEventId(),
                    BlockBody.contentHashOf(event), BlockState.SYNCED, event.id(), null, occurrence);
            blocks.add(block);
            liveById.put(event.id(), block);
        }
        for (SourceEvent event : listed) {
            KnownBlock series = event.cancelled() && event.originalStartTime() != null
                    ? liveById.get(event.recurringEventId()) : null;
            if (series != null && series.occurrence() == null && liveEvents.get(series.idAtProvider()).isSeries()) {
                // A cancelled occurrence of one of our series comes back as a bare id: it is a block too.
                OccurrenceRef occurrence = new OccurrenceRef(series.blockId(), event.originalStartTime());
                blocks.add(new KnownBlock(group.id(), target, occurrence.key(), series.sourceCalendar(),
                        occurrence.nameWithin(series.sourceEventId()), BlockBody.contentHashOf(event),
                        BlockState.SYNCED, event.id(), null, occurrence));
            }
        }
        return blocks;
    }

    private static String keyOf(SourceEvent block) {
        return BlockMarker.keyOf(block.id(), block.privateProperties());
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
