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
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * A calendar's writes, a person's changes and a provider that may merge notifications, replayed against the
 * confirming ledger over the store's real tables (H2). Once merging was seen, no person's change absorbed with an
 * echo is left unread after its window closes; a provider that sends one notification per change, in time, is never
 * confirmed, so it costs nothing.
 */
class EchoConfirmationProperties {
    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final HikariDataSource DATABASE =
            Databases.open("jdbc:h2:mem:echo-confirmation-" + UUID.randomUUID(), "sa", "");

    /** What the model can do next. */
    enum Step { WRITE, PERSON_CHANGES, DELIVER, WAIT_A_LITTLE, WAIT_PAST_THE_WINDOW, WRITE_THAT_CHANGED_NOTHING }

    @AfterContainer
    static void close() {
        DATABASE.close();
    }

    @Property(tries = 300)
    void onceMergingIsSeenNoChangeHiddenInAnEchoWaitsPastItsWindow(
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 5) Integer> steps) {
        Replay replay = new Replay(true);
        steps.forEach(step -> replay.run(Step.values()[step]));
        replay.finish();

        assertThat(replay.hiddenAfterMergingWasSeen).as("absorbed with an echo once merging was known, never read")
                .isEmpty();
        assertThat(replay.notAbsorbedUnread()).as("a change with a notification of its own is always read").isEmpty();
    }

    @Property(tries = 200)
    void aProviderThatNeverMergesIsNeverConfirmed(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 5) Integer> steps) {
        Replay replay = new Replay(false);
        steps.forEach(step -> replay.run(Step.values()[step]));
        replay.finish();

        assertThat(replay.ledger.confirmations()).isZero();
        assertThat(replay.unread).as("each change had its own notification").isEmpty();
    }

    /** One calendar's story: the ledger under test, and what a provider and the engine would do around it. */
    private static final class Replay {
        final CalendarRef calendar = new CalendarRef("acct", UUID.randomUUID() + "@example.com");
        final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));
        final PushChannelStore store = new PushChannelStore(DATABASE, clock);
        final PriorityQueue<Close> closes = new PriorityQueue<>(Comparator.comparing(Close::at));
        final ConfirmingEchoLedger ledger = new ConfirmingEchoLedger(store,
                (window, at) -> closes.add(new Close(at, window)));
        final boolean merges;
        /** Changes the provider holds back to merge into one notification: true for a person's, false for an echo. */
        final List<Boolean> held = new ArrayList<>();
        final Set<Integer> unread = new HashSet<>();
        final Set<Integer> absorbedUnread = new HashSet<>();
        /** Person changes absorbed with an echo after the ledger knew the calendar merges. */
        final Set<Integer> knownMergingAtAbsorb = new HashSet<>();
        final Set<Integer> hiddenAfterMergingWasSeen = new HashSet<>();
        final List<Integer> heldPersons = new ArrayList<>();
        int nextChange;

        record Close(Instant at, EchoWindow window) {
        }

        Replay(boolean merges) {
            this.merges = merges;
        }

        void run(Step step) {
            switch (step) {
                case WRITE -> {
                    ledger.expect(calendar, WINDOW);
                    changed(false);
                }
                case PERSON_CHANGES -> changed(true);
                case DELIVER -> deliver();
                case WAIT_A_LITTLE -> advance(Duration.ofSeconds(10));
                case WAIT_PAST_THE_WINDOW -> advance(WINDOW.plusSeconds(10));
                case WRITE_THAT_CHANGED_NOTHING -> {
                    ledger.expect(calendar, WINDOW);
                    ledger.cancel(calendar);
                }
            }
        }

        void finish() {
            deliver();
            while (!closes.isEmpty()) {
                advance(WINDOW.plusSeconds(10));
            }
            // Whatever is still unread after every window closed, absorbed while merging was known, was lost.
            for (Integer change : absorbedUnread) {
                if (unread.contains(change) && knownMergingAtAbsorb.contains(change)) {
                    hiddenAfterMergingWasSeen.add(change);
                }
            }
        }

        Set<Integer> notAbsorbedUnread() {
            Set<Integer> left = new HashSet<>(unread);
            left.removeAll(absorbedUnread);
            return left;
        }

        private void changed(boolean person) {
            if (person) {
                unread.add(nextChange);
                heldPersons.add(nextChange);
            }
            nextChange++;
            held.add(person);
            if (!merges) {
                deliver();
            }
        }

        /** The provider sends what it held, as one notification when it merges. */
        private void deliver() {
            if (held.isEmpty()) {
                return;
            }
            int notifications = merges ? 1 : held.size();
            boolean mergingKnown = store.merges(calendar);
            boolean allAbsorbed = true;
            for (int i = 0; i < notifications; i++) {
                allAbsorbed &= ledger.absorb(calendar);
            }
            if (allAbsorbed) {
                absorbedUnread.addAll(heldPersons);
                if (mergingKnown) {
                    knownMergingAtAbsorb.addAll(heldPersons);
                }
            } else {
                unread.clear(); // a notification taken as a change: its sync lists the calendar
            }
            held.clear();
            heldPersons.clear();
        }

        private void advance(Duration by) {
            clock.advance(by);
            while (!closes.isEmpty() && !closes.peek().at().isAfter(clock.instant())) {
                Close close = closes.poll();
                Instant again = ledger.closeDue(close.window().calendar(), close.window().number(), c -> unread.clear());
                if (again != null) {
                    closes.add(new Close(again, close.window()));
                }
            }
        }
    }
}
