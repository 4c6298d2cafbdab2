package dev.calsync.core.reconcile;

import static dev.calsync.core.reconcile.MeetingCopiesTest.GROUP;
import static dev.calsync.core.reconcile.MeetingCopiesTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.block.DesiredBlock;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.ResponseStatus;
import dev.calsync.core.event.SourceEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MeetingCopiesProperties {

    /** How a copy of a meeting stands on one calendar. */
    enum Copy { ABSENT, BUSY, DECLINED, FREE }

    /** meetings[m][c]: meeting m's copy on calendar c of the group. */
    record Scenario(List<List<Copy>> meetings, long seed) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<Copy>> meeting = Arbitraries.of(Copy.class).list().ofSize(GROUP.calendars().size());
        return meeting.list().ofMinSize(1).ofMaxSize(6)
                .flatMap(ms -> Arbitraries.longs().map(seed -> new Scenario(ms, seed)));
    }

    static Map<CalendarRef, List<SourceEvent>> sources(Scenario s) {
        Map<CalendarRef, List<SourceEvent>> sources = new LinkedHashMap<>();
        GROUP.calendars().forEach(c -> sources.put(c, new ArrayList<>()));
        for (int m = 0; m < s.meetings().size(); m++) {
            for (int c = 0; c < GROUP.calendars().size(); c++) {
                Copy copy = s.meetings().get(m).get(c);
                if (copy != Copy.ABSENT) {
                    sources.get(GROUP.calendars().get(c)).add(MeetingCopiesTest.copy("e" + m + "c" + c, "m" + m,
                            copy == Copy.DECLINED ? ResponseStatus.DECLINED : null, copy == Copy.FREE));
                }
            }
        }
        return sources;
    }

    @Property(tries = 500)
    void everyCalendarWithoutABusyCopyGetsExactlyOneBlockAndTheOthersNone(@ForAll("scenarios") Scenario s) {
        List<DesiredBlock> blocks = MeetingCopies.apply(Projection.of(GROUP, sources(s), NOW), sources(s)).desired();

        for (int m = 0; m < s.meetings().size(); m++) {
            List<Copy> copies = s.meetings().get(m);
            boolean anyBusy = copies.contains(Copy.BUSY);
            String prefix = "e" + m + "c";
            for (int c = 0; c < GROUP.calendars().size(); c++) {
                CalendarRef target = GROUP.calendars().get(c);
                long onTarget = blocks.stream()
                        .filter(b -> b.target().equals(target) && b.sourceEventId().startsWith(prefix)).count();
                assertThat(onTarget).as("meeting %d on %s: %s", m, target, copies)
                        .isEqualTo(anyBusy && copies.get(c) != Copy.BUSY ? 1 : 0);
            }
        }
    }

    @Property(tries = 300)
    void theBlocksDoNotDependOnTheOrderOfEventsOrBlocks(@ForAll("scenarios") Scenario s) {
        Map<CalendarRef, List<SourceEvent>> sources = sources(s);
        ProjectedBlocks projected = Projection.of(GROUP, sources, NOW);
        Random random = new Random(s.seed());
        List<DesiredBlock> shuffled = new ArrayList<>(projected.desired());
        Collections.shuffle(shuffled, random);
        Map<CalendarRef, List<SourceEvent>> reordered = new HashMap<>();
        sources.forEach((c, events) -> {
            List<SourceEvent> copy = new ArrayList<>(events);
            Collections.shuffle(copy, random);
            reordered.put(c, copy);
        });

        Set<String> once = ids(MeetingCopies.apply(projected, sources));
        Set<String> again = ids(MeetingCopies.apply(
                new ProjectedBlocks(shuffled, projected.agedOut(), projected.skippedRecurring()), reordered));

        assertThat(again).isEqualTo(once);
    }

    @Property(tries = 300)
    void applyingItTwiceChangesNothing(@ForAll("scenarios") Scenario s) {
        Map<CalendarRef, List<SourceEvent>> sources = sources(s);
        ProjectedBlocks once = MeetingCopies.apply(Projection.of(GROUP, sources, NOW), sources);

        assertThat(ids(MeetingCopies.apply(once, sources))).isEqualTo(ids(once));
    }

    private static Set<String> ids(ProjectedBlocks projected) {
        return projected.desired().stream().map(b -> b.target().key() + "/" + b.blockId()).collect(Collectors.toSet());
    }
}
