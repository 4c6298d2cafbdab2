package dev.calsync.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.push.ChangeChannel;
import dev.calsync.store.Databases;
import dev.calsync.store.PushChannelStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Channel rounds over the store's real registry (H2), with channels of 7 days renewed 1 day before they end. */
class ChannelKeeperTest {
    private static final CalendarRef A = new CalendarRef("acct", "a@example.com");
    private static final CalendarRef B = new CalendarRef("acct", "b@example.com");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final HikariDataSource dataSource = Databases.open("jdbc:h2:mem:keeper-" + UUID.randomUUID(), "sa", "");
    private final PushChannelStore registry = new PushChannelStore(dataSource, clock);
    private final Set<CalendarRef> watched = new LinkedHashSet<>(List.of(A, B));
    private final List<String> listened = new ArrayList<>();

    @AfterEach
    void close() {
        dataSource.close();
    }

    private ChannelKeeper keeper(ScriptedChannels channels) {
        return new ChannelKeeper(channels, registry, () -> new LinkedHashSet<>(watched),
                "https://hook/scripted", PushTiming.DEFAULTS, (operation, ok) -> listened.add(operation + (ok ? " ok" : " failed")), clock);
    }

    @Test
    void everyWatchedCalendarGetsOneChannelAndARoundWithNothingDueCallsNothing() {
        ScriptedChannels channels = new ScriptedChannels(clock, false);

        assertThat(keeper(channels).maintain()).isEqualTo(new ChannelKeeper.Round(2, 0, 0, 0, List.of(A, B)));
        assertThat(registry.all()).extracting(ChangeChannel::calendar).containsExactlyInAnyOrder(A, B);
        assertThat(registry.all()).allSatisfy(c -> assertThat(c.expiration()).isEqualTo(clock.instant()
                .plus(Duration.ofDays(7))));

        clock.advance(Duration.ofDays(5));
        channels.calls.clear();
        assertThat(keeper(channels).maintain()).isEqualTo(new ChannelKeeper.Round(0, 0, 0, 0, List.of()));
        assertThat(channels.calls).isEmpty();
        assertThat(listened).containsExactly("open ok", "open ok");
    }

    @Test
    void aChannelDueIsReplacedByANewOneFirstAndTheOldOneStoppedAfter() {
        ScriptedChannels channels = new ScriptedChannels(clock, false);
        keeper(channels).maintain();
        List<ChangeChannel> before = registry.all();

        clock.advance(Duration.ofDays(6).plusMinutes(1));
        channels.calls.clear();
        assertThat(keeper(channels).maintain()).isEqualTo(new ChannelKeeper.Round(0, 2, 0, 0, List.of()));

        // Channels due at the same moment come in no particular order; each is renewed before it is stopped.
        assertThat(channels.calls).containsExactlyInAnyOrder("renew a@example.com", "stop a@example.com",
                "renew b@example.com", "stop b@example.com");
        for (String calendar : List.of("a@example.com", "b@example.com")) {
            assertThat(channels.calls.indexOf("renew " + calendar)).isLessThan(channels.calls.indexOf("stop " + calendar));
        }
        assertThat(registry.all()).hasSize(2).noneMatch(c -> before.stream().anyMatch(o -> o.id().equals(c.id())))
                .allSatisfy(c -> assertThat(c.expiration()).isEqualTo(clock.instant().plus(Duration.ofDays(7))));
    }

    @Test
    void aProviderThatExtendsChannelsInPlaceKeepsTheirIdsAndStopsNothing() {
        ScriptedChannels channels = new ScriptedChannels(clock, true);
        keeper(channels).maintain();
        List<String> ids = registry.all().stream().map(ChangeChannel::id).toList();

        clock.advance(Duration.ofDays(6).plusMinutes(1));
        channels.calls.clear();
        assertThat(keeper(channels).maintain()).isEqualTo(new ChannelKeeper.Round(0, 2, 0, 0, List.of()));

        assertThat(channels.calls).containsExactlyInAnyOrder("renew a@example.com", "renew b@example.com");
        assertThat(registry.all()).extracting(ChangeChannel::id).containsExactlyElementsOf(ids);
        assertThat(registry.all()).allSatisfy(c -> assertThat(c.expiration())
                .isEqualTo(clock.instant().plus(Duration.ofDays(7))));
    }

    @Test
    void aCalendarWhoseChannelLapsedIsReportedUncoveredOnceItHasOneAgainAndATimelyRenewalIsNot() {
        ScriptedChannels channels = new ScriptedChannels(clock, true);
        keeper(channels).maintain();
        ChangeChannel a = registry.all().stream().filter(c -> c.calendar().equals(A)).findFirst().orElseThrow();

        // The provider pulls A's renewal due, as the intake files Graph's reauthorizationRequired.
        registry.opened(a.id(), a.handle(), clock.instant());
        clock.advance(Duration.ofMinutes(1));
        assertThat(keeper(channels).maintain()).isEqualTo(new ChannelKeeper.Round(0, 1, 0, 0, List.of(A)));

        // A day before the channels end: renewed while they are still live, nothing lost.
        clock.advance(Duration.ofDays(6).plusMinutes(1));
        assertThat(keeper(channels).maintain()).isEqualTo(new ChannelKeeper.Round(0, 2, 0, 0, List.of()));

        // No round for ten days (every node down): both channels ran out, so both calendars may have missed changes.
        clock.advance(Duration.ofDays(10));
        assertThat(keeper(channels).maintain()).isEqualTo(new ChannelKeeper.Round(0, 2, 0, 0, List.of(A, B)));
    }

    @Test
    void aRefusedRenewalKeepsTheOldChannelAndTheNextRoundTriesAgain() {
        ScriptedChannels channels = new ScriptedChannels(clock, false);
        keeper(channels).maintain();
        ChangeChannel old = registry.all().stream().filter(c -> c.calendar().equals(A)).findFirst().orElseThrow();

        clock.advance(Duration.ofDays(6).plusMinutes(1));
        channels.refusing.add(A);
        assertThat(keeper(channels).maintain()).isEqualTo(new ChannelKeeper.Round(0, 1, 0, 1, List.of()));
        assertThat(registry.find(old.id())).contains(old);
        assertThat(registry.all()).as("no row left of the refused attempt").hasSize(2);

        channels.refusing.clear();
        assertThat(keeper(channels).maintain()).isEqualTo(new ChannelKeeper.Round(0, 1, 0, 0, List.of()));
        assertThat(registry.find(old.id())).isEmpty();
        assertThat(listened).contains("renew failed");
    }

    @Test
    void aCalendarNoLongerWatchedHasItsChannelStoppedAndAnUnansweredOpeningIsDropped() {
        ScriptedChannels channels = new ScriptedChannels(clock, false);
        keeper(channels).maintain();
        registry.opening("never-answered", A);
        watched.remove(B);
        channels.calls.clear();

        assertThat(keeper(channels).maintain()).isEqualTo(new ChannelKeeper.Round(0, 0, 1, 0, List.of()));

        assertThat(channels.calls).containsExactly("stop b@example.com");
        assertThat(registry.all()).extracting(ChangeChannel::calendar).containsExactly(A);
        assertThat(registry.find("never-answered")).isEmpty();
    }

    @Test
    void aStopThatFailsStillForgetsTheChannelWhichRunsOutByItself() {
        ScriptedChannels channels = new ScriptedChannels(clock, false);
        keeper(channels).maintain();
        watched.clear();
        channels.refusing.add(A);

        assertThat(keeper(channels).maintain()).isEqualTo(new ChannelKeeper.Round(0, 0, 2, 0, List.of()));
        assertThat(registry.all()).isEmpty();
        assertThat(listened).contains("stop failed", "stop ok");
    }
}
