package dev.calsync.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calsync.core.calendar.CalendarRef;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TaskIdsTest {

    @Test
    void calendarIdsRoundTripEvenWithSeparatorsInTheCalendarId() {
        CalendarRef calendar = new CalendarRef("alice.work", "team|odd@group.calendar.google.com");
        assertThat(TaskIds.calendar(TaskIds.calendar(calendar))).isEqualTo(calendar);
        assertThat(TaskIds.numberedCalendar(TaskIds.pushSync(calendar, 123456L))).isEqualTo(calendar);
        assertThat(TaskIds.numberedCalendar(TaskIds.echoWindow(calendar, 42L))).isEqualTo(calendar);
        assertThat(TaskIds.number(TaskIds.echoWindow(calendar, 42L))).isEqualTo(42L);
        assertThat(TaskIds.calendar(calendar)).isEqualTo("alice.work|team|odd@group.calendar.google.com");
    }

    @Test
    void idsAreDerivedSoEveryNodeSchedulesTheSameInstance() {
        CalendarRef calendar = new CalendarRef("a", "primary");
        assertThat(TaskIds.pushSync(calendar, 7)).isEqualTo(TaskIds.pushSync(new CalendarRef("a", "primary"), 7));
        assertThat(TaskIds.pushSync(calendar, 7)).isNotEqualTo(TaskIds.pushSync(calendar, 8));
    }

    @Test
    void offsetsAreStableAndSpreadWithinThePeriod() {
        Duration period = Duration.ofMinutes(5);
        long distinct = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> TaskIds.offset("acct" + i + "|cal", period))
                .peek(offset -> assertThat(offset).isBetween(Duration.ZERO, period))
                .distinct().count();
        assertThat(distinct).isGreaterThan(150);
        assertThat(TaskIds.offset("x|y", period)).isEqualTo(TaskIds.offset("x|y", period));
    }

    @Test
    void malformedIdsAreRefused() {
        assertThatThrownBy(() -> TaskIds.calendar("no-separator")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskIds.numberedCalendar("x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskIds.number("a|cal|")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskIds.number("a|cal|x")).isInstanceOf(IllegalArgumentException.class);
    }
}
