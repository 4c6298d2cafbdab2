package dev.calsync.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.emulator.graph.recurrence.Recurrence;
import dev.calsync.recurrence.LibRecurRecurrences;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The RRULEs sources write, as Graph patterns: the same dates where Graph can say them, nothing where not. */
class RecurrenceTranslationTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Wednesday 31 January 2024, 09:00 Berlin: a month's last day in a leap year. */
    private static final EventTime START = EventTime.at(Instant.parse("2024-01-31T08:00:00Z"), "Europe/Berlin");
    private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"RRULE:FREQ=DAILY;COUNT=5", "RRULE:FREQ=DAILY;INTERVAL=3;UNTIL=20240301T075959Z",
            "RRULE:FREQ=WEEKLY", "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=20", "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,WE;WKST=SU",
            "RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "RRULE:FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
            "RRULE:FREQ=MONTHLY;BYMONTHDAY=-1", "RRULE:FREQ=MONTHLY;BYDAY=-1WE",
            "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=7", "RRULE:FREQ=YEARLY",
            "RRULE:FREQ=YEARLY;INTERVAL=2;BYMONTH=1;BYDAY=-1WE", "RRULE:FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
            "RRULE:FREQ=WEEKLY;UNTIL=20240306T070000Z"})
    void aRuleGraphCanSayBecomesAPatternWithTheSameDates(String rule) {
        Optional<GraphPattern> pattern = RecurrenceTranslation.toPattern(List.of(rule), START, BERLIN);

        assertThat(pattern).as(rule).isPresent();
        LocalDate first = LocalDate.ofInstant(START.instant(), BERLIN);
        Recurrence graph = Recurrence.parse(GraphHttp.JSON.valueToTree(pattern.get().toJson(first, "Europe/Berlin")),
                first, "Europe/Berlin");
        assertThat(graph.datesThrough(LocalDate.ofInstant(UNTIL, BERLIN).minusDays(1))).as(rule)
                .isEqualTo(libRecurDates(rule));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RRULE:FREQ=MONTHLY", "RRULE:FREQ=MONTHLY;BYMONTHDAY=31", "RRULE:FREQ=WEEKLY;BYHOUR=9,15",
            "RRULE:FREQ=HOURLY", "RRULE:FREQ=YEARLY;BYDAY=1MO", "RRULE:FREQ=MONTHLY;BYDAY=MO",
            "RRULE:FREQ=DAILY;INTERVAL=2;BYDAY=MO", "RRULE:FREQ=YEARLY;BYWEEKNO=20", "EXDATE:20240207T080000Z",
            "RRULE:FREQ=MONTHLY;BYDAY=5FR", "not a rule", "RRULE:FREQ=MONTHLY;BYDAY=2TU"})
    void aRuleGraphCannotSayHasNoPattern(String rule) {
        // The last one does not place its own start (a Wednesday): RFC counts it anyway, Graph would not.
        assertThat(RecurrenceTranslation.toPattern(List.of(rule), START, BERLIN)).as(rule).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RRULE:FREQ=WEEKLY;COUNT=3"})
    void aSeriesWithExceptionDatesHasNoPattern(String rule) {
        assertThat(RecurrenceTranslation.toPattern(List.of(rule, "EXDATE:20240207T080000Z"), START, BERLIN)).isEmpty();
    }

    private static List<LocalDate> libRecurDates(String rule) {
        SourceEvent series = new SourceEvent("S", EventStatus.CONFIRMED, START,
                EventTime.at(START.instant().plus(Duration.ofMinutes(30)), "Europe/Berlin"), false, null, null,
                List.of(rule), null, null, "x", null, null, null);
        return new LibRecurRecurrences().between(series, START.instant(), UNTIL).stream()
                .map(occurrence -> LocalDate.ofInstant(occurrence.start().instant(), BERLIN)).toList();
    }
}
