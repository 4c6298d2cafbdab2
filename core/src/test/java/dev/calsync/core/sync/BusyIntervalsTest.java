package dev.calsync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.reconcile.BusyFilter;
import dev.calsync.core.reconcile.WeeklyRecurrences;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusyIntervalsTest {
    private static final Instant T0 = Instant.parse("2030-01-07T09:00:00Z");
    private static final Instant FROM = T0.minus(Duration.ofDays(1));
    private static final Instant TO = T0.plus(Duration.ofDays(30));

    private static SourceEvent series(String id, String rule) {
        return new SourceEvent(id, EventStatus.CONFIRMED, EventTime.at(T0, "UTC"), EventTime.at(T0.plusSeconds(3600), "UTC"),
                false, null, null, List.of(rule), null, null, "s", Map.of(), null, null);
    }

    private static SourceEvent exception(String seriesId, int week, Instant start, Instant end, EventStatus status) {
        Instant original = T0.plus(Duration.ofDays(7L * week));
        return new SourceEvent(seriesId + "_" + week, status, start == null ? null : EventTime.at(start, "UTC"),
                end == null ? null : EventTime.at(end, "UTC"), false, null, null, List.of(), seriesId,
                EventTime.at(original, "UTC"), "x", Map.of(), null, null);
    }

    private static BusyIntervals.Interval hour(Instant start) {
        return new BusyIntervals.Interval(start, start.plusSeconds(3600));
    }

    @Test
    void seriesExpandedWithAMovedACancelledAndAnOrphanException() {
        Instant week = T0.plus(Duration.ofDays(7));
        List<SourceEvent> events = List.of(series("s", "RRULE:FREQ=WEEKLY;COUNT=4"),
                exception("s", 1, week.plusSeconds(7200), week.plusSeconds(10800), EventStatus.CONFIRMED),
                exception("s", 2, null, null, EventStatus.CANCELLED),
                // names no occurrence (week 9 is past COUNT): shown on its own
                exception("s", 9, T0.plus(Duration.ofDays(20)), T0.plus(Duration.ofDays(20)).plusSeconds(1800),
                        EventStatus.CONFIRMED));

        BusyIntervals.Result busy = BusyIntervals.of(events, BusyFilter::isBusy, FROM, TO, new WeeklyRecurrences());

        assertThat(busy.intervals()).containsExactly(hour(T0), hour(week.plusSeconds(7200)),
                new BusyIntervals.Interval(T0.plus(Duration.ofDays(20)), T0.plus(Duration.ofDays(20)).plusSeconds(1800)),
                hour(T0.plus(Duration.ofDays(21))));
        assertThat(busy.unreadableSeries()).isEmpty();
    }

    @Test
    void unreadableSeriesAreReportedAndLeftOut() {
        BusyIntervals.Result busy = BusyIntervals.of(List.of(series("d", "RRULE:FREQ=DAILY")), BusyFilter::isBusy,
                FROM, TO, new WeeklyRecurrences());
        assertThat(busy.intervals()).isEmpty();
        assertThat(busy.unreadableSeries()).containsExactly("d");
    }

    @Test
    void mergeJoinsTouchingIntervalsAndMinusCutsHoles() {
        List<BusyIntervals.Interval> merged = BusyIntervals.merge(List.of(hour(T0.plusSeconds(3600)), hour(T0),
                hour(T0.plusSeconds(36000))), FROM, TO);
        assertThat(merged).containsExactly(new BusyIntervals.Interval(T0, T0.plusSeconds(7200)), hour(T0.plusSeconds(36000)));
        assertThat(BusyIntervals.minus(merged, List.of(new BusyIntervals.Interval(T0.plusSeconds(600), T0.plusSeconds(1200)))))
                .containsExactly(new BusyIntervals.Interval(T0, T0.plusSeconds(600)),
                        new BusyIntervals.Interval(T0.plusSeconds(1200), T0.plusSeconds(7200)), hour(T0.plusSeconds(36000)));
        assertThat(BusyIntervals.minus(merged, merged)).isEmpty();
    }
}
