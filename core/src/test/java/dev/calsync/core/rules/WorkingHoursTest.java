package dev.calsync.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calsync.core.event.EventTime;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingHoursTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final WorkingHours WEEKDAYS = new WorkingHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(8, 0), LocalTime.of(18, 0), BERLIN);

    private static EventTime at(String instant) {
        return EventTime.at(Instant.parse(instant), "UTC");
    }

    private static WorkingHours.Span span(String start, String end) {
        return new WorkingHours.Span(Instant.parse(start), Instant.parse(end));
    }

    @Test
    void anEventInsideTheHoursIsKeptWhole() {
        // Tuesday 1 December 2026, Berlin is UTC+1: 09:00–10:00 local.
        assertThat(WEEKDAYS.clip(at("2026-12-01T08:00:00Z"), at("2026-12-01T09:00:00Z")))
                .containsExactly(span("2026-12-01T08:00:00Z", "2026-12-01T09:00:00Z"));
        assertThat(WEEKDAYS.contains(at("2026-12-01T08:00:00Z"), at("2026-12-01T09:00:00Z"))).isTrue();
    }

    @Test
    void anEventAcrossTheEdgeIsCutToTheHours() {
        // 06:30–08:30 local → 08:00–08:30 local.
        assertThat(WEEKDAYS.clip(at("2026-12-01T05:30:00Z"), at("2026-12-01T07:30:00Z")))
                .containsExactly(span("2026-12-01T07:00:00Z", "2026-12-01T07:30:00Z"));
        assertThat(WEEKDAYS.contains(at("2026-12-01T05:30:00Z"), at("2026-12-01T07:30:00Z"))).isFalse();
    }

    @Test
    void anEventOutsideTheHoursOrOnAWeekendLeavesNothing() {
        assertThat(WEEKDAYS.clip(at("2026-12-01T18:00:00Z"), at("2026-12-01T20:00:00Z"))).isEmpty();
        assertThat(WEEKDAYS.clip(at("2026-12-05T09:00:00Z"), at("2026-12-05T10:00:00Z"))).isEmpty(); // Saturday
    }

    @Test
    void aWeekLongEventBecomesOneStretchPerWorkingDay() {
        List<WorkingHours.Span> spans = WEEKDAYS.clip(EventTime.on(LocalDate.parse("2026-11-30")),
                EventTime.on(LocalDate.parse("2026-12-07")));
        assertThat(spans).hasSize(5);
        assertThat(spans.get(0)).isEqualTo(span("2026-11-30T07:00:00Z", "2026-11-30T17:00:00Z"));
    }

    @Test
    void anAllDayEventCountsAsItsDayInTheHoursZone() {
        assertThat(WEEKDAYS.clip(EventTime.on(LocalDate.parse("2026-12-01")), EventTime.on(LocalDate.parse("2026-12-02"))))
                .containsExactly(span("2026-12-01T07:00:00Z", "2026-12-01T17:00:00Z"));
        assertThat(WEEKDAYS.contains(EventTime.on(LocalDate.parse("2026-12-01")),
                EventTime.on(LocalDate.parse("2026-12-02")))).isFalse();
    }

    @Test
    void aDayTheClocksChangeOnKeepsItsWallClockHours() {
        // 29 March 2026: Berlin goes to UTC+2; Sunday, so take hours every day.
        WorkingHours daily = new WorkingHours(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(18, 0),
                BERLIN);
        assertThat(daily.clip(at("2026-03-29T00:00:00Z"), at("2026-03-30T00:00:00Z")))
                .containsExactly(span("2026-03-29T06:00:00Z", "2026-03-29T16:00:00Z"));
    }

    @Test
    void badValuesAreRefusedWithWhatIsExpected() {
        assertThatThrownBy(() -> WorkingHours.parseTime("hours.from", "8am")).hasMessageContaining("HH:mm");
        assertThatThrownBy(() -> WorkingHours.parseDay("MX")).hasMessageContaining("unknown day \"MX\"");
        assertThatThrownBy(() -> WorkingHours.parseZone("Mars/Olympus")).hasMessageContaining("unknown time zone");
        assertThatThrownBy(() -> new WorkingHours(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(18, 0), LocalTime.of(8, 0),
                BERLIN)).hasMessageContaining("before");
        assertThatThrownBy(() -> new WorkingHours(EnumSet.noneOf(DayOfWeek.class), LocalTime.of(8, 0),
                LocalTime.of(18, 0), BERLIN)).hasMessageContaining("at least one day");
        assertThat(WorkingHours.parseDay("fr")).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(WorkingHours.parseTime("hours.to", "18:30")).isEqualTo(LocalTime.of(18, 30));
    }
}
