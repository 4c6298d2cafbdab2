package dev.calsync.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedReadingTest {
    private static final Duration MAX_AGE = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofMillis(500);

    private final ManualClock clock = new ManualClock();
    private final AtomicInteger readings = new AtomicInteger();
    private volatile CountDownLatch block = new CountDownLatch(0);

    private final BoundedReading<Integer> reading = new BoundedReading<>("test-reading", () -> {
        try {
            block.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return readings.incrementAndGet();
    }, MAX_AGE, WAIT, clock);

    @Test
    void aRecentReadingIsReusedAndAnOldOneRenewed() {
        assertThat(reading.fresh()).contains(1);
        assertThat(reading.fresh()).as("younger than maxAge").contains(1);
        clock.advance(MAX_AGE);
        reading.fresh();
        await().untilAsserted(() -> assertThat(reading.fresh()).contains(2));
    }

    @Test
    void aReadingThatHangsLeavesTheLastOneStandingUntilItIsOverdueThenNone() {
        assertThat(reading.fresh()).contains(1);
        block = new CountDownLatch(1);
        clock.advance(MAX_AGE);

        assertThat(reading.fresh()).as("a new reading under way, not yet overdue").contains(1);
        clock.advance(WAIT);
        assertThat(reading.fresh()).as("overdue: no verdict but that").isEmpty();
        assertThat(reading.latest()).contains(1);

        block.countDown();
        await().untilAsserted(() -> assertThat(reading.fresh()).contains(2));
    }

    @Test
    void theFirstCallerWaitsAtMostTheWait() {
        block = new CountDownLatch(1);
        assertThat(reading.fresh()).isEqualTo(Optional.empty());
        assertThat(reading.latest()).isEmpty();
        block.countDown();
        await().untilAsserted(() -> assertThat(reading.latest()).contains(1));
    }

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private volatile Instant now = Instant.parse("2026-03-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
