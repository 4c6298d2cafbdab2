package dev.calsync.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class DebounceWindowsProperties {

    @Property
    void everyInstantFallsInTheWindowThatEndsWithinOneLengthAfterIt(
            @ForAll @LongRange(min = 0, max = 4_000_000_000_000L) long millis,
            @ForAll @LongRange(min = 1, max = 86_400_000) long length) {
        DebounceWindows windows = new DebounceWindows(Duration.ofMillis(length));
        Instant at = Instant.ofEpochMilli(millis);

        DebounceWindows.Window window = windows.at(at);

        assertThat(window.closes()).isAfter(at);
        assertThat(Duration.between(at, window.closes())).isLessThanOrEqualTo(Duration.ofMillis(length));
        assertThat(windows.at(window.closes()).index()).as("the next window starts where this one ends")
                .isEqualTo(window.index() + 1);
        assertThat(windows.at(window.closes().minusMillis(1))).isEqualTo(window);
    }

    @Property
    void anotherNodeNamesTheSameWindowForTheSameInstant(@ForAll @LongRange(min = 0, max = 4_000_000_000_000L) long millis) {
        Instant at = Instant.ofEpochMilli(millis);
        assertThat(new DebounceWindows(Duration.ofSeconds(1)).at(at))
                .isEqualTo(new DebounceWindows(Duration.ofMillis(1000)).at(at));
    }

    @Property
    void aLengthOfZeroOrLessIsOneMillisecond(@ForAll @LongRange(min = -1000, max = 0) long length,
                                             @ForAll @LongRange(min = 0, max = 4_000_000_000_000L) long millis) {
        Instant at = Instant.ofEpochMilli(millis);
        assertThat(new DebounceWindows(Duration.ofMillis(length)).at(at))
                .isEqualTo(new DebounceWindows.Window(millis, at.plusMillis(1)));
    }
}
