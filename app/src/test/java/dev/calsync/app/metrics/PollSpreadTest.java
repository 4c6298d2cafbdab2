package dev.calsync.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PollSpreadTest {
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Property
    void pollsEvenlyOverTheIntervalAreFullySpreadWhateverTheCycle(@ForAll @IntRange(min = 2, max = 500) int polls,
                                                                  @ForAll @LongRange(min = 0, max = 1000) long cycles) {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < polls; i++) {
            times.add(T0.plus(INTERVAL.multipliedBy(cycles + i % 3)).plus(INTERVAL.multipliedBy(i).dividedBy(polls)));
        }
        // Times are whole milliseconds, so "evenly" is exact only to a millisecond in 300,000.
        assertThat(PollSpread.of(times, INTERVAL)).isCloseTo(1.0, Offset.offset(1e-4));
    }

    @Property
    void pollsAtOneMomentOfTheIntervalAreNotSpreadAtAll(@ForAll @IntRange(min = 1, max = 500) int polls) {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < polls; i++) {
            times.add(T0.plus(INTERVAL.multipliedBy(i)));
        }
        assertThat(PollSpread.of(times, INTERVAL)).isCloseTo(0.0, Offset.offset(1e-9));
    }

    @Test
    void aBurstWithinASecondOfAFiveMinuteIntervalIsNearlyZeroAndNothingIsUnknown() {
        List<Instant> burst = List.of(T0, T0.plusMillis(300), T0.plusMillis(600), T0.plusMillis(900));
        assertThat(PollSpread.of(burst, INTERVAL)).isLessThan(0.001);
        assertThat(PollSpread.of(List.of(), INTERVAL)).isNaN();
    }
}
