package dev.calsync.recurrence;

import static dev.calsync.recurrence.Series.starts;
import static dev.calsync.recurrence.Series.timed;
import static dev.calsync.recurrence.Series.utc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * Europe/Berlin 2026: clocks go from 02:00 to 03:00 on 29 March (02:00–02:59 does not exist) and from 03:00 back
 * to 02:00 on 25 October (02:00–02:59 occurs twice). RFC 5545 §3.3.5: a repeated time is its first occurrence,
 * a skipped time is read with the offset before the gap. §3.3.10: the rule's times of day are the start's.
 */
class DaylightSavingTest {

    private static final String BERLIN = "Europe/Berlin";
    private static final Instant FROM = utc("2026-01-01T00:00:00Z");
    private static final Instant TO = utc("2027-01-01T00:00:00Z");
    private final LibRecurRecurrences recurrences = new LibRecurRecurrences();

    @Test
    void dailyTimeThatOccursTwiceTakesItsFirstInstant() {
        var series = timed(BERLIN, "2026-10-24T02:30", Duration.ofMinutes(30), "RRULE:FREQ=DAILY;COUNT=3");

        assertThat(starts(recurrences.between(series, FROM, TO))).containsExactly(
                utc("2026-10-24T00:30:00Z"), utc("2026-10-25T00:30:00Z"), utc("2026-10-26T01:30:00Z"));
    }

    @Test
    void startAtTheFirstOfTwoEqualTimesIsItsOwnOnlyOccurrenceWithCountOne() {
        var series = timed(BERLIN, "2026-10-25T02:30", Duration.ofMinutes(30), "RRULE:FREQ=DAILY;COUNT=1");

        assertThat(starts(recurrences.between(series, FROM, TO))).containsExactly(utc("2026-10-25T00:30:00Z"));
    }

    @Test
    void utcExdateRemovesTheFirstOfTwoEqualTimes() {
        var series = timed(BERLIN, "2026-10-24T02:30", Duration.ofMinutes(30), "RRULE:FREQ=DAILY;COUNT=3",
                "EXDATE:20261025T003000Z");

        assertThat(starts(recurrences.between(series, FROM, TO))).containsExactly(
                utc("2026-10-24T00:30:00Z"), utc("2026-10-26T01:30:00Z"));
    }

    @Test
    void hourlySeriesMeetsTheRepeatedHourOnceAtItsFirstInstant() {
        // The rule computes wall-clock times (RFC 5545 §3.3.10): 00:30, 01:30, 02:30 (first), 03:30.
        var series = timed(BERLIN, "2026-10-25T00:30", Duration.ofMinutes(10), "RRULE:FREQ=HOURLY;COUNT=4");

        assertThat(starts(recurrences.between(series, FROM, TO))).containsExactly(
                utc("2026-10-24T22:30:00Z"), utc("2026-10-24T23:30:00Z"), utc("2026-10-25T00:30:00Z"),
                utc("2026-10-25T02:30:00Z"));
    }

    @Test
    void startWrittenAtTheSecondOfTwoEqualTimesKeepsItsInstant() {
        // 02:30+01:00, which a source can write with an offset but TZID form cannot.
        Instant second = utc("2026-10-25T01:30:00Z");
        var series = timed(EventTime.at(second, BERLIN), EventTime.at(second.plusSeconds(1800), BERLIN),
                "RRULE:FREQ=DAILY;COUNT=2");

        assertThat(starts(recurrences.between(series, FROM, TO))).containsExactly(second, utc("2026-10-26T01:30:00Z"));
    }

    @Test
    void utcUntilAtTheFirstOfTwoEqualTimesIncludesThatOccurrence() {
        var series = timed(BERLIN, "2026-10-24T02:30", Duration.ofMinutes(30), "RRULE:FREQ=DAILY;UNTIL=20261025T003000Z");

        assertThat(starts(recurrences.between(series, FROM, TO))).containsExactly(
                utc("2026-10-24T00:30:00Z"), utc("2026-10-25T00:30:00Z"));
    }

    @Test
    void startWrittenInsideTheSpringGapKeepsItsTimeOfDayForLaterOccurrences() {
        var series = writtenInTheGap("RRULE:FREQ=DAILY;COUNT=2");

        assertThat(starts(recurrences.between(series, FROM, TO))).containsExactly(
                utc("2026-03-29T01:30:00Z"), utc("2026-03-30T00:30:00Z"));
    }

    @Test
    void startKnownOnlyAsAnInstantInsideTheGapRecursAtTheTimeItNames() {
        // Without the written wall-clock time, 01:30Z is 03:30, and so is every later occurrence.
        Instant start = utc("2026-03-29T01:30:00Z");
        var series = timed(EventTime.at(start, BERLIN), EventTime.at(start.plusSeconds(1800), BERLIN),
                "RRULE:FREQ=DAILY;COUNT=2");

        assertThat(starts(recurrences.between(series, FROM, TO))).containsExactly(start, utc("2026-03-30T01:30:00Z"));
    }

    @Test
    void tzidExdateNamingTheSkippedStartTimeRemovesTheStart() {
        var series = writtenInTheGap("RRULE:FREQ=DAILY;COUNT=2", "EXDATE;TZID=Europe/Berlin:20260329T023000");

        assertThat(starts(recurrences.between(series, FROM, TO))).containsExactly(utc("2026-03-30T00:30:00Z"));
    }

    @Test
    void laterOccurrenceAtASkippedTimeIsTheGapLengthLater() {
        var series = timed(BERLIN, "2026-03-28T02:30", Duration.ofMinutes(30), "RRULE:FREQ=DAILY;COUNT=3");

        assertThat(starts(recurrences.between(series, FROM, TO))).containsExactly(
                utc("2026-03-28T01:30:00Z"), utc("2026-03-29T01:30:00Z"), utc("2026-03-30T00:30:00Z"));
    }

    @Test
    void utcUntilBoundsInstantsNotWallClockTimes() {
        // 29 March 02:30 is 01:30Z, after UNTIL, although 02:30 is before 03:00, the wall-clock time UNTIL names.
        var series = timed(BERLIN, "2026-03-28T02:30", Duration.ofMinutes(30), "RRULE:FREQ=DAILY;UNTIL=20260329T010000Z");

        assertThat(starts(recurrences.between(series, FROM, TO))).containsExactly(utc("2026-03-28T01:30:00Z"));
    }

    @Test
    void skippedTimesComeOutInInstantOrderAndOnce() {
        // Every 50 minutes from 01:20: 02:10 is skipped and names 01:10Z, later than 03:00 (01:00Z) after it.
        var series = timed(BERLIN, "2026-03-29T01:20", Duration.ofMinutes(5), "RRULE:FREQ=MINUTELY;INTERVAL=50;COUNT=5",
                "EXDATE:20260329T010000Z");

        assertThat(starts(recurrences.between(series, FROM, TO))).containsExactly(
                utc("2026-03-29T00:20:00Z"), utc("2026-03-29T01:10:00Z"), utc("2026-03-29T01:50:00Z"),
                utc("2026-03-29T02:40:00Z"));
        assertThat(starts(recurrences.between(series, utc("2026-03-29T01:08:00Z"), TO))).containsExactly(
                utc("2026-03-29T01:10:00Z"), utc("2026-03-29T01:50:00Z"), utc("2026-03-29T02:40:00Z"));
    }

    @Test
    void skippedHourAndTheHourAfterItAreOneInstant() {
        // 01:30, 02:30 (skipped: 03:30), 03:30, 04:30: COUNT counts the rule's four times, three instants remain.
        var series = timed(BERLIN, "2026-03-29T01:30", Duration.ofMinutes(10), "RRULE:FREQ=HOURLY;COUNT=4");

        assertThat(starts(recurrences.between(series, FROM, TO))).containsExactly(
                utc("2026-03-29T00:30:00Z"), utc("2026-03-29T01:30:00Z"), utc("2026-03-29T02:30:00Z"));
    }

    private static SourceEvent writtenInTheGap(String... lines) {
        Instant start = utc("2026-03-29T01:30:00Z");
        LocalDateTime written = LocalDateTime.parse("2026-03-29T02:30");
        return timed(new EventTime.Timed(start, BERLIN, written), EventTime.at(start.plusSeconds(1800), BERLIN), lines);
    }
}
