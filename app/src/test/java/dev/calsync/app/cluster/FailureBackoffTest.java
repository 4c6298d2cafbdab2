package dev.calsync.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureBackoffTest {
    private final FailureBackoff backoff = new FailureBackoff(Duration.ofSeconds(30));

    @Test
    void failuresInARowWaitTwiceAsLongEachTimeUpToTheRegularPoll() {
        Duration sixHours = Duration.ofHours(6);
        assertThat(backoff.after(1, sixHours)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(2, sixHours)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(5, sixHours)).isEqualTo(Duration.ofMinutes(8));
        assertThat(backoff.after(10, sixHours)).isEqualTo(Duration.ofSeconds(30 * 512));
        assertThat(backoff.after(11, sixHours)).isEqualTo(sixHours);
        assertThat(backoff.after(1_000, sixHours)).as("no overflow").isEqualTo(sixHours);
        assertThat(backoff.after(1, Duration.ofSeconds(10))).as("never later than the regular poll")
                .isEqualTo(Duration.ofSeconds(10));
    }
}
