package dev.calsync.app.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.push.ChangeChannel;
import dev.calsync.store.Databases;
import dev.calsync.store.PushChannelStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Channels and the echo ledger on H2 (the same SQL runs on PostgreSQL in the multi-node test). */
class PushChannelStoreTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-28T10:00:00Z"));
    private final Clock clock = new Clock() {
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
            return now.get();
        }
    };
    private final HikariDataSource dataSource = Databases.open("jdbc:h2:mem:push-" + UUID.randomUUID(), "sa", "");
    private final PushChannelStore store = new PushChannelStore(dataSource, clock);
    private final CalendarRef calendar = new CalendarRef("acct", "cal@example.com");

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void echoesOfOwnWritesAreAbsorbedOncePerWriteAndOnlyWhileFresh() {
        store.expect(calendar, Duration.ofSeconds(60));
        store.expect(calendar, Duration.ofSeconds(60));
        store.expect(calendar, Duration.ofSeconds(60));
        store.cancel(calendar); // a write that changed nothing (409, 404): no notification will come
        assertThat(store.absorb(calendar)).isTrue();
        assertThat(store.absorb(calendar)).isTrue();
        assertThat(store.absorb(calendar)).as("a third notification is a real change").isFalse();
        assertThat(store.absorb(new CalendarRef("acct", "other"))).isFalse();

        store.expect(calendar, Duration.ofSeconds(60));
        now.set(now.get().plusSeconds(61));
        assertThat(store.absorb(calendar)).as("an expectation that ran out swallows nothing").isFalse();
        store.expect(calendar, Duration.ofSeconds(60));
        assertThat(store.absorb(calendar)).isTrue();
        assertThat(store.absorb(calendar)).as("a stale count is reset, not added to").isFalse();
    }

    @Test
    void aCalendarsNewestOpenChannelIsTheOneThatLastsLongestAndOneStillOpeningIsNone() {
        Instant expiry = now.get().plus(Duration.ofDays(7));
        assertThat(store.newestOpen(calendar)).isEmpty();
        store.opening("opening", calendar);
        assertThat(store.newestOpen(calendar)).as("no answer yet").isEmpty();

        store.save(new ChangeChannel("old", calendar, "res-1", expiry.minusSeconds(3600)));
        store.save(new ChangeChannel("new", calendar, "res-2", expiry));
        store.save(new ChangeChannel("elsewhere", new CalendarRef("acct", "other"), "res-3", expiry.plusSeconds(60)));

        assertThat(store.newestOpen(calendar)).map(ChangeChannel::id).contains("new");
    }

    @Test
    void channelsAreKeptWithTheirResourceAndExpiry() {
        Instant expiry = now.get().plus(Duration.ofDays(7));
        store.save(new ChangeChannel("ch-1", calendar, "res-1", expiry));
        store.save(new ChangeChannel("ch-2", calendar, "res-1", expiry.minusSeconds(3600)));
        assertThat(store.find("ch-1")).get().satisfies(c -> {
            assertThat(c.calendar()).isEqualTo(calendar);
            assertThat(c.handle()).isEqualTo("res-1");
            assertThat(c.expiration()).isEqualTo(expiry);
        });
        assertThat(store.watched(calendar)).isTrue();
        assertThat(store.soonestExpiration()).contains(expiry.minusSeconds(3600));
        assertThat(store.delete("ch-2")).isTrue();
        assertThat(store.delete("ch-1")).isTrue();
        assertThat(store.watched(calendar)).isFalse();
        assertThat(store.find("ch-1")).isEmpty();
    }

    @Test
    void aChannelIsFiledBeforeItsWatchIsAnsweredAndCountsAsWatchingOnlyOnceOpened() {
        store.opening("ch-1", calendar);
        assertThat(store.find("ch-1")).get().satisfies(c -> {
            assertThat(c.pending()).isTrue();
            assertThat(c.calendar()).isEqualTo(calendar);
            assertThat(c.expiration()).isNull();
        });
        assertThat(store.watched(calendar)).as("not polled less often before the channel is open").isFalse();

        Instant expiry = now.get().plus(Duration.ofDays(7));
        assertThat(store.opened("ch-1", "res-1", expiry)).isTrue();
        assertThat(store.find("ch-1")).get().satisfies(c -> {
            assertThat(c.pending()).isFalse();
            assertThat(c.handle()).isEqualTo("res-1");
            assertThat(c.expiration()).isEqualTo(expiry);
        });
        assertThat(store.watched(calendar)).isTrue();
        assertThat(store.opened("gone", "res-1", expiry)).isFalse();
    }
}
