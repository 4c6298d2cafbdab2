package dev.calsync.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.emulator.graph.recurrence.Recurrence;
import dev.calsync.recurrence.LibRecurRecurrences;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Graph's patterns and their RRULE lines place the same dates: the emulator's expander (Exchange's rules,
 * written in java.time) against lib-recur's expansion of the lines, for any pattern Graph documents.
 */
class RecurrenceTranslationProperties {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final LocalDate HORIZON = LocalDate.parse("2034-01-01");

    @Property(tries = 400)
    void linesMadeFromAPatternPlaceTheDatesGraphPlaces(@ForAll("patterns") GraphPattern pattern,
                                                       @ForAll("startDates") LocalDate startDate) {
        Recurrence graph = Recurrence.parse(GraphHttp.JSON.valueToTree(pattern.toJson(startDate, "Europe/Berlin")),
                startDate, "Europe/Berlin");
        LocalDate first = graph.firstDate();
        if (first == null || first.isAfter(HORIZON)) {
            return; // Graph refuses a series without occurrences
        }
        EventTime start = EventTime.at(first.atTime(NINE).atZone(BERLIN).toInstant(), "Europe/Berlin");
        List<String> lines = RecurrenceTranslation.toLines(pattern, start, BERLIN);
        SourceEvent series = new SourceEvent("S", EventStatus.CONFIRMED, start,
                EventTime.at(start.instant().plus(Duration.ofMinutes(30)), "Europe/Berlin"), false, null, null, lines,
                null, null, "x", null, null, null);

        List<LocalDate> placed = new LibRecurRecurrences().between(series, start.instant(),
                        HORIZON.atStartOfDay(BERLIN).toInstant()).stream()
                .map(occurrence -> LocalDate.ofInstant(occurrence.start().instant(), BERLIN)).toList();

        assertThat(placed).as("%s from %s as %s", pattern, startDate, lines)
                .isEqualTo(graph.datesThrough(HORIZON.minusDays(1)));
    }

    @Property(tries = 400)
    void aPatternSurvivesTheWayToLinesAndBack(@ForAll("patterns") GraphPattern pattern,
                                              @ForAll("startDates") LocalDate startDate) {
        Recurrence graph = Recurrence.parse(GraphHttp.JSON.valueToTree(pattern.toJson(startDate, "Europe/Berlin")),
                startDate, "Europe/Berlin");
        LocalDate first = graph.firstDate();
        if (first == null) {
            return;
        }
        EventTime start = EventTime.at(first.atTime(NINE).atZone(BERLIN).toInstant(), "Europe/Berlin");

        Optional<GraphPattern> back = RecurrenceTranslation.toPattern(
                RecurrenceTranslation.toLines(pattern, start, BERLIN), start, BERLIN);

        assertThat(back).contains(pattern);
    }

    @Provide
    Arbitrary<LocalDate> startDates() {
        return Arbitraries.integers().between(0, 730).map(days -> LocalDate.parse("2030-01-01").plusDays(days));
    }

    @Provide
    Arbitrary<GraphPattern> patterns() {
        Arbitrary<String> type = Arbitraries.of(GraphPattern.DAILY, GraphPattern.WEEKLY, GraphPattern.ABSOLUTE_MONTHLY,
                GraphPattern.RELATIVE_MONTHLY, GraphPattern.ABSOLUTE_YEARLY, GraphPattern.RELATIVE_YEARLY);
        Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(7);
        Arbitrary<Integer> index = Arbitraries.of(1, 2, 3, 4, -1);
        Arbitrary<String> rangeType = Arbitraries.of(GraphPattern.NO_END, GraphPattern.END_DATE, GraphPattern.NUMBERED);
        return Combinators.combine(type, Arbitraries.integers().between(1, 3), days,
                        Arbitraries.integers().between(1, 31), Arbitraries.integers().between(1, 12), index,
                        Arbitraries.of(DayOfWeek.class), rangeType)
                .flatAs((t, interval, d, dayOfMonth, month, i, weekStart, range) ->
                        Combinators.combine(Arbitraries.integers().between(0, 900), Arbitraries.integers().between(1, 30))
                                .as((endDays, count) -> new GraphPattern(t, interval, List.copyOf(d),
                                        dayOfMonth, month, i, weekStart, range,
                                        LocalDate.parse("2033-01-01").plusDays(endDays), count)));
    }
}
