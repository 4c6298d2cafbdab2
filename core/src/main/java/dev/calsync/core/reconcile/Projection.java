package dev.calsync.core.reconcile;

import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockIds;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.block.DesiredBlock;
import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.recurrence.UnsupportedRecurrenceException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Desired blocks from a group's cached sources and its window: a pure function.
 *
 * <p>A single busy event becomes one block on every other calendar. A busy series becomes one block series
 * with the same recurrence lines and times (one write, not one per occurrence) when it occurs in the window;
 * its exceptions there become overrides of the matching block occurrence, or cancelled occurrences when the
 * exception is not busy. An exception whose original start is no occurrence of its series any more (the
 * series' time or rule changed after it was made) is shown on its own, as calendars show it: it becomes a block
 * of its own, and the block occurrence it may have overridden is cancelled. An exception of a series that is
 * not mirrored stands alone as a single block.
 *
 * <p>A series whose occurrences all ended before the window is aged out; it is still desired, so that a
 * block series written earlier follows a rule that was cut short (the reconciler writes it only then). A series
 * whose lines the expander cannot read is mirrored as it is, with a warning: the provider expands the same
 * lines on the target as on the source, so its block series is exact, but calsync cannot tell whether it
 * occurs in the window, and cannot verify it.
 */
public final class Projection {
    private static final System.Logger LOG = System.getLogger(Projection.class.getName());
    /** How far past the window a series is searched for an occurrence before it counts as ended. */
    private static final Duration LOOK_AHEAD = Duration.ofDays(366L * 20);

    private final SyncGroup group;
    private final Recurrences recurrences;
    private final Instant windowStart;
    private final Instant windowEnd;
    private final List<DesiredBlock> desired = new ArrayList<>();
    private final Set<SourceKey> agedOut = new HashSet<>();
    private int skippedRecurring;

    /** What became of a busy series. */
    private enum Mirror {
        /** Not mirrored: its exceptions stand alone. */
        NONE,
        /** Mirrored; its exceptions override occurrences that the series still has. */
        EXPANDED,
        /** Mirrored verbatim, lines unreadable: every exception overrides its occurrence. */
        VERBATIM
    }

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
        Map<String, SourceEvent> mirrored = new HashMap<>();
        Map<String, Mirror> how = new HashMap<>();
        for (SourceEvent event : events) {
            if (event.isException() || !BusyFilter.isBusy(event)) {
                continue;
            }
            if (event.isSeries()) {
                Mirror mirror = projectSeries(source, event);
                if (mirror != Mirror.NONE) {
                    mirrored.put(event.id(), event);
                    how.put(event.id(), mirror);
                }
            } else {
                projectSingle(source, event);
            }
        }
        for (SourceEvent exception : events) {
            if (!exception.isException() || BlockMarker.isBlock(exception.privateProperties())) {
                continue;
            }
            SourceEvent series = mirrored.get(exception.recurringEventId());
            if (series != null && exception.originalStartTime() != null) {
                projectException(source, series, how.get(series.id()), exception);
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

    private Mirror projectSeries(CalendarRef source, SourceEvent series) {
        if (recurrences == null) {
            skippedRecurring++;
            return Mirror.NONE;
        }
        try {
            if (!recurrences.between(series, windowStart, windowEnd).isEmpty()) {
                blocksOnEveryTarget(source, series);
                return Mirror.EXPANDED;
            }
            if (!series.start().instant().isBefore(windowEnd)) {
                return Mirror.NONE; // starts after the window, like a single event there
            }
            if (recurrences.between(series, windowEnd, windowEnd.plus(LOOK_AHEAD)).isEmpty()) {
                // Ended before the window. Desired and aged out: a block series already written is corrected
                // if its rule was cut short, and otherwise forgotten; none is written anew.
                agedOut.add(new SourceKey(source.key(), series.id()));
            }
            // A gap across the whole window (a yearly series): keep the block series rather than delete and
            // revive it.
            blocksOnEveryTarget(source, series);
            return Mirror.EXPANDED;
        } catch (UnsupportedRecurrenceException e) {
            LOG.log(Level.WARNING, "group {0}: series {1} has a recurrence calsync cannot expand ({2}); it is "
                    + "mirrored with the same lines, unverified", group.id(), series.id(), e.getMessage());
            blocksOnEveryTarget(source, series);
            return Mirror.VERBATIM;
        }
    }

    /** A single event or a whole series: the same block, recurrence lines included, on every other calendar. */
    private void blocksOnEveryTarget(CalendarRef source, SourceEvent event) {
        BlockBody body = new BlockBody(group.busyTitle(), event.start(), event.end(), event.recurrence(),
                BlockMarker.of(group.id(), source, event.id()).properties());
        for (CalendarRef target : group.targetsFor(source)) {
            desired.add(new DesiredBlock(group.id(), source, event.id(), target,
                    BlockIds.of(group.id(), source, event.id(), target), body));
        }
    }

    private void projectException(CalendarRef source, SourceEvent series, Mirror mirror, SourceEvent exception) {
        boolean busy = BusyFilter.isBusy(exception);
        Instant originalStart = exception.originalStartTime().instant();
        Instant originalEnd = originalStart.plus(SeriesOccurrences.length(series));
        boolean originalInWindow = overlapsWindow(originalStart, originalEnd);
        boolean nowInWindow = busy && overlapsWindow(exception.start().instant(), exception.end().instant());
        if (!originalInWindow && !nowInWindow) {
            boolean endedBefore = !originalEnd.isAfter(windowStart)
                    && (!busy || !exception.end().instant().isAfter(windowStart));
            if (endedBefore) {
                agedOut.add(new SourceKey(source.key(), exception.id()));
            }
            return; // outside the window: ignored
        }
        if (mirror == Mirror.VERBATIM || isOccurrence(series, exception)) {
            overrideOccurrence(source, exception, busy);
            return;
        }
        // An orphan: calendars show it on its own. Cancel the block occurrence it may have overridden before the
        // series changed, and give it a block of its own.
        if (originalInWindow) {
            overrideOccurrence(source, exception, false);
        }
        if (busy) {
            projectSingle(source, exception);
        }
    }

    private boolean isOccurrence(SourceEvent series, SourceEvent exception) {
        try {
            return SeriesOccurrences.hasOccurrenceAt(recurrences, series, exception.originalStartTime());
        } catch (UnsupportedRecurrenceException e) {
            return true; // read a moment ago; cannot happen, and overriding is what a readable series would do
        }
    }

    /** Writes through the block series: the exception's times, or a cancelled occurrence. */
    private void overrideOccurrence(CalendarRef source, SourceEvent exception, boolean busy) {
        BlockMarker marker = BlockMarker.of(group.id(), source, exception.id());
        BlockBody body = busy
                ? new BlockBody(group.busyTitle(), exception.start(), exception.end(), List.of(), marker.properties())
                : BlockBody.cancelledOccurrence(marker.properties());
        for (CalendarRef target : group.targetsFor(source)) {
            OccurrenceRef occurrence = new OccurrenceRef(
                    BlockIds.of(group.id(), source, exception.recurringEventId(), target), exception.originalStartTime());
            desired.add(DesiredBlock.occurrence(group.id(), source, exception.id(), target, occurrence, body));
        }
    }

    private boolean overlapsWindow(Instant start, Instant end) {
        return end.isAfter(windowStart) && start.isBefore(windowEnd);
    }
}
