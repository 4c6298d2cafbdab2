package dev.calsync.recurrence;

import static dev.calsync.recurrence.Series.allDay;
import static dev.calsync.recurrence.Series.timed;
import static dev.calsync.recurrence.Series.utc;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.recurrence.UnsupportedRecurrenceException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnsupportedRecurrenceTest {

    private static final Instant FROM = utc("2026-01-01T00:00:00Z");
    private static final Instant TO = utc("2027-01-01T00:00:00Z");
    private final LibRecurRecurrences recurrences = new LibRecurRecurrences();

    @ParameterizedTest
    @ValueSource(strings = {
            "garbage",
            "FOO:bar",
            "RRULE:",
            "RRULE:FREQ=SOMETIMES",
            "RRULE:FREQ=DAILY;COUNT=abc",
            "RRULE:FREQ=DAILY;BYDAY=XX",
            "RRULE:FREQ=DAILY;INTERVAL=0",
            "RRULE:FREQ=MONTHLY;BYMONTHDAY=32",
            "RRULE:FREQ=DAILY;UNTIL=2026",
            "RRULE:FREQ=DAILY;COUNT=3;UNTIL=20260110T000000Z",
            "RRULE:FREQ=DAILY;FOO=BAR",
            "RRULE;FOO=1:FREQ=DAILY",
            "EXDATE:2026x",
            "EXDATE:20260230T090000Z",
            "EXDATE:",
            "EXDATE;TZID=Mars/Olympus_Mons:20260105T090000",
            "EXDATE;VALUE=DATE:20260105",
            "RDATE;VALUE=PERIOD:20260105T090000Z/20260105T100000Z",
            "RDATE:20260105T090000Z/PT1H",
            "RDATE;VALUE=DATE:20261224",
            "RDATE;RANGE=THISANDFUTURE:20260105T090000Z",
            "EXDATE;VALUE=DATE:20260105T090000",
    })
    void unreadableLineOnATimedSeriesIsReportedByName(String line) {
        SourceEvent series = timed("Europe/Berlin", "2026-01-05T09:00", Duration.ofHours(1), "RRULE:FREQ=DAILY", line);

        assertThatThrownBy(() -> recurrences.between(series, FROM, TO))
                .isInstanceOf(UnsupportedRecurrenceException.class)
                .hasMessageContaining("'" + line + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EXDATE:20261224T000000Z", "RDATE;TZID=Europe/Berlin:20261224T090000", "EXDATE:20261232"})
    void dateTimeOrInvalidDateOnAnAllDaySeriesIsReportedByName(String line) {
        SourceEvent series = allDay("2026-12-24", 1, "RRULE:FREQ=YEARLY", line);

        assertThatThrownBy(() -> recurrences.between(series, FROM, TO))
                .isInstanceOf(UnsupportedRecurrenceException.class)
                .hasMessageContaining("'" + line + "'");
    }

    @Test
    void badLineIsReportedEvenForAnEmptyWindow() {
        SourceEvent series = timed("UTC", "2026-01-05T09:00", Duration.ofHours(1), "RRULE:FREQ=NEVER");

        assertThatThrownBy(() -> recurrences.between(series, FROM, FROM))
                .isInstanceOf(UnsupportedRecurrenceException.class)
                .hasMessageContaining("RRULE:FREQ=NEVER");
    }

    @Test
    void ruleThatCanNeverMatchIsReportedInsteadOfLooping() {
        SourceEvent series = timed("UTC", "2026-01-05T09:00", Duration.ofHours(1), "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30");

        assertThatThrownBy(() -> recurrences.between(series, utc("2026-03-01T00:00:00Z"), TO))
                .isInstanceOf(UnsupportedRecurrenceException.class)
                .hasMessageContaining("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")
                .hasMessageContaining("series1");
    }

    @Test
    void subDailyRuleWithMonthsOfNothingBetweenInstancesIsReported() {
        // Every hour in March only: lib-recur gives up after 1,000 empty hours rather than walk eleven months of them.
        SourceEvent series = timed("UTC", "2026-03-30T09:00", Duration.ofHours(1), "RRULE:FREQ=HOURLY;BYMONTH=3");

        assertThatThrownBy(() -> recurrences.between(series, FROM, TO))
                .isInstanceOf(UnsupportedRecurrenceException.class)
                .hasMessageContaining("RRULE:FREQ=HOURLY;BYMONTH=3");
    }

    @Test
    void exruleRemovingEverythingIsReportedInsteadOfLooping() {
        SourceEvent series = timed("UTC", "2026-01-05T09:00", Duration.ofHours(1), "RRULE:FREQ=DAILY", "EXRULE:FREQ=DAILY");

        assertThatThrownBy(() -> recurrences.between(series, FROM, TO))
                .isInstanceOf(UnsupportedRecurrenceException.class)
                .hasMessageContaining("EXRULE:FREQ=DAILY");
    }

    @Test
    void unknownSeriesTimeZoneIsReported() {
        Instant start = utc("2026-01-05T09:00:00Z");
        SourceEvent series = timed(EventTime.at(start, "Europe/Atlantis"), EventTime.at(start.plusSeconds(3600), "Europe/Atlantis"),
                "RRULE:FREQ=DAILY");

        assertThatThrownBy(() -> recurrences.between(series, FROM, TO))
                .isInstanceOf(UnsupportedRecurrenceException.class)
                .hasMessageContaining("Europe/Atlantis");
    }

    @Test
    void seriesMixingAllDayAndTimedIsReported() {
        SourceEvent series = timed(EventTime.on(java.time.LocalDate.parse("2026-01-05")),
                EventTime.at(utc("2026-01-06T00:00:00Z"), "UTC"), "RRULE:FREQ=DAILY");

        assertThatThrownBy(() -> recurrences.between(series, FROM, TO))
                .isInstanceOf(UnsupportedRecurrenceException.class)
                .hasMessageContaining("series1");
    }
}
