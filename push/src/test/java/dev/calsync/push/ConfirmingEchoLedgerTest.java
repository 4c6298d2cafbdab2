package dev.calsync.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.store.Databases;
import dev.calsync.store.PushChannelStore;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Over the store's real ledger (H2): echo windows of a channel seen merging end with one confirming list. */
class ConfirmingEchoLedgerTest {
    private static final CalendarRef CAL = new CalendarRef("acct", "cal@example.com");
    private static final CalendarRef OTHER = new CalendarRef("acct", "other@example.com");
    private static final Duration WINDOW = Duration.ofSeconds(60);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final HikariDataSource dataSource = Databases.open("jdbc:h2:mem:confirm-" + UUID.randomUUID(), "sa", "");
    private final ConfirmingEchoLedger ledger = new ConfirmingEchoLedger(new PushChannelStore(dataSource, clock), clock);

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void aChannelThatGetsOneNotificationPerWriteIsNeverConfirmed() {
        for (int round = 0; round < 3; round++) {
            ledger.expect(CAL, WINDOW);
            ledger.expect(CAL, WINDOW);
            assertThat(ledger.absorb(CAL)).isTrue();
            assertThat(ledger.absorb(CAL)).isTrue();
            clock.advance(WINDOW.plusSeconds(1));
            assertThat(ledger.due()).isEmpty();
        }
        assertThat(ledger.merging(CAL)).isFalse();
        assertThat(ledger.confirmations()).isZero();
    }

    @Test
    void fewerNotificationsThanWritesShowMergingAndFromThenOnEveryWindowIsConfirmed() {
        ledger.expect(CAL, WINDOW);
        ledger.expect(CAL, WINDOW);
        ledger.expect(CAL, WINDOW);
        assertThat(ledger.absorb(CAL)).isTrue(); // three writes, one notification: merged
        assertThat(ledger.nextClose()).isEqualTo(clock.instant().plus(WINDOW));
        clock.advance(Duration.ofSeconds(30));
        assertThat(ledger.due()).as("the window is still open").isEmpty();
        clock.advance(Duration.ofSeconds(31));
        assertThat(ledger.due()).containsExactly(CAL);
        assertThat(ledger.merging(CAL)).isTrue();

        // A later window with as many notifications as writes: a person's change may hide in one, so it is confirmed.
        ledger.expect(CAL, WINDOW);
        assertThat(ledger.absorb(CAL)).isTrue();
        clock.advance(WINDOW.plusSeconds(1));
        assertThat(ledger.due()).containsExactly(CAL);
        assertThat(ledger.confirmations()).isEqualTo(2);
        assertThat(ledger.nextClose()).isNull();
    }

    @Test
    void mergingIsLearnedPerChannelAndWritesThatChangedNothingExpectNoNotification() {
        ledger.expect(OTHER, WINDOW);
        ledger.cancel(OTHER);                       // refused: no notification will come
        ledger.expect(CAL, WINDOW);
        ledger.expect(CAL, WINDOW);
        assertThat(ledger.absorb(CAL)).isTrue();
        clock.advance(WINDOW.plusSeconds(1));

        assertThat(ledger.due()).containsExactly(CAL);
        assertThat(ledger.merging(OTHER)).isFalse();
        ledger.expect(OTHER, WINDOW);
        assertThat(ledger.absorb(OTHER)).isTrue();
        clock.advance(WINDOW.plusSeconds(1));
        assertThat(ledger.due()).isEmpty();
    }
}
