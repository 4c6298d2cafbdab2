package dev.calsync.core.reconcile;

import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockIds;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.block.DesiredBlock;
import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.recurrence.Occurrence;
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
 *
 * <p>The group's rules decide which events block ({@link BusyFilter} with {@link dev.calsync.core.rules.BusyRules}),
 * which calendars are sources and which hold blocks (roles), what a block shows ({@link BlockLook}) and when busy
 * time counts ({@link HoursClipping}, for single events and series).
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
    private final BlockLook look;
    private final HoursClipping hours;
    /** How far before the window the occurrences a straddling series wrote as single blocks are looked for. */
    private static final Duration AGED_OCCURRENCES = Duration.ofDays(62);

    /** What became of a busy series. */
    private enum Mirror {
        /** Not mirrored: its exceptions stand alone. */
        NONE,
        /** Mirrored; its exceptions override occurrences that the series still has. */
        EXPANDED,
        /** Mirrored verbatim, lines unreadable: every exception overrides its occurrence. */
        VERBATIM,
        /** Straddles the group's hours: its occurrences are single blocks; its exceptions stand alone. */
        CLIPPED
    }

    private Projection(SyncGroup group, Recurrences recurrences, Instant now) {
        this.group = group;
        this.recurrences = recurrences;
        this.windowStart = group.window().start(now);
        this.windowEnd = group.window().end(now);
        this.look = new BlockLook(group);
        this.hours = new HoursClipping(group.rules().busy().hours());
    }

    /**
     * @param sources     every cached event per calendar of the group (blocks and cancelled events may be
     *                    among them; they are filtered here)
     * @param recurrences the series expander; null leaves every series and its exceptions out (counted)
     */
    public static ProjectedBlocks of(SyncGroup group, Map<CalendarRef, List<SourceEvent>> sources, Instant now,
                                     Recurrences recurrences) {
        Projection projection = new Projection(group, recurrences, now);
        for (CalendarRef source : group.sources()) {
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
            if (event.isException() || !isBusy(event)) {
                continue;
            }
            if (event.isSeries()) {
                Mirror mirror = projectSeries(source, event, events);
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
            } else if (isBusy(exception)) {
                projectSingle(source, exception);
            }
        }
    }

    private boolean isBusy(SourceEvent event) {
        return BusyFilter.isBusy(event, group.rules().busy());
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

    private Mirror projectSeries(CalendarRef source, SourceEvent series, List<SourceEvent> events) {
        if (recurrences == null) {
            skippedRecurring++;
            return Mirror.NONE;
        }
        try {
            List<Occurrence> inWindow = recurrences.between(series, windowStart, windowEnd);
            if (hours.clips()) {
                ageOutPassedOccurrences(source, series);
            }
            if (!inWindow.isEmpty()) {
                switch (hours.form(inWindow)) {
                    case OUTSIDE:
                        return Mirror.NONE;
                    case STRADDLES:
                        occurrencesOnEveryTarget(source, series, inWindow, events);
                        return Mirror.CLIPPED;
                    default:
                        blocksOnEveryTarget(source, series);
                        return Mirror.EXPANDED;
                }
            }
            if (!series.start().instant().isBefore(windowEnd)) {
                return Mirror.NONE; // starts after the window, like a single event there
            }
            if (recurrences.between(series, windowEnd, windowEnd.plus(LOOK_AHEAD)).isEmpty()) {
                // Ended before the window. Desired and aged out: a block series already written is corrected
                // if its rule was cut short, and otherwise forgotten; none is written anew.
                agedOut.add(new SourceKey(source.key(), series.id()));
            } else if (hours.clips()) {
                return Mirror.NONE; // a gap across the window: nothing to judge it by under hours, so no block
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

    /**
     * A single event or a whole series: the same block, recurrence lines included, on every target. A single
     * event that the group's hours cut becomes one block per stretch inside them.
     */
    private void blocksOnEveryTarget(CalendarRef source, SourceEvent event) {
        if (event.isSeries()) {
            blockOnEveryTarget(source, event, event.id(), event.start(), event.end(), event.recurrence());
            return;
        }
        List<HoursClipping.Piece> pieces = hours.pieces(event.start(), event.end());
        for (int n = 0; n < pieces.size(); n++) {
            blockOnEveryTarget(source, event, HoursClipping.pieceId(event.id(), n), pieces.get(n).start(),
                    pieces.get(n).end(), List.of());
        }
    }

    private void blockOnEveryTarget(CalendarRef source, SourceEvent event, String sourceEventId, EventTime start,
                                    EventTime end, List<String> recurrence) {
        BlockBody body = new BlockBody(look.title(source, event), start, end, recurrence,
                look.marker(BlockMarker.of(group.id(), source, sourceEventId)));
        for (CalendarRef target : group.targetsFor(source)) {
            desired.add(new DesiredBlock(group.id(), source, sourceEventId, target,
                    BlockIds.of(group.id(), source, sourceEventId, target), body));
        }
    }

    /**
     * A series that straddles the group's hours: single blocks for each occurrence's stretches inside them,
     * except occurrences an exception replaces (the exception stands alone).
     */
    private void occurrencesOnEveryTarget(CalendarRef source, SourceEvent series, List<Occurrence> inWindow,
                                          List<SourceEvent> events) {
        List<EventTime> replaced = events.stream()
                .filter(e -> series.id().equals(e.recurringEventId()) && e.originalStartTime() != null)
                .map(SourceEvent::originalStartTime).toList();
        for (Occurrence occurrence : inWindow) {
            if (replaced.stream().anyMatch(r -> SeriesOccurrences.sameStart(r, occurrence.originalStart()))) {
                continue;
            }
            String id = HoursClipping.occurrenceId(series.id(), occurrence.originalStart());
            List<HoursClipping.Piece> pieces = hours.pieces(occurrence.start(), occurrence.end());
            for (int n = 0; n < pieces.size(); n++) {
                blockOnEveryTarget(source, series, HoursClipping.pieceId(id, n), pieces.get(n).start(),
                        pieces.get(n).end(), List.of());
            }
        }
    }

    /**
     * Under hours, occurrences that ended shortly before the window may have single blocks (written while the
     * series straddled the hours): they are aged out, so the moving window forgets them instead of deleting them.
     */
    private void ageOutPassedOccurrences(CalendarRef source, SourceEvent series) {
        for (Occurrence passed : recurrences.between(series, windowStart.minus(AGED_OCCURRENCES), windowStart)) {
            if (passed.end().instant().isAfter(windowStart)) {
                continue;
            }
            String id = HoursClipping.occurrenceId(series.id(), passed.originalStart());
            int pieces = hours.pieces(passed.start(), passed.end()).size();
            for (int n = 0; n < pieces; n++) {
                agedOut.add(new SourceKey(source.key(), HoursClipping.pieceId(id, n)));
            }
        }
    }

    private void projectException(CalendarRef source, SourceEvent series, Mirror mirror, SourceEvent exception) {
        boolean busy = isBusy(exception);
        if (mirror == Mirror.CLIPPED) {
            if (busy) {
                projectSingle(source, exception); // its occurrence has no block: it stands alone, clipped
            }
            return;
        }
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
        boolean fits = !busy || hours.inside(exception.start(), exception.end());
        if (mirror == Mirror.VERBATIM || fits && isOccurrence(series, exception)) {
            overrideOccurrence(source, exception, busy);
            return;
        }
        // An orphan: calendars show it on its own. Cancel the block occurrence it may have overridden before the
        // series changed, and give it a block of its own. So too an occurrence moved across the edge of the
        // group's hours: a block occurrence cannot be cut, so it is cancelled and the exception's stretches
        // inside the hours are single blocks.
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
                ? new BlockBody(look.title(source, exception), exception.start(), exception.end(), List.of(),
                        look.marker(marker))
                : BlockBody.cancelledOccurrence(look.marker(marker));
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
