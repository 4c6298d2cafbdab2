package dev.calsync.core.reconcile;

import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.block.DesiredBlock;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.rules.BusyRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Copies of one meeting are one meeting: applied to the projection's output, a pure step.
 *
 * <p>A person invited on two calendars of a group (work and personal) has a copy of the meeting on each, with the
 * same meeting id. Projected naively, each copy puts a block next to the other copy and every third calendar gets
 * two. Here a calendar that shows the meeting as busy itself gets no block for it, and every other calendar gets
 * exactly one, from one chosen copy. A copy its calendar declined, cancelled or shows as free produces no blocks
 * in the projection, so it neither counts as showing the meeting nor is chosen: that calendar gets a block like
 * for any busy meeting.
 *
 * <p>The chosen copy is the least (calendar key, event id) of the busy copies: it depends only on which copies are
 * busy, so the block ids stay the same pass after pass. When the chosen copy stops being busy the next one takes
 * over: its blocks have other ids, so the third calendars see one delete and one insert, never two blocks.
 *
 * <p>A series is one meeting with its exceptions: overrides of a block series follow their series block (kept
 * where it is kept). Exceptions standing on their own are matched per occurrence (meeting id and original
 * start), so a moved occurrence on one calendar meets only the same occurrence on the other.
 */
public final class MeetingCopies {

    private static final Comparator<SourceKey> CHOICE =
            Comparator.comparing(SourceKey::calendar).thenComparing(SourceKey::eventId);

    private MeetingCopies() {
    }

    /** {@link #apply(ProjectedBlocks, Map, BusyRules)} under the default busy rules. */
    public static ProjectedBlocks apply(ProjectedBlocks projected, Map<CalendarRef, List<SourceEvent>> sources) {
        return apply(projected, sources, BusyRules.DEFAULT);
    }

    /**
     * The projection with copies of one meeting reduced to one block on each calendar that does not show it.
     *
     * @param sources every calendar's events, whatever its role: a calendar that only receives blocks still shows
     *                its own copy of a meeting, and a block beside that copy would say the same twice
     * @param rules   the group's busy rules, which decide whether a calendar shows its copy as busy
     */
    public static ProjectedBlocks apply(ProjectedBlocks projected, Map<CalendarRef, List<SourceEvent>> sources,
                                        BusyRules rules) {
        Map<SourceKey, String> meetingOf = meetingKeys(sources);
        if (meetingOf.isEmpty()) {
            return projected;
        }
        Map<String, Set<String>> showing = showing(sources, rules);
        // The copies that make blocks, of which the least is chosen: those the projection made blocks of.
        Map<String, Set<SourceKey>> copies = new HashMap<>();
        for (DesiredBlock block : projected.desired()) {
            if (block.isInstance()) {
                continue;
            }
            SourceKey source = new SourceKey(block.source().key(), block.sourceEventId());
            String meeting = meetingOf.get(source);
            if (meeting != null) {
                copies.computeIfAbsent(meeting, k -> new TreeSet<>(CHOICE)).add(source);
            }
        }
        List<DesiredBlock> kept = new ArrayList<>();
        Set<String> droppedSeries = new HashSet<>();
        for (DesiredBlock block : projected.desired()) {
            if (block.isInstance()) {
                continue;
            }
            SourceKey source = new SourceKey(block.source().key(), block.sourceEventId());
            String meeting = meetingOf.get(source);
            if (meeting == null || wanted(block, source, copies.get(meeting), showing.getOrDefault(meeting, Set.of()))) {
                kept.add(block);
            } else {
                droppedSeries.add(block.target().key() + "\n" + block.blockId());
            }
        }
        for (DesiredBlock block : projected.desired()) {
            if (block.isInstance() && !droppedSeries.contains(block.target().key() + "\n" + block.seriesBlockId())) {
                kept.add(block);
            }
        }
        return new ProjectedBlocks(kept, projected.agedOut(), projected.skippedRecurring());
    }

    /** From the chosen copy, and only onto a calendar that shows no busy copy of its own. */
    private static boolean wanted(DesiredBlock block, SourceKey source, Set<SourceKey> blockingCopies,
                                  Set<String> showingCalendars) {
        if (showingCalendars.contains(block.target().key())) {
            return false;
        }
        return blockingCopies.iterator().next().equals(source);
    }

    /** For each meeting, the calendars whose own copy of it is busy (declined, cancelled or free copies are not). */
    private static Map<String, Set<String>> showing(Map<CalendarRef, List<SourceEvent>> sources, BusyRules rules) {
        Map<String, Set<String>> showing = new HashMap<>();
        sources.forEach((calendar, events) -> {
            for (SourceEvent event : events) {
                String meeting = meetingKey(event);
                if (meeting != null && !event.cancelled() && BusyFilter.isBusy(event, rules)) {
                    showing.computeIfAbsent(meeting, k -> new HashSet<>()).add(calendar.key());
                }
            }
        });
        return showing;
    }

    /**
     * What {@link #apply} left out, for comparing busy time by the same rule: on each target, the source events
     * (series, single events, exceptions) that give it no block any more because they are copies of a meeting.
     * Keys are {@code target key + "\n" + source key + "\n" + event id}; an event that still gives the target a
     * block of any kind (an exception standing alone) is not among them.
     */
    public static Set<String> leftOut(ProjectedBlocks projected, ProjectedBlocks applied) {
        Set<String> kept = new HashSet<>();
        applied.desired().forEach(b -> kept.add(slot(b)));
        Set<String> left = new HashSet<>();
        projected.desired().stream().map(MeetingCopies::slot).filter(slot -> !kept.contains(slot)).forEach(left::add);
        return left;
    }

    private static String slot(DesiredBlock block) {
        return block.target().key() + "\n" + block.source().key() + "\n" + block.sourceEventId();
    }

    private static Map<SourceKey, String> meetingKeys(Map<CalendarRef, List<SourceEvent>> sources) {
        Map<SourceKey, String> keys = new HashMap<>();
        sources.forEach((calendar, events) -> {
            for (SourceEvent event : events) {
                String meeting = meetingKey(event);
                if (meeting != null) {
                    keys.put(new SourceKey(calendar.key(), event.id()), meeting);
                }
            }
        });
        return keys;
    }

    /** A meeting's key: its id, and for an occurrence its original start too; null for our blocks and others. */
    static String meetingKey(SourceEvent event) {
        if (event.meetingId() == null || event.meetingId().isBlank()
                || BlockMarker.isBlock(event.privateProperties())) {
            return null;
        }
        if (event.isException()) {
            return event.originalStartTime() == null ? null
                    : event.meetingId() + "\n" + event.originalStartTime().instant();
        }
        return event.meetingId();
    }
}
