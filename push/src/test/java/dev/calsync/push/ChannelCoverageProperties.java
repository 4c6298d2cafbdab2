package dev.calsync.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.push.ChangeChannel;
import dev.calsync.core.push.Notification;
import dev.calsync.store.Databases;
import dev.calsync.store.PushChannelStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Channel rounds against a provider that grants channels for a week, refuses some calls, pauses a calendar's
 * notifications until it is renewed (and says so, as Graph's {@code reauthorizationRequired}), and rounds that come
 * late or not for days (nodes down), over the store's real registry (H2). A person's change made while the provider
 * sends no notification for its calendar is read once a round gives the calendar a channel again; a calendar the
 * provider never stopped notifying is never read for it.
 */
class ChannelCoverageProperties {
    private static final HikariDataSource DATABASE =
            Databases.open("jdbc:h2:mem:channel-coverage-" + UUID.randomUUID(), "sa", "");
    private static final List<CalendarRef> CALENDARS =
            List.of(new CalendarRef("acct", "a@example.com"), new CalendarRef("acct", "b@example.com"));

    /** What the model can do next, to the calendar the step names. */
    enum Step { ROUND, PERSON_CHANGES, PAUSE, REFUSE_NEXT_CALL, WAIT_AN_HOUR, WAIT_THREE_DAYS, WAIT_EIGHT_DAYS }

    @AfterContainer
    static void close() {
        DATABASE.close();
    }

    @Property(tries = 300)
    void aChangeNoNotificationCarriedIsReadOnceTheCalendarHasAChannelAgainAndNoOtherIs(
            @ForAll boolean renewsInPlace,
            @ForAll @Size(max = 50) List<@IntRange(min = 0, max = 13) Integer> steps) {
        Replay replay = new Replay(renewsInPlace);
        steps.forEach(step -> replay.run(Step.values()[step % Step.values().length], CALENDARS.get(step / 7)));
        replay.finish();

        assertThat(replay.unreadAfterRound).as("changes left unread by a round that gave their calendar a channel")
                .isEmpty();
        assertThat(replay.needlessReads).as("calendars read although their notifications never stopped").isEmpty();
        assertThat(replay.unread).as("changes unread at the end, every calendar's channel open").allSatisfy(
                (calendar, changes) -> assertThat(changes).isEmpty());
    }

    /** One sequence of steps against a keeper and intake of its own over fresh registry rows. */
    private static final class Replay {
        final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T08:00:00Z"));
        final PushChannelStore registry = new PushChannelStore(DATABASE, clock);
        final ScriptedChannels provider;
        final ChannelKeeper keeper;
        final NotificationIntake intake;
        /** Provider side: calendars whose notifications are paused until their next renewal. */
        final Set<CalendarRef> paused = new HashSet<>();
        /** Model: calendars that went without notifications since they were last read for that. */
        final Set<CalendarRef> lapsed = new HashSet<>(CALENDARS);
        final Map<CalendarRef, List<Instant>> unread = new HashMap<>();
        final List<String> unreadAfterRound = new ArrayList<>();
        final List<String> needlessReads = new ArrayList<>();

        Replay(boolean renewsInPlace) {
            for (ChangeChannel channel : registry.all()) {
                registry.delete(channel.id()); // rows of an earlier try
            }
            provider = new ScriptedChannels(clock, renewsInPlace);
            keeper = new ChannelKeeper(provider, registry, () -> new LinkedHashSet<>(CALENDARS),
                    "https://hook/scripted", PushTiming.DEFAULTS, ChannelKeeper.Listener.NONE, clock);
            intake = new NotificationIntake(provider, registry, registry, calendar -> { },
                    NotificationIntake.Listener.NONE, clock);
            CALENDARS.forEach(c -> unread.put(c, new ArrayList<>()));
        }

        void run(Step step, CalendarRef calendar) {
            switch (step) {
                case ROUND -> round();
                case PERSON_CHANGES -> {
                    if (!notifying(calendar)) {
                        unread.get(calendar).add(clock.instant());
                    }
                }
                case PAUSE -> pause(calendar);
                case REFUSE_NEXT_CALL -> provider.refusing.add(calendar);
                case WAIT_AN_HOUR -> advance(Duration.ofHours(1));
                case WAIT_THREE_DAYS -> advance(Duration.ofDays(3));
                case WAIT_EIGHT_DAYS -> advance(Duration.ofDays(8));
            }
        }

        void finish() {
            provider.refusing.clear();
            round();
        }

        private void round() {
            int grantsBefore = provider.grants.size();
            ChannelKeeper.Round round = keeper.maintain();
            provider.refusing.clear();
            provider.grants.subList(grantsBefore, provider.grants.size()).forEach(paused::remove); // reauthorized
            for (CalendarRef calendar : round.uncovered()) {
                if (!lapsed.remove(calendar)) {
                    needlessReads.add(calendar.calendarId() + " at " + clock.instant());
                }
                unread.get(calendar).clear();
            }
            for (CalendarRef calendar : CALENDARS) {
                if (notifying(calendar) && !unread.get(calendar).isEmpty()) {
                    unreadAfterRound.add(calendar.calendarId() + " " + unread.get(calendar));
                }
            }
        }

        private void pause(CalendarRef calendar) {
            if (!notifying(calendar)) {
                return; // nothing to pause: Graph asks for reauthorization of live subscriptions
            }
            paused.add(calendar);
            lapsed.add(calendar);
            String channel = registry.all().stream().filter(c -> c.calendar().equals(calendar) && !c.pending())
                    .max(java.util.Comparator.comparing(ChangeChannel::expiration)).orElseThrow().id();
            assertThat(intake.receive(Notification.ofHeaders(Map.of("Channel", channel, "Token", "ok", "Kind",
                    "RENEWAL_DUE"))).verdict()).isEqualTo(Verdict.RENEWAL_DUE);
        }

        private void advance(Duration by) {
            clock.advance(by);
            CALENDARS.stream().filter(c -> !notifying(c)).forEach(lapsed::add);
        }

        /** Whether the provider sends the calendar's notifications now. */
        private boolean notifying(CalendarRef calendar) {
            Instant until = provider.granted.get(calendar);
            return until != null && until.isAfter(clock.instant()) && !paused.contains(calendar);
        }
    }
}
