package dev.calsync.recurrence;

import static dev.calsync.recurrence.Series.localStarts;
import static dev.calsync.recurrence.Series.timed;
import static dev.calsync.recurrence.Series.utc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** One test per RRULE feature the README promises. */
class RuleFeaturesTest {

    private static final String UTC = "UTC";
    private static final Instant FROM = utc("2026-01-01T00:00:00Z");
    private static final Instant TO = utc("2028-01-01T00:00:00Z");
    private final LibRecurRecurrences recurrences = new LibRecurRecurrences();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "FREQ=SECONDLY;INTERVAL=30;COUNT=3, 2026-01-05T09:00, 2026-01-05T09:00:30, 2026-01-05T09:01",
            "FREQ=MINUTELY;INTERVAL=15;COUNT=3, 2026-01-05T09:00, 2026-01-05T09:15, 2026-01-05T09:30",
            "FREQ=HOURLY;COUNT=3,               2026-01-05T09:00, 2026-01-05T10:00, 2026-01-05T11:00",
            "FREQ=DAILY;COUNT=3,                2026-01-05T09:00, 2026-01-06T09:00, 2026-01-07T09:00",
            "FREQ=WEEKLY;COUNT=3,               2026-01-05T09:00, 2026-01-12T09:00, 2026-01-19T09:00",
            "FREQ=MONTHLY;COUNT=3,              2026-01-05T09:00, 2026-02-05T09:00, 2026-03-05T09:00",
            "FREQ=YEARLY;COUNT=3,               2026-01-05T09:00, 2027-01-05T09:00, 2028-01-05T09:00",
    })
    void everyFrequencyIsExpanded(String rule, String first, String second, String third) {
        var series = timed(UTC, "2026-01-05T09:00", Duration.ofSeconds(1), "RRULE:" + rule);

        assertThat(localStarts(recurrences.between(series, FROM, utc("2029-01-01T00:00:00Z")), UTC))
                .containsExactly(first, second, third);
    }

    @Test
    void byMonthRestrictsToTheListedMonths() {
        var series = timed(UTC, "2026-01-01T09:00", Duration.ofHours(1), "RRULE:FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=1");

        assertThat(localStarts(recurrences.between(series, FROM, TO), UTC)).containsExactly(
                "2026-01-01T09:00", "2026-07-01T09:00", "2027-01-01T09:00", "2027-07-01T09:00");
    }

    @Test
    void bySetPosPicksTheLastWorkdayOfTheMonth() {
        var series = timed(UTC, "2026-01-30T09:00", Duration.ofHours(1),
                "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=4");

        assertThat(localStarts(recurrences.between(series, FROM, TO), UTC)).containsExactly(
                "2026-01-30T09:00", "2026-02-27T09:00", "2026-03-31T09:00", "2026-04-30T09:00");
    }

    @Test
    void byDayWithOrdinalsInAYearlyRule() {
        // Second Sunday of May (Mother's Day in many countries).
        var series = timed(UTC, "2026-05-10T09:00", Duration.ofHours(1), "RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=2SU");

        assertThat(localStarts(recurrences.between(series, FROM, TO), UTC)).containsExactly("2026-05-10T09:00", "2027-05-09T09:00");
    }

    @Test
    void wkstChangesWhichWeeksABiweeklyRuleUses() {
        // RFC 5545 section 3.3.10's own WKST example (1997-08-05 is a Tuesday).
        var monday = timed(UTC, "1997-08-05T09:00", Duration.ofHours(1), "RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO");
        var sunday = timed(UTC, "1997-08-05T09:00", Duration.ofHours(1), "RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU");
        Instant from = utc("1997-08-01T00:00:00Z");
        Instant to = utc("1997-10-01T00:00:00Z");

        assertThat(localStarts(recurrences.between(monday, from, to), UTC)).containsExactly(
                "1997-08-05T09:00", "1997-08-10T09:00", "1997-08-19T09:00", "1997-08-24T09:00");
        assertThat(localStarts(recurrences.between(sunday, from, to), UTC)).containsExactly(
                "1997-08-05T09:00", "1997-08-17T09:00", "1997-08-19T09:00", "1997-08-31T09:00");
    }

    @Test
    void exruleSubtractsItsOccurrences() {
        var series = timed(UTC, "2026-01-05T09:00", Duration.ofHours(1), "RRULE:FREQ=DAILY;COUNT=10",
                "EXRULE:FREQ=WEEKLY;BYDAY=SA,SU");

        assertThat(localStarts(recurrences.between(series, FROM, TO), UTC)).containsExactly(
                "2026-01-05T09:00", "2026-01-06T09:00", "2026-01-07T09:00", "2026-01-08T09:00", "2026-01-09T09:00",
                "2026-01-12T09:00", "2026-01-13T09:00", "2026-01-14T09:00");
    }

    @Test
    void twoRulesAreMergedWithoutDuplicates() {
        var series = timed(UTC, "2026-01-05T09:00", Duration.ofHours(1), "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3",
                "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=3");

        assertThat(localStarts(recurrences.between(series, FROM, TO), UTC)).containsExactly(
                "2026-01-05T09:00", "2026-01-07T09:00", "2026-01-12T09:00", "2026-01-19T09:00");
    }

    @Test
    void xParametersOnALineAreIgnored() {
        var series = timed(UTC, "2026-01-05T09:00", Duration.ofHours(1), "RRULE;X-SOURCE=test:FREQ=DAILY;COUNT=2");

        assertThat(recurrences.between(series, FROM, TO)).hasSize(2);
    }

    @Test
    void lowerCaseRulesAreAccepted() {
        var series = timed(UTC, "2026-01-05T09:00", Duration.ofHours(1), "rrule:freq=daily;count=2");

        assertThat(recurrences.between(series, FROM, TO)).hasSize(2);
    }
}
