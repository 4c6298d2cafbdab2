package dev.calsync.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The projection does not change before its horizon: projecting at any moment between {@code now} and the horizon
 * gives the same blocks as at {@code now}; and the horizon is the first window-edge crossing, never more than a day.
 */
class ProjectionHorizonProperties {
    private static final Instant NOW = Instant.parse("2030-03-01T00:00:00Z");
    private static final CalendarRef A = new CalendarRef("a", "a@x");
    private static final CalendarRef B = new CalendarRef("b", "b@x");
    private static final SyncGroup GROUP = new SyncGroup("g", null, null, new Window(3, 5), null, null, List.of(A, B));
    private static final WeeklyRecurrences WEEKLY = new WeeklyRecurrences();

    @Property(tries = 300)
    void projectingAnywhereBeforeTheHorizonGivesTheSameBlocks(@ForAll("sources") List<SourceEvent> events,
                                                               @ForAll("fractions") double fraction) {
        Map<CalendarRef, List<SourceEvent>> sources = Map.of(A, events, B, List.of());
        Instant horizon = ProjectionHorizon.of(GROUP, sources, NOW, WEEKLY);
        assertThat(horizon).isAfterOrEqualTo(NOW).isBeforeOrEqualTo(NOW.plus(ProjectionHorizon.CAP));

        ProjectedBlocks atNow = Projection.of(GROUP, sources, NOW, WEEKLY);
        long span = Math.max(0, Duration.between(NOW, horizon).toMillis() - 1);
        for (Instant at : List.of(NOW.plusMillis((long) (span * fraction)), NOW.plusMillis(span))) {
            ProjectedBlocks later = Projection.of(GROUP, sources, at, WEEKLY);
            assertThat(later.desired()).as("at " + at).containsExactlyInAnyOrderElementsOf(atNow.desired());
            assertThat(later.agedOut()).as("at " + at).isEqualTo(atNow.agedOut());
        }
    }

    @Example
    void anEventJustBeyondTheWindowSetsTheHorizonToWhenItEnters() {
        Instant start = NOW.plus(Duration.ofDays(5)).plus(Duration.ofHours(7));
        Instant horizon = ProjectionHorizon.of(GROUP, Map.of(A, List.of(single("e", start, 30))), NOW, WEEKLY);

        assertThat(horizon).isEqualTo(NOW.plus(Duration.ofHours(7)));
        assertThat(Projection.of(GROUP, Map.of(A, List.of(single("e", start, 30))), horizon.plusMillis(1), WEEKLY)
                .desired()).as("entered right after the horizon").hasSize(1);
    }

    @Example
    void aSeriesStartingExactlyAtTheWindowsEndLeavesNothingValid() {
        SourceEvent series = new SourceEvent("s", EventStatus.CONFIRMED, EventTime.at(NOW.plus(Duration.ofDays(5)), "UTC"),
                EventTime.at(NOW.plus(Duration.ofDays(5)).plusSeconds(3600), "UTC"), false, null, null,
                List.of("RRULE:FREQ=WEEKLY;COUNT=1"), null, null, "s", Map.of(), null, null);
        assertThat(ProjectionHorizon.of(GROUP, Map.of(A, List.of(series)), NOW, WEEKLY)).isEqualTo(NOW);
    }

    @Example
    void aGroupWithNothingNearAnEdgeIsValidForTheCap() {
        Instant horizon = ProjectionHorizon.of(GROUP, Map.of(A, List.of(single("e", NOW.plus(Duration.ofDays(2)), 60))),
                NOW, WEEKLY);
        assertThat(horizon).isEqualTo(NOW.plus(ProjectionHorizon.CAP));
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<List<SourceEvent>> sources() {
        Arbitrary<Integer> hours = Arbitraries.integers().between(-24 * 12, 24 * 12);
        Arbitrary<Integer> minutes = Arbitraries.integers().between(15, 24 * 60);
        Arbitrary<SourceEvent> singles = Combinators.combine(hours, minutes, Arbitraries.integers().between(0, 10_000))
                .as((h, m, id) -> single("e" + id, NOW.plus(Duration.ofHours(h)).plusSeconds(id % 3600), m));
        Arbitrary<SourceEvent> series = Combinators.combine(hours, Arbitraries.integers().between(1, 6))
                .as((h, count) -> new SourceEvent("s" + h + "x" + count, EventStatus.CONFIRMED,
                        EventTime.at(NOW.plus(Duration.ofHours(h)), "UTC"),
                        EventTime.at(NOW.plus(Duration.ofHours(h)).plusSeconds(3600), "UTC"), false, null, null,
                        List.of("RRULE:FREQ=WEEKLY;COUNT=" + count), null, null, "s", Map.of(), null, null));
        return Arbitraries.oneOf(singles, series).list().ofMaxSize(8).map(list -> {
            List<SourceEvent> unique = new ArrayList<>();
            list.stream().filter(e -> unique.stream().noneMatch(u -> u.id().equals(e.id()))).forEach(unique::add);
            return unique;
        });
    }

    private static SourceEvent single(String id, Instant start, int minutes) {
        return SourceEvent.timed(id, start, start.plus(Duration.ofMinutes(minutes)));
    }
}
