package dev.calsync.recurrence;

import static dev.calsync.recurrence.Series.at;
import static dev.calsync.recurrence.Series.localStarts;
import static dev.calsync.recurrence.Series.timed;
import static dev.calsync.recurrence.Series.utc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Readings where other engines differ from us and RFC 5545 is on our side; recurrence/README.md lists them all
 * and DifferentialProperties checks them against ical4j.
 */
class ContestedReadingsTest {

    private static final String BERLIN = "Europe/Berlin";
    private static final Instant FROM = utc("2026-01-01T00:00:00Z");
    private static final Instant TO = utc("2030-01-01T00:00:00Z");
    private final LibRecurRecurrences recurrences = new LibRecurRecurrences();

    @Test
    void startThatTheRuleWouldNotProduceIsTheFirstOccurrenceAndCountsTowardsCount() {
        // Tuesday start, Mondays only: RFC 5545 §3.8.5.3 "DTSTART ... always counts as the first occurrence", as Google shows.
        var series = timed(BERLIN, "2026-03-17T09:00", Duration.ofHours(1), "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3");

        assertThat(localStarts(recurrences.between(series, FROM, TO), BERLIN))
                .containsExactly("2026-03-17T09:00", "2026-03-23T09:00", "2026-03-30T09:00");
        assertThat(localStarts(recurrences.between(series, at(BERLIN, "2026-03-25T00:00"), TO), BERLIN))
                .containsExactly("2026-03-30T09:00");
    }

    @Test
    void yearlyByMonthDayWithoutByMonthStaysYearlyInTheStartsMonth() {
        // The month is not in the rule, so it comes from DTSTART (§3.3.10); Google writes yearly events this way.
        var series = timed(BERLIN, "2026-03-15T09:00", Duration.ofHours(1), "RRULE:FREQ=YEARLY;BYMONTHDAY=15;COUNT=3");

        assertThat(localStarts(recurrences.between(series, FROM, TO), BERLIN))
                .containsExactly("2026-03-15T09:00", "2027-03-15T09:00", "2028-03-15T09:00");
    }

    @Test
    void weeklyBySetPosCountsWithinTheWholeWeekOfTheStart() {
        // Wednesday start: the week's first of MO/WE/FR is the Monday before the start, so that week adds nothing.
        var series = timed(BERLIN, "2026-03-04T09:00", Duration.ofHours(1), "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=1;COUNT=3");

        assertThat(localStarts(recurrences.between(series, FROM, TO), BERLIN))
                .containsExactly("2026-03-04T09:00", "2026-03-09T09:00", "2026-03-16T09:00");
    }

    @Test
    void yearlyBySetPosCountsTheMonthsBeforeTheStartToo() {
        // The 2026 set is {7 Jan, 7 Mar}; its first, 7 January, precedes the start, so 2026 adds nothing.
        var series = timed(BERLIN, "2026-02-07T23:30", Duration.ofHours(1), "RRULE:FREQ=YEARLY;BYMONTH=1,3;BYSETPOS=1;COUNT=3");

        assertThat(localStarts(recurrences.between(series, FROM, TO), BERLIN))
                .containsExactly("2026-02-07T23:30", "2027-01-07T23:30", "2028-01-07T23:30");
    }

    @Test
    void weeksStartOnMondayWhenTheRuleNamesNoWeekStart() {
        // §3.3.10: WKST defaults to MO. Week of Mon 9 March: {MO 9, SU 15}, its first is the Monday.
        var series = timed(BERLIN, "2026-03-09T09:00", Duration.ofHours(1), "RRULE:FREQ=WEEKLY;BYDAY=MO,SU;BYSETPOS=1;COUNT=3");

        assertThat(localStarts(recurrences.between(series, FROM, TO), BERLIN))
                .containsExactly("2026-03-09T09:00", "2026-03-16T09:00", "2026-03-23T09:00");
    }

    @Test
    void weeklyByMonthLimitsEachOccurrenceNotTheWeek() {
        // The week of Mon 26 January 2026 runs into February; its Tuesday, 3 February, is not in BYMONTH=1.
        var series = timed(BERLIN, "2026-01-06T09:00", Duration.ofHours(1), "RRULE:FREQ=WEEKLY;BYMONTH=1;BYDAY=TU;COUNT=5");

        assertThat(localStarts(recurrences.between(series, FROM, TO), BERLIN)).containsExactly("2026-01-06T09:00",
                "2026-01-13T09:00", "2026-01-20T09:00", "2026-01-27T09:00", "2027-01-05T09:00");
    }

    @Test
    void nextInstanceIsFoundAfterMoreThanAThousandStepsWithoutOne() {
        // Every 4th day from Fri 3 Jan 2020, only on a Tuesday 7 June: the first such step is 2033, step 1,226.
        var series = timed("Asia/Kolkata", "2020-01-03T09:00", Duration.ofHours(1),
                "RRULE:FREQ=DAILY;INTERVAL=4;BYMONTH=6;BYDAY=TU;BYMONTHDAY=7;COUNT=2");

        assertThat(localStarts(recurrences.between(series, utc("2019-12-01T00:00:00Z"), utc("2036-01-01T00:00:00Z")),
                "Asia/Kolkata")).containsExactly("2020-01-03T09:00", "2033-06-07T09:00");
    }
}
