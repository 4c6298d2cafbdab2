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

/**
 * Reads a group's own blocks out of a full listing of one of its calendars, together with the orphans of ours it
 * has to remove there (see {@link BlockOwnership}): an orphan is named by its marker as far as the marker goes, so
 * nothing the group wants matches it and the plan deletes it.
 */
final class ListedBlocks {
    /** Prefix of the key an orphan without a key of its own is known by in a pass. */
    static final String ORPHAN_KEY = "orphan:";
    private ListedBlocks() {
    }

    /** Another installation's blocks in a listing: counted, never touched. */
    static int foreign(SyncGroup group, CalendarRef target, List<SourceEvent> listed, BlockOwnership ownership) {
        return (int) listed.stream().filter(event -> !event.cancelled())
                .filter(event -> ownership.ownerOf(group, target, event.privateProperties())
                        == BlockOwnership.Owner.FOREIGN)
                .count();
    }

    static List<KnownBlock> of(SyncGroup group, CalendarRef target, List<SourceEvent> listed,
                               BlockOwnership ownership) {
        Map<String, String> calendarByHash = new HashMap<>();
        group.calendars().forEach(c -> calendarByHash.put(BlockMarker.calendarHash(c), c.key()));
        Map<String, SourceEvent> liveEvents = new HashMap<>();
        listed.stream().filter(event -> !event.cancelled()).forEach(event -> liveEvents.put(event.id(), event));
        Map<String, KnownBlock> liveById = new HashMap<>();
        List<KnownBlock> blocks = new ArrayList<>();
        for (SourceEvent event : listed) {
            BlockOwnership.Owner owner = ownership.ownerOf(group, target, event.privateProperties());
            if (owner != BlockOwnership.Owner.THIS_GROUP && owner != BlockOwnership.Owner.ORPHAN || event.cancelled()) {
                continue;
            }
            BlockMarker marker = BlockMarker.read(event.privateProperties()).filter(m -> owner == BlockOwnership.Owner.THIS_GROUP)
                    .orElseGet(() -> orphanMarker(event.privateProperties()));
            SourceEvent series = event.recurringEventId() == null ? null : liveEvents.get(event.recurringEventId());
            if (isPlainOccurrence(event, series)) {
                // An occurrence put back as its series has it (a reset): part of the series, no block of its own.
                continue;
            }
            OccurrenceRef occurrence = series != null && event.originalStartTime() != null
                    ? new OccurrenceRef(keyOf(series), event.originalStartTime()) : null;
            String key = occurrence != null ? occurrence.key() : keyOf(event);
            if (owner == BlockOwnership.Owner.ORPHAN && occurrence == null
                    && !event.privateProperties().containsKey(BlockMarker.KEY)) {
                // Named apart from the provider's id, so the id is kept and the delete finds the block wherever
                // the provider assigns ids itself (the key alone would name nothing there).
                key = ORPHAN_KEY + event.id();
            }
            // A block of a calendar no longer in the group keeps its hash: nothing will want it, so it goes.
            String source = owner == BlockOwnership.Owner.ORPHAN ? marker.sourceCalendarHash()
                    : calendarByHash.getOrDefault(marker.sourceCalendarHash(), marker.sourceCalendarHash());
            KnownBlock block = new KnownBlock(group.id(), target, key, source, marker.sourceEventId(),
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

    /**
     * An orphan's marker as far as it goes: the parts it lacks are named so that no source of a configured group
     * matches them (an orphan of another group keeps its tag in the source, for the same reason).
     */
    private static BlockMarker orphanMarker(Map<String, String> properties) {
        String tag = BlockMarker.groupOf(properties);
        String calendar = properties.getOrDefault(BlockMarker.SOURCE_CALENDAR, "");
        return new BlockMarker(tag == null ? "" : tag, (tag == null ? "untagged" : tag) + "/" + calendar,
                properties.getOrDefault(BlockMarker.SOURCE_EVENT, ""));
    }

    /** An instance of a block series with the series' own marker, title and times: what a reset writes. */
    private static boolean isPlainOccurrence(SourceEvent event, SourceEvent series) {
        if (series == null || !series.isSeries() || event.originalStartTime() == null || event.start() == null
                || event.end() == null) {
            return false;
        }
        return BlockMarker.sameBlock(series.privateProperties(), event.privateProperties())
                && Objects.equals(event.summary(), series.summary())
                && SeriesOccurrences.sameStart(event.start(), event.originalStartTime())
                && Duration.between(event.start().instant(), event.end().instant()).equals(SeriesOccurrences.length(series));
    }
}
