package dev.calsync.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PollSlotsTest {
    private static final Duration INTERVAL = Duration.ofSeconds(15);

    @Property
    void thePollAfterOneOnTimeIsExactlyOneIntervalLater(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String id,
                                                        @ForAll @LongRange(min = 0, max = 7_499) long lateMillis) {
        Instant slot = PollSlots.next(id, INTERVAL, Instant.parse("2026-03-01T10:00:00Z"));
        // The poll ran up to half an interval after its slot: the next one is still the slot one interval on.
        assertThat(PollSlots.next(id, INTERVAL, slot.plusMillis(lateMillis))).isEqualTo(slot.plus(INTERVAL));
    }

    @Property
    void aLatePollGoesBackToItsOwnSlotAtLeastHalfAnIntervalAway(
            @ForAll @AlphaChars @StringLength(min = 1, max = 20) String id,
            @ForAll @LongRange(min = 0, max = 10_000_000) long nowMillis) {
        Instant now = Instant.parse("2026-03-01T10:00:00Z").plusMillis(nowMillis);
        Instant next = PollSlots.next(id, INTERVAL, now);
        assertThat(Duration.between(now, next)).isBetween(INTERVAL.dividedBy(2), INTERVAL.multipliedBy(3).dividedBy(2));
        assertThat(Math.floorMod(next.toEpochMilli(), INTERVAL.toMillis()))
                .as("on the id's offset in the interval").isEqualTo(TaskIds.offset(id, INTERVAL).toMillis());
    }

    @Test
    void pollsThatAllRanAtOnceAfterAnOutageAreSpreadAgain() {
        Instant burst = Instant.parse("2026-03-01T10:00:00Z");
        long distinct = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> PollSlots.next("acct" + i + "|cal", INTERVAL, burst)).distinct().count();
        assertThat(distinct).as("100 calendars polled in one burst get 100 different next slots").isGreaterThan(90);
    }
}
