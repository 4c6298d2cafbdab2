package dev.calsync.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class EventTimeTest {

    private static final Instant GAP_START = Instant.parse("2026-03-29T01:30:00Z");

    @Test
    void writtenWallClockTimeInsideTheGapIsKeptAndLeavesTheCanonicalFormAlone() {
        var written = new EventTime.Timed(GAP_START, "Europe/Berlin", LocalDateTime.parse("2026-03-29T02:30"));

        assertThat(written.local()).isEqualTo(LocalDateTime.parse("2026-03-29T02:30"));
        assertThat(written.canonical()).isEqualTo(EventTime.at(GAP_START, "Europe/Berlin").canonical())
                .isEqualTo("2026-03-29T01:30:00Z@Europe/Berlin");
    }

    @Test
    void twoArgumentFormHasNoWrittenWallClockTime() {
        assertThat(new EventTime.Timed(GAP_START, "Europe/Berlin")).isEqualTo(EventTime.at(GAP_START, "Europe/Berlin"))
                .extracting(EventTime.Timed::local).isNull();
    }

    @Test
    void eitherInstantOfARepeatedTimeMayBeWrittenAsThatTime() {
        LocalDateTime twice = LocalDateTime.parse("2026-10-25T02:30");

        assertThat(new EventTime.Timed(Instant.parse("2026-10-25T00:30:00Z"), "Europe/Berlin", twice).local()).isEqualTo(twice);
        assertThat(new EventTime.Timed(Instant.parse("2026-10-25T01:30:00Z"), "Europe/Berlin", twice).local()).isEqualTo(twice);
    }

    @Test
    void wallClockTimeThatDoesNotNameTheInstantIsRefused() {
        assertThatThrownBy(() -> new EventTime.Timed(GAP_START, "Europe/Berlin", LocalDateTime.parse("2026-03-29T01:30")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventTime.Timed(GAP_START, null, LocalDateTime.parse("2026-03-29T01:30")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
