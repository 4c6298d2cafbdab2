package dev.calsync.core.reconcile;

import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockIds;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.block.DesiredBlock;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.recurrence.UnsupportedRecurrenceException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Desired blocks from a group's cached sources and its window: a pure function.
 *
 * <p>A single busy event becomes one block on every other calendar. A busy series becomes one block series
 * with the same recurrence lines (one write, not one per occurrence); each of its exceptions in the window
 * becomes an override of the matching block occurrence, or a cancelled occurrence when the exception is not
 * busy. An exception of a series that is not mirrored stands alone as a single block.
 */
public final class Projection {
    private static final System.Logger LOG = System.getLogger(Projection.class.getName());

    private final SyncGroup group;
    private final Recurrences recurrences;
    private final Instant windowStart;
    private final Instant windowEnd;
    private final List<DesiredBlock> desired = new ArrayList<>();
    private final Set<SourceKey> agedOut = new HashSet<>();
    private int skippedRecurring;

    private Projection(SyncGroup group, Recurrences recurrences, Instant now) {
        this.group = group;
        this.recurrences = recurrences;
        this.windowStart = group.window().start(now);
        this.windowEnd = group.window().end(now);
    }

    /**
     * @param sources     every cached event per calendar of the group (blocks and cancelled events may be
     *                    among them; they are filtered here)
     * @param recurrences the series expander; null leaves every series and its exceptions out (counted)
     */
    public static ProjectedBlocks of(SyncGroup group, Map<CalendarRef, List<SourceEvent>> sources, Instant now,
                                     Recurrences recurrences) {
        Projection projection = new Projection(group, recurrences, now);
        for (CalendarRef source : group.calendars()) {
            projection.project(source, sources.getOrDefault(source, List.of()));
        }
        return new ProjectedBlocks(projection.desired, projection.agedOut, projection.skippedRecurring);
    }

    public static ProjectedBlocks of(SyncGroup group, Map<CalendarRef, List<SourceEvent>> sources, Instant now) {
        return of(group, sources, now, null);
    }

    private void project(CalendarRef source, List<SourceEvent> events) {
        Set<String> mirroredSeries = new HashSet<>();
        for (SourceEvent event : events) {
            if (event.isException() || !BusyFilter.isBusy(event)) {
                continue;
            }
            if (event.isSeries()) {
                if (projectSeries(source, event)) {
                    mirroredSeries.add(event.id());
                }
            } else {
                projectSingle(source, event);
            }
        }
        for (SourceEvent exception : events) {
            if (!exception.isException() || BlockMarker.isBlock(exception.privateProperties())) {
                continue;
            }
            if (mirroredSeries.contains(exception.recurringEventId())) {
                projectOccurrence(source, exception);
            } else if (BusyFilter.isBusy(exception)) {
                projectSingle(source, exception);
            }
        }
    }

    private void projectSingle(CalendarRef source, SourceEvent event) {
        if (!event.end().instant().isAfter(windowStart)) {
            agedOut.add(new SourceKey(source.key(), event.id()));
            return;
        }
        if (!event.start().instant().isBefore(windowEnd)) {
            return;
        }
        blocksOnEveryTarget(source, event);
    }

    /** True when the series is mirrored; its exceptions then become occurrence overrides. */
    private boolean projectSeries(CalendarRef source, SourceEvent series) {
        if (recurrences == null) {
            skippedRecurring++;
            return false;
        }
        boolean occursInWindow;
        try {
            occursInWindow = !recurrences.between(series, windowStart, windowEnd).isEmpty();
        } catch (UnsupportedRecurrenceException e) {
            LOG.log(Level.WARNING, "group {0}: series {1} has a recurrence calsync cannot read; not mirrored: {2}",
                    group.id(), series.id(), e.getMessage());
            skippedRecurring++;
            return false;
        }
        if (!occursInWindow) {
            if (series.start().instant().isBefore(windowStart)) {
                agedOut.add(new SourceKey(source.key(), series.id()));
            }
            return false;
        }
        blocksOnEveryTarget(source, series);
        return true;
    }

    /** A single event or a whole series: the same block, recurrence lines included, on every other calendar. */
    private void blocksOnEveryTarget(CalendarRef source, SourceEvent event) {
        BlockBody body = new BlockBody(group.busyTitle(), event.start(), event.end(), event.recurrence(),
                BlockMarker.of(group.id(), source, event.id()).properties());
        for (CalendarRef target : group.targetsFor(source)) {
            desired.add(block(source, event, target, BlockIds.of(group.id(), source, event.id(), target), null, body));
        }
    }

    private void projectOccurrence(CalendarRef source, SourceEvent exception) {
        if (exception.originalStartTime() == null) {
            return;
        }
        Instant original = exception.originalStartTime().instant();
        boolean busy = BusyFilter.isBusy(exception);
        boolean endedBefore = !busy || !exception.end().instant().isAfter(windowStart);
        if (original.isBefore(windowStart) && endedBefore) {
            agedOut.add(new SourceKey(source.key(), exception.id()));
            return;
        }
        if (!original.isBefore(windowEnd) && (!busy || !exception.start().instant().isBefore(windowEnd))) {
            return;
        }
        BlockMarker marker = BlockMarker.of(group.id(), source, exception.id());
        for (CalendarRef target : group.targetsFor(source)) {
            String seriesBlockId = BlockIds.of(group.id(), source, exception.recurringEventId(), target);
            String instanceId = BlockIds.instanceOf(seriesBlockId, exception.originalStartTime());
            BlockBody body = busy
                    ? new BlockBody(group.busyTitle(), exception.start(), exception.end(), List.of(), marker.properties())
                    : BlockBody.cancelledOccurrence(marker.properties());
            desired.add(block(source, exception, target, instanceId, seriesBlockId, body));
        }
    }

    private DesiredBlock block(CalendarRef source, SourceEvent event, CalendarRef target, String blockId,
                               String seriesBlockId, BlockBody body) {
        return new DesiredBlock(group.id(), source, event.id(), target, blockId, body, seriesBlockId);
    }
}
