package dev.calsync.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DatabaseOutagesTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Instant now = Instant.parse("2026-12-03T06:00:00Z");
    private final DatabaseOutages outages = new DatabaseOutages(registry, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void aSuccessOfWorkBegunBeforeTheOutageDoesNotEndItSoOneOutageIsCountedOnce() {
        Instant passBegan = now;
        now = now.plusMillis(300);
        outages.unreachable("database unreachable in the health probe (08001 Connection refused)", now);
        now = now.plusMillis(200);
        outages.answered(passBegan);
        assertThat(outages.reachable()).as("a pass begun before the outage says nothing of now").isFalse();

        outages.unreachable("database unreachable in JdbcSyncStore.commit (08001 Connection refused)", passBegan);
        assertThat(registry.counter("calsync.database.outages").count()).isEqualTo(1.0);

        Instant probeBegan = now.plus(Duration.ofSeconds(20));
        now = probeBegan.plusMillis(5);
        outages.answered(probeBegan);
        assertThat(outages.reachable()).isTrue();
        outages.unreachable("database unreachable (the connection is no longer valid)", now);
        assertThat(registry.counter("calsync.database.outages").count()).as("a new outage after the end").isEqualTo(2.0);
    }

    @Test
    void aFailureOfWorkBegunDuringAnOutageThatHasEndedSinceStartsNoNewOne() {
        outages.unreachable("database unreachable in the health probe (08001 Connection refused)", now);
        Instant slowProbeBegan = now.plusSeconds(30);
        now = slowProbeBegan.plusSeconds(5);
        outages.answered(now); // a pass that began now got its answer
        now = now.plusMillis(400);
        outages.unreachable("database unreachable in the health probe (08001 Connection refused)", slowProbeBegan);

        assertThat(outages.reachable()).as("the probe began while the database was away").isTrue();
        assertThat(registry.counter("calsync.database.outages").count()).isEqualTo(1.0);

        outages.unreachable("database unreachable in JdbcSyncStore.commit (08001 Connection refused)", now);
        assertThat(outages.reachable()).as("work begun after the end: a new outage").isFalse();
        assertThat(registry.counter("calsync.database.outages").count()).isEqualTo(2.0);
    }
}
