package dev.calsync.emulator.graph.recurrence;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calsync.emulator.graph.GraphError;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecurrenceTest {
    private static final LocalDate FAR = LocalDate.of(2031, 12, 31);

    private static Recurrence rule(String pattern, String range) {
        try {
            return Recurrence.parse(new ObjectMapper().readTree(("{\"pattern\":" + pattern + ",\"range\":" + range + "}").replace('\'', '"')),
                    LocalDate.of(2030, 1, 1), "UTC");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<LocalDate> dates(String... iso) { return Arrays.stream(iso).map(LocalDate::parse).toList(); }

    @Test
    void dailyEveryThirdDayUntilAnInclusiveEndDate() {
        Recurrence r = rule("{'type':'daily','interval':3}", "{'type':'endDate','startDate':'2030-01-01','endDate':'2030-01-10'}");
        assertThat(r.datesThrough(FAR)).isEqualTo(dates("2030-01-01", "2030-01-04", "2030-01-07", "2030-01-10"));
    }

    @Test
    void everyOtherWeekCountsWeeksFromTheFirstDayOfWeek() {
        // 2030-01-01 is a Tuesday; with weeks starting Monday the series' first week is 31 Dec 2029 - 6 Jan 2030.
        Recurrence r = rule("{'type':'weekly','interval':2,'daysOfWeek':['monday','thursday'],'firstDayOfWeek':'monday'}",
                "{'type':'numbered','startDate':'2030-01-01','numberOfOccurrences':4}");
        assertThat(r.datesThrough(FAR)).isEqualTo(dates("2030-01-03", "2030-01-14", "2030-01-17", "2030-01-28"));
    }

    @Test
    void monthlyOnThe31stFallsOnTheLastDayOfShorterMonths() {
        Recurrence r = rule("{'type':'absoluteMonthly','interval':1,'dayOfMonth':31}", "{'type':'numbered','startDate':'2030-01-01','numberOfOccurrences':4}");
        assertThat(r.datesThrough(FAR)).isEqualTo(dates("2030-01-31", "2030-02-28", "2030-03-31", "2030-04-30"));
    }

    @Test
    void relativeMonthlyLastFridayAndFirstWeekday() {
        Recurrence lastFriday = rule("{'type':'relativeMonthly','interval':1,'daysOfWeek':['friday'],'index':'last'}",
                "{'type':'numbered','startDate':'2030-01-01','numberOfOccurrences':3}");
        assertThat(lastFriday.datesThrough(FAR)).isEqualTo(dates("2030-01-25", "2030-02-22", "2030-03-29"));
        Recurrence firstWeekday = rule("{'type':'relativeMonthly','interval':1,'daysOfWeek':['monday','tuesday','wednesday','thursday','friday'],'index':'first'}",
                "{'type':'numbered','startDate':'2030-06-01','numberOfOccurrences':2}");
        assertThat(firstWeekday.datesThrough(FAR)).isEqualTo(dates("2030-06-03", "2030-07-01"));
    }

    @Test
    void yearlyAbsoluteAndRelative() {
        Recurrence birthday = rule("{'type':'absoluteYearly','interval':1,'month':2,'dayOfMonth':29}",
                "{'type':'numbered','startDate':'2030-01-01','numberOfOccurrences':3}");
        assertThat(birthday.datesThrough(FAR.plusYears(5))).isEqualTo(dates("2030-02-28", "2031-02-28", "2032-02-29"));
        Recurrence thanksgiving = rule("{'type':'relativeYearly','interval':1,'month':11,'daysOfWeek':['thursday'],'index':'fourth'}",
                "{'type':'noEnd','startDate':'2030-01-01'}");
        assertThat(thanksgiving.datesThrough(FAR)).isEqualTo(dates("2030-11-28", "2031-11-27"));
    }

    @Test
    void startDateBeforeThePatternsFirstDayIsSkipped() {
        Recurrence r = rule("{'type':'absoluteMonthly','interval':1,'dayOfMonth':1}", "{'type':'noEnd','startDate':'2030-01-15'}");
        assertThat(r.firstDate()).isEqualTo(LocalDate.of(2030, 2, 1));
        assertThat(r.producesDate(LocalDate.of(2030, 5, 1))).isTrue();
        assertThat(r.producesDate(LocalDate.of(2030, 5, 2))).isFalse();
    }

    @Test
    void weeklyWithoutDaysIsRefused() {
        assertThatThrownBy(() -> rule("{'type':'weekly','interval':1}", "{'type':'noEnd','startDate':'2030-01-01'}"))
                .isInstanceOf(GraphError.class);
    }
}
