package dev.calsync.recurrence;

import static dev.calsync.recurrence.Series.allDay;
import static dev.calsync.recurrence.Series.dates;
import static dev.calsync.recurrence.Series.utc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.event.EventTime;
import dev.calsync.core.recurrence.Occurrence;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllDaySeriesExpansionTest {

    private static final Instant FROM = utc("2026-01-01T00:00:00Z");
    private static final Instant TO = utc("2031-01-01T00:00:00Z");
    private final LibRecurRecurrences recurrences = new LibRecurRecurrences();

    @Test
    void yearlyAllDaySeriesWithDateUntilExdateAndRdateGivesWholeDaysWithExclusiveEnd() {
        var series = allDay("2026-12-24", 1, "RRULE:FREQ=YEARLY;UNTIL=20291224",
                "EXDATE;VALUE=DATE:20271224", "RDATE;VALUE=DATE:20261231");

        List<Occurrence> all = recurrences.between(series, FROM, TO);

        assertThat(dates(all)).containsExactly("2026-12-24", "2026-12-31", "2028-12-24", "2029-12-24");
        assertThat(all).allSatisfy(o -> {
            LocalDate start = ((EventTime.AllDay) o.start()).date();
            assertThat(o.end()).isEqualTo(EventTime.on(start.plusDays(1)));
            assertThat(o.originalStart()).isEqualTo(o.start());
        });
    }

    @Test
    void multiDayAllDaySeriesKeepsItsLengthAndSkipsTheNonexistentThirtiethOfFebruary() {
        var series = allDay("2026-01-30", 3, "RRULE:FREQ=MONTHLY;COUNT=3");

        assertThat(recurrences.between(series, FROM, TO)).extracting(Occurrence::end).containsExactly(
                EventTime.on(LocalDate.parse("2026-02-02")), EventTime.on(LocalDate.parse("2026-04-02")),
                EventTime.on(LocalDate.parse("2026-05-03")));
    }

    @Test
    void exdateWithoutValueParameterStillMatchesADate() {
        var series = allDay("2026-12-24", 1, "RRULE:FREQ=YEARLY;COUNT=3", "EXDATE:20271224");

        assertThat(dates(recurrences.between(series, FROM, TO))).containsExactly("2026-12-24", "2028-12-24");
    }

    @Test
    void untilAsUtcDateTimeOnAnAllDaySeriesMeansItsUtcDate() {
        var series = allDay("2026-12-24", 1, "RRULE:FREQ=YEARLY;UNTIL=20281224T000000Z");

        assertThat(dates(recurrences.between(series, FROM, TO))).containsExactly("2026-12-24", "2027-12-24", "2028-12-24");
    }

    @Test
    void allDayOccurrenceOverlappingTheWindowStartCounts() {
        var series = allDay("2026-01-05", 2, "RRULE:FREQ=WEEKLY;COUNT=3");

        // The 12th–14th occurrence is still running at noon on the 13th (UTC, as EventTime.AllDay counts).
        assertThat(dates(recurrences.between(series, utc("2026-01-13T12:00:00Z"), utc("2026-01-19T00:00:00Z"))))
                .containsExactly("2026-01-12");
    }
}
