package dev.calsync.core.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calsync.core.event.EventTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlockBodyTest {
    private static final EventTime START = EventTime.at(Instant.parse("2026-12-01T09:00:00Z"), "Europe/Berlin");
    private static final EventTime END = EventTime.at(Instant.parse("2026-12-01T10:00:00Z"), "Europe/Berlin");

    @Test
    void theHashFollowsWhatAPersonSeesAndNotTheMarker() {
        BlockBody body = new BlockBody("Busy", START, END, List.of(), Map.of("csg", "g1"));
        assertThat(body.contentHash()).isEqualTo(new BlockBody("Busy", START, END, List.of(), Map.of("csg", "g2"))
                .contentHash());
        assertThat(body.contentHash()).isNotEqualTo(new BlockBody("Out", START, END, List.of(), Map.of())
                .contentHash());
        assertThat(body.contentHash()).isNotEqualTo(new BlockBody("Busy", START, END,
                List.of("RRULE:FREQ=WEEKLY"), Map.of()).contentHash());
        assertThat(BlockBody.cancelledOccurrence(Map.of()).contentHash()).isEqualTo(BlockBody.CANCELLED_HASH);
    }

    @Test
    void theHashIsDerivedNeverChosen() {
        BlockBody body = new BlockBody("Busy", START, END, List.of(), Map.of());
        assertThat(new BlockBody("Busy", START, END, List.of(), Map.of(), false, body.contentHash())).isEqualTo(body);
        assertThatThrownBy(() -> new BlockBody("Busy", START, END, List.of(), Map.of(), false, "chosen"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
