package dev.calsync.recurrence;

import static dev.calsync.recurrence.Series.at;
import static dev.calsync.recurrence.Series.length;
import static dev.calsync.recurrence.Series.localStarts;
import static dev.calsync.recurrence.Series.starts;
import static dev.calsync.recurrence.Series.timed;
import static dev.calsync.recurrence.Series.utc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.event.EventTime;
import dev.calsync.core.recurrence.Occurrence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimedSeriesExpansionTest {

    private static final String BERLIN = "Europe/Berlin";
    private final LibRecurRecurrences recurrences = new LibRecurRecurrences();

    @Test
    void weeklyBerlinSeriesStaysAtNineLocalAcrossMarchAndOctoberDstChanges() {
        var series = timed(BERLIN, "2026-03-16T09:00", Duration.ofHours(1), "RRULE:FREQ=WEEKLY");

        List<Occurrence> all = recurrences.between(series, utc("2026-03-01T00:00:00Z"), utc("2026-11-10T00:00:00Z"));

        assertThat(all).hasSize(35);
        assertThat(all).allSatisfy(o -> {
            assertThat(LocalDateTime.ofInstant(o.start().instant(), ZoneId.of(BERLIN)).toLocalTime()).hasToString("09:00");
            assertThat(length(o)).isEqualTo(Duration.ofHours(1));
            assertThat(o.start()).isInstanceOf(EventTime.Timed.class);
            assertThat(((EventTime.Timed) o.start()).timeZone()).isEqualTo(BERLIN);
            assertThat(((EventTime.Timed) o.end()).timeZone()).isEqualTo(BERLIN);
            assertThat(o.originalStart()).isEqualTo(o.start());
        });
        // DST starts 2026-03-29 and ends 2026-10-25: the UTC instant moves, the local time does not.
        assertThat(starts(all)).contains(
                utc("2026-03-23T08:00:00Z"), utc("2026-03-30T07:00:00Z"),
                utc("2026-10-19T07:00:00Z"), utc("2026-10-26T08:00:00Z"));
    }

    @Test
    void dailyCountFiveGivesExactlyFiveEvenWhenFromIsAfterTheThird() {
        var series = timed(BERLIN, "2026-01-05T09:00", Duration.ofMinutes(30), "RRULE:FREQ=DAILY;COUNT=5");

        assertThat(recurrences.between(series, utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"))).hasSize(5);
        assertThat(localStarts(recurrences.between(series, at(BERLIN, "2026-01-07T12:00"), utc("2027-01-01T00:00:00Z")), BERLIN))
                .containsExactly("2026-01-08T09:00", "2026-01-09T09:00");
        assertThat(recurrences.between(series, at(BERLIN, "2026-01-09T12:00"), utc("2027-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void untilInUtcIsInclusiveAndEndsTheSeries() {
        var inclusive = timed(BERLIN, "2026-01-05T09:00", Duration.ofHours(1), "RRULE:FREQ=DAILY;UNTIL=20260109T080000Z");
        var justBefore = timed(BERLIN, "2026-01-05T09:00", Duration.ofHours(1), "RRULE:FREQ=DAILY;UNTIL=20260109T075959Z");
        Instant from = utc("2026-01-01T00:00:00Z");
        Instant to = utc("2026-02-01T00:00:00Z");

        assertThat(localStarts(recurrences.between(inclusive, from, to), BERLIN)).containsExactly(
                "2026-01-05T09:00", "2026-01-06T09:00", "2026-01-07T09:00", "2026-01-08T09:00", "2026-01-09T09:00");
        assertThat(recurrences.between(justBefore, from, to)).hasSize(4);
    }

    @Test
    void untilAsDateOnATimedSeriesIncludesThatWholeDay() {
        var series = timed(BERLIN, "2026-01-05T21:00", Duration.ofHours(1), "RRULE:FREQ=DAILY;UNTIL=20260107");

        assertThat(localStarts(recurrences.between(series, utc("2026-01-01T00:00:00Z"), utc("2026-02-01T00:00:00Z")), BERLIN))
                .containsExactly("2026-01-05T21:00", "2026-01-06T21:00", "2026-01-07T21:00");
    }

    @Test
    void floatingUntilIsReadInTheSeriesZone() {
        var series = timed(BERLIN, "2026-01-05T09:00", Duration.ofHours(1), "RRULE:FREQ=DAILY;UNTIL=20260107T090000");

        assertThat(localStarts(recurrences.between(series, utc("2026-01-01T00:00:00Z"), utc("2026-02-01T00:00:00Z")), BERLIN))
                .containsExactly("2026-01-05T09:00", "2026-01-06T09:00", "2026-01-07T09:00");
    }

    @Test
    void monthlyLastFridayFollowsByDayMinusOne() {
        var series = timed(BERLIN, "2026-01-30T16:00", Duration.ofHours(1), "RRULE:FREQ=MONTHLY;BYDAY=-1FR");

        assertThat(localStarts(recurrences.between(series, utc("2026-01-01T00:00:00Z"), utc("2026-07-01T00:00:00Z")), BERLIN))
                .containsExactly("2026-01-30T16:00", "2026-02-27T16:00", "2026-03-27T16:00", "2026-04-24T16:00",
                        "2026-05-29T16:00", "2026-06-26T16:00");
    }

    @Test
    void byMonthDay31SkipsMonthsWithoutA31st() {
        var series = timed(BERLIN, "2026-01-31T10:00", Duration.ofHours(1), "RRULE:FREQ=MONTHLY;BYMONTHDAY=31;COUNT=4");

        assertThat(localStarts(recurrences.between(series, utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z")), BERLIN))
                .containsExactly("2026-01-31T10:00", "2026-03-31T10:00", "2026-05-31T10:00", "2026-07-31T10:00");
    }

    @Test
    void intervalTwoSkipsEveryOtherWeek() {
        var series = timed(BERLIN, "2026-01-05T09:00", Duration.ofHours(1), "RRULE:FREQ=WEEKLY;INTERVAL=2");

        assertThat(localStarts(recurrences.between(series, utc("2026-01-01T00:00:00Z"), utc("2026-02-10T00:00:00Z")), BERLIN))
                .containsExactly("2026-01-05T09:00", "2026-01-19T09:00", "2026-02-02T09:00");
    }

    @Test
    void exdateWithTzidRemovesExactlyThatOccurrence() {
        var plain = timed(BERLIN, "2026-03-16T09:00", Duration.ofHours(1), "RRULE:FREQ=WEEKLY;COUNT=5");
        var withExdate = timed(BERLIN, "2026-03-16T09:00", Duration.ofHours(1), "RRULE:FREQ=WEEKLY;COUNT=5",
                "EXDATE;TZID=Europe/Berlin:20260330T090000");
        Instant from = utc("2026-03-01T00:00:00Z");
        Instant to = utc("2026-06-01T00:00:00Z");

        List<Instant> before = starts(recurrences.between(plain, from, to));
        List<Instant> after = starts(recurrences.between(withExdate, from, to));

        assertThat(before).hasSize(5).contains(at(BERLIN, "2026-03-30T09:00"));
        assertThat(after).containsExactlyElementsOf(before.stream().filter(s -> !s.equals(at(BERLIN, "2026-03-30T09:00"))).toList());
    }

    @Test
    void exdateInUtcFormRemovesTheOccurrenceAtThatInstant() {
        // 09:00 Berlin on 2026-03-30 (summer time) is 07:00 UTC.
        var series = timed(BERLIN, "2026-03-16T09:00", Duration.ofHours(1), "RRULE:FREQ=WEEKLY;COUNT=5",
                "EXDATE:20260330T070000Z");

        assertThat(localStarts(recurrences.between(series, utc("2026-03-01T00:00:00Z"), utc("2026-06-01T00:00:00Z")), BERLIN))
                .containsExactly("2026-03-16T09:00", "2026-03-23T09:00", "2026-04-06T09:00", "2026-04-13T09:00");
    }

    @Test
    void exdateOfTheFirstStartRemovesIt() {
        var series = timed(BERLIN, "2026-03-16T09:00", Duration.ofHours(1), "RRULE:FREQ=WEEKLY;COUNT=3",
                "EXDATE;TZID=Europe/Berlin:20260316T090000");

        assertThat(localStarts(recurrences.between(series, utc("2026-03-01T00:00:00Z"), utc("2026-06-01T00:00:00Z")), BERLIN))
                .containsExactly("2026-03-23T09:00", "2026-03-30T09:00");
    }

    @Test
    void exdateThatMatchesNoOccurrenceRemovesNothing() {
        var series = timed(BERLIN, "2026-03-16T09:00", Duration.ofHours(1), "RRULE:FREQ=WEEKLY;COUNT=3",
                "EXDATE;TZID=Europe/Berlin:20260323T100000");

        assertThat(recurrences.between(series, utc("2026-03-01T00:00:00Z"), utc("2026-06-01T00:00:00Z"))).hasSize(3);
    }

    @Test
    void rdateAddsOccurrencesWithTheSeriesDuration() {
        var series = timed(BERLIN, "2026-03-16T09:00", Duration.ofMinutes(45), "RRULE:FREQ=WEEKLY;COUNT=2",
                "RDATE;TZID=Europe/Berlin:20260318T140000,20260401T140000", "RDATE:20260325T120000Z");

        List<Occurrence> all = recurrences.between(series, utc("2026-03-01T00:00:00Z"), utc("2026-06-01T00:00:00Z"));

        assertThat(localStarts(all, BERLIN)).containsExactly(
                "2026-03-16T09:00", "2026-03-18T14:00", "2026-03-23T09:00", "2026-03-25T13:00", "2026-04-01T14:00");
        assertThat(all).allSatisfy(o -> assertThat(length(o)).isEqualTo(Duration.ofMinutes(45)));
    }

    @Test
    void rdateOnAnInstantTheRuleAlsoProducesIsReturnedOnce() {
        // 09:00 Berlin on 2026-03-23 is 08:00 UTC: the same instant written in another zone.
        var series = timed(BERLIN, "2026-03-16T09:00", Duration.ofHours(1), "RRULE:FREQ=WEEKLY;COUNT=2",
                "RDATE:20260323T080000Z");

        assertThat(localStarts(recurrences.between(series, utc("2026-03-01T00:00:00Z"), utc("2026-06-01T00:00:00Z")), BERLIN))
                .containsExactly("2026-03-16T09:00", "2026-03-23T09:00");
    }

    @Test
    void seriesOfRdatesOnlyAlsoOccursAtItsStart() {
        var series = timed(BERLIN, "2026-03-16T09:00", Duration.ofHours(1), "RDATE;TZID=Europe/Berlin:20260317T090000");

        assertThat(localStarts(recurrences.between(series, utc("2026-03-01T00:00:00Z"), utc("2026-06-01T00:00:00Z")), BERLIN))
                .containsExactly("2026-03-16T09:00", "2026-03-17T09:00");
    }

    @Test
    void seriesWithoutTimeZoneExpandsInUtcAndKeepsTheZoneAsGiven() {
        Instant start = utc("2026-03-16T09:00:00Z");
        var series = timed(EventTime.at(start, null), EventTime.at(start.plus(Duration.ofHours(1)), null),
                "RRULE:FREQ=WEEKLY;COUNT=3");

        List<Occurrence> all = recurrences.between(series, utc("2026-03-01T00:00:00Z"), utc("2026-06-01T00:00:00Z"));

        assertThat(starts(all)).containsExactly(
                utc("2026-03-16T09:00:00Z"), utc("2026-03-23T09:00:00Z"), utc("2026-03-30T09:00:00Z"));
        assertThat(all).allSatisfy(o -> assertThat(((EventTime.Timed) o.start()).timeZone()).isNull());
    }

    @Test
    void endKeepsTheZoneOfTheSeriesEnd() {
        Instant start = at(BERLIN, "2026-03-16T09:00");
        var series = timed(EventTime.at(start, BERLIN), EventTime.at(start.plus(Duration.ofHours(2)), "Europe/London"),
                "RRULE:FREQ=DAILY;COUNT=2");

        List<Occurrence> all = recurrences.between(series, utc("2026-03-01T00:00:00Z"), utc("2026-06-01T00:00:00Z"));

        assertThat(all).extracting(Occurrence::end).containsExactly(
                EventTime.at(start.plus(Duration.ofHours(2)), "Europe/London"),
                EventTime.at(start.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)), "Europe/London"));
    }

    @Test
    void singleEventWithoutRecurrenceLinesIsItsOwnOnlyOccurrence() {
        var series = timed(BERLIN, "2026-03-16T09:00", Duration.ofHours(1));

        assertThat(localStarts(recurrences.between(series, utc("2026-03-01T00:00:00Z"), utc("2026-06-01T00:00:00Z")), BERLIN))
                .containsExactly("2026-03-16T09:00");
    }
}
