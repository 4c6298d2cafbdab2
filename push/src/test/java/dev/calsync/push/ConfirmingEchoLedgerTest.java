package dev.calsync.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.push.EchoWindow;
import dev.calsync.store.Databases;
import dev.calsync.store.PushChannelStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Over the store's real ledger (H2), as two nodes share it: echo windows of a calendar seen merging end with one
 * confirming list, and only the write that opens a window schedules its close.
 */
class ConfirmingEchoLedgerTest {
    private static final CalendarRef CAL = new CalendarRef("acct", "cal@example.com");
    private static final CalendarRef OTHER = new CalendarRef("acct", "other@example.com");
    private static final Duration WINDOW = Duration.ofSeconds(60);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final HikariDataSource dataSource = Databases.open("jdbc:h2:mem:confirm-" + UUID.randomUUID(), "sa", "");
    private final PushChannelStore store = new PushChannelStore(dataSource, clock);
    private final List<EchoWindow> scheduled = new ArrayList<>();
    private final List<CalendarRef> confirmed = new ArrayList<>();
    private final ConfirmingEchoLedger ledger = new ConfirmingEchoLedger(store,
            (window, at) -> scheduled.add(window));
    /** A second node: its own store object over the same tables; it closes no windows here. */
    private final PushChannelStore otherNode = new PushChannelStore(dataSource, clock);

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
            assertThat(otherNode.absorb(CAL)).as("an echo arriving at another node").isTrue();
            clock.advance(WINDOW.plusSeconds(1));
            assertThat(closeDue(last())).isNull();
        }
        assertThat(scheduled).extracting(EchoWindow::number).containsExactly(1L, 2L, 3L);
        assertThat(confirmed).isEmpty();
        assertThat(store.mergingCalendars()).isZero();
    }

    @Test
    void fewerNotificationsThanWritesShowMergingAndFromThenOnEveryWindowIsConfirmed() {
        ledger.expect(CAL, WINDOW);
        clock.advance(Duration.ofSeconds(20));
        ledger.expect(CAL, WINDOW);
        ledger.expect(CAL, WINDOW);
        assertThat(scheduled).as("one close per window").hasSize(1);
        assertThat(last().closes()).isEqualTo(clock.instant().minusSeconds(20).plus(WINDOW));
        assertThat(ledger.absorb(CAL)).isTrue(); // three writes, one notification: merged

        clock.advance(Duration.ofSeconds(41));
        assertThat(closeDue(last())).as("the later writes keep the window open")
                .isEqualTo(clock.instant().plusSeconds(19));
        assertThat(confirmed).isEmpty();
        clock.advance(Duration.ofSeconds(19));
        assertThat(closeDue(last())).isNull();
        assertThat(confirmed).containsExactly(CAL);
        assertThat(store.mergingCalendars()).isEqualTo(1);
        assertThat(closeDue(last())).as("a window is closed once").isNull();
        assertThat(confirmed).hasSize(1);

        // A later window with as many notifications as writes: a person's change may hide in one, so it is confirmed.
        ledger.expect(CAL, WINDOW);
        assertThat(otherNode.absorb(CAL)).isTrue();
        clock.advance(WINDOW.plusSeconds(1));
        assertThat(closeDue(last())).isNull();
        assertThat(confirmed).containsExactly(CAL, CAL);
        assertThat(ledger.confirmations()).isEqualTo(2);
    }

    @Test
    void mergingIsLearnedPerChannelAndWritesThatChangedNothingExpectNoNotification() {
        ledger.expect(OTHER, WINDOW);
        EchoWindow taken = last();
        ledger.cancel(OTHER);                       // refused: no notification will come
        ledger.expect(CAL, WINDOW);
        ledger.expect(CAL, WINDOW);
        EchoWindow merged = last();
        assertThat(ledger.absorb(CAL)).isTrue();
        clock.advance(WINDOW.plusSeconds(1));

        assertThat(closeDue(taken)).isNull();
        assertThat(closeDue(merged)).isNull();
        assertThat(confirmed).containsExactly(CAL);
        ledger.expect(OTHER, WINDOW);
        assertThat(ledger.absorb(OTHER)).isTrue();
        clock.advance(WINDOW.plusSeconds(1));
        assertThat(closeDue(last())).isNull();
        assertThat(confirmed).containsExactly(CAL);
    }

    @Test
    void whatOpenAndMergingWindowsNeedOutlivesThePurgeOfExpiredExpectations() {
        ledger.expect(CAL, WINDOW);
        ledger.expect(CAL, WINDOW);
        assertThat(ledger.absorb(CAL)).isTrue();
        ledger.expect(OTHER, WINDOW);
        assertThat(ledger.absorb(OTHER)).isTrue();
        clock.advance(WINDOW.plusSeconds(1));
        closeDue(scheduled.get(1));

        assertThat(store.purgeExpired()).as("only the closed window of a calendar that does not merge").isEqualTo(1);
        assertThat(closeDue(scheduled.get(0))).isNull();
        assertThat(confirmed).containsExactly(CAL);
        assertThat(store.purgeExpired()).as("a merging calendar keeps what it learned").isZero();
        ledger.expect(CAL, WINDOW);
        assertThat(ledger.absorb(CAL)).isTrue();
        clock.advance(WINDOW.plusSeconds(1));
        assertThat(closeDue(last())).isNull();
        assertThat(confirmed).containsExactly(CAL, CAL);
    }

    @Test
    void aWindowThatGotNoNotificationAtAllSaysNothingOfMergingAndNeedsNoConfirmation() {
        ledger.expect(CAL, WINDOW);                 // the calendar's channel is not open yet: no notification comes
        ledger.expect(CAL, WINDOW);
        clock.advance(WINDOW.plusSeconds(1));
        assertThat(closeDue(last())).isNull();
        assertThat(store.mergingCalendars()).isZero();

        ledger.expect(CAL, WINDOW);
        ledger.expect(CAL, WINDOW);
        assertThat(ledger.absorb(CAL)).isTrue();
        clock.advance(WINDOW.plusSeconds(1));
        assertThat(closeDue(last())).isNull();
        assertThat(confirmed).containsExactly(CAL);

        ledger.expect(CAL, WINDOW);                 // merging is known, but nothing was absorbed: nothing can hide
        clock.advance(WINDOW.plusSeconds(1));
        assertThat(closeDue(last())).isNull();
        assertThat(confirmed).containsExactly(CAL);
    }

    @Test
    void aWindowWhoseCloseCouldNotBeFiledIsFiledAgainByThePurgeOnceOverdue() {
        List<EchoWindow> filed = new ArrayList<>();
        boolean[] down = {true};
        ConfirmingEchoLedger flaky = new ConfirmingEchoLedger(store, (window, at) -> {
            if (down[0]) {
                throw new IllegalStateException("scheduler table unreachable");
            }
            filed.add(window);
        });
        EchoWindow window = flaky.expect(CAL, WINDOW);
        flaky.expect(CAL, WINDOW);
        assertThat(flaky.absorb(CAL)).as("the expectation itself was recorded").isTrue();
        down[0] = false;
        clock.advance(WINDOW.plus(ConfirmingEchoLedger.LATE));
        flaky.purgeExpired();
        assertThat(filed).as("not overdue yet").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        flaky.purgeExpired();
        assertThat(filed).extracting(EchoWindow::number).containsExactly(window.number());
        assertThat(flaky.closeDue(CAL, window.number(), confirmed::add)).isNull();
        assertThat(confirmed).as("two writes, one notification").containsExactly(CAL);
        flaky.purgeExpired();
        assertThat(filed).as("a closed window is not filed again").hasSize(1);
    }

    /** The scheduled close of {@code window}, as the service's task or the bench runs it. */
    private Instant closeDue(EchoWindow window) {
        return ledger.closeDue(window.calendar(), window.number(), confirmed::add);
    }

    private EchoWindow last() {
        return scheduled.get(scheduled.size() - 1);
    }
}
