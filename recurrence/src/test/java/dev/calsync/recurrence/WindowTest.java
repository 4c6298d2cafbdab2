package dev.calsync.recurrence;

import static dev.calsync.recurrence.Series.at;
import static dev.calsync.recurrence.Series.localStarts;
import static dev.calsync.recurrence.Series.timed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.calsync.core.recurrence.Occurrence;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowTest {

    private static final String BERLIN = "Europe/Berlin";
    private final LibRecurRecurrences recurrences = new LibRecurRecurrences();
    private final dev.calsync.core.event.SourceEvent daily =
            timed(BERLIN, "2026-01-05T09:00", Duration.ofHours(1), "RRULE:FREQ=DAILY");

    @Test
    void occurrenceOverlappingFromCounts() {
        assertThat(localStarts(recurrences.between(daily, at(BERLIN, "2026-01-06T09:30"), at(BERLIN, "2026-01-07T09:00")), BERLIN))
                .containsExactly("2026-01-06T09:00");
    }

    @Test
    void occurrenceEndingExactlyAtFromDoesNotCount() {
        assertThat(localStarts(recurrences.between(daily, at(BERLIN, "2026-01-06T10:00"), at(BERLIN, "2026-01-07T09:30")), BERLIN))
                .containsExactly("2026-01-07T09:00");
    }

    @Test
    void occurrenceStartingExactlyAtToDoesNotCount() {
        assertThat(localStarts(recurrences.between(daily, at(BERLIN, "2026-01-06T08:00"), at(BERLIN, "2026-01-07T09:00")), BERLIN))
                .containsExactly("2026-01-06T09:00");
    }

    @Test
    void emptyOrReversedWindowGivesNothing() {
        assertThat(recurrences.between(daily, at(BERLIN, "2026-01-07T00:00"), at(BERLIN, "2026-01-07T00:00"))).isEmpty();
        assertThat(recurrences.between(daily, at(BERLIN, "2026-01-08T00:00"), at(BERLIN, "2026-01-07T00:00"))).isEmpty();
    }

    @Test
    void windowBeforeTheSeriesStartGivesNothing() {
        assertThat(recurrences.between(daily, at(BERLIN, "2025-01-01T00:00"), at(BERLIN, "2026-01-05T09:00"))).isEmpty();
    }

    @Test
    void infiniteDailyRuleStartedTenYearsAgoGivesSevenForAOneWeekWindowQuickly() {
        var old = timed(BERLIN, "2016-03-01T09:00", Duration.ofHours(1), "RRULE:FREQ=DAILY");

        // The timeout only guards against walking ten years instance by instance without end; it is no benchmark.
        List<Occurrence> week = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> recurrences.between(old, at(BERLIN, "2026-03-02T00:00"), at(BERLIN, "2026-03-09T00:00")));

        assertThat(localStarts(week, BERLIN)).containsExactly("2026-03-02T09:00", "2026-03-03T09:00", "2026-03-04T09:00",
                "2026-03-05T09:00", "2026-03-06T09:00", "2026-03-07T09:00", "2026-03-08T09:00");
    }

    @Test
    void countIsCountedFromTheFirstStartNotFromTheWindow() {
        // Occurrence n (0-based) is on 2016-03-01 + n days; the last one, n = 3654, is 2026-03-03.
        var old = timed(BERLIN, "2016-03-01T09:00", Duration.ofHours(1), "RRULE:FREQ=DAILY;COUNT=3655");
        assertThat(LocalDate.parse("2016-03-01").plusDays(3654)).isEqualTo(LocalDate.parse("2026-03-03"));

        List<Occurrence> tail = recurrences.between(old, at(BERLIN, "2026-02-26T00:00"), at(BERLIN, "2026-03-09T00:00"));

        assertThat(localStarts(tail, BERLIN)).containsExactly("2026-02-26T09:00", "2026-02-27T09:00", "2026-02-28T09:00",
                "2026-03-01T09:00", "2026-03-02T09:00", "2026-03-03T09:00");
    }

    @Test
    void ruleWhoseUntilIsBeforeItsFirstMatchLeavesTheFirstStartAlone() {
        // Wednesday start, Mondays only, until the Sunday after: the rule itself has no instance.
        var series = timed(BERLIN, "2026-01-07T09:00", Duration.ofHours(1), "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20260111T000000Z");

        assertThat(localStarts(recurrences.between(series, at(BERLIN, "2026-01-01T00:00"), at(BERLIN, "2026-03-01T00:00")), BERLIN))
                .containsExactly("2026-01-07T09:00");
    }

    @Test
    void resultIsCappedAtTheConfiguredMaximum() {
        var minutely = timed(BERLIN, "2026-01-05T09:00", Duration.ofSeconds(30), "RRULE:FREQ=MINUTELY");
        var capped = new LibRecurRecurrences(100);

        List<Occurrence> first = capped.between(minutely, at(BERLIN, "2026-01-05T00:00"), at(BERLIN, "2027-01-05T00:00"));

        assertThat(first).hasSize(100);
        assertThat(localStarts(first, BERLIN).get(99)).isEqualTo("2026-01-05T10:39");
    }

    @Test
    void defaultCapIsTenThousand() {
        var minutely = timed(BERLIN, "2026-01-05T09:00", Duration.ofSeconds(30), "RRULE:FREQ=MINUTELY");

        assertThat(recurrences.between(minutely, at(BERLIN, "2026-01-05T00:00"), at(BERLIN, "2027-01-05T00:00")))
                .hasSize(LibRecurRecurrences.DEFAULT_MAX_OCCURRENCES);
    }
}
