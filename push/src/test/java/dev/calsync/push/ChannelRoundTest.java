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

/**
 * A round over two providers' keepers, each over its own channels (as serve gives each provider a view of the
 * registry), and the one echo ledger their writes share; the store's real tables (H2).
 */
class ChannelRoundTest {
    private static final CalendarRef GOOGLE = new CalendarRef("google-acct", "a@example.com");
    private static final CalendarRef OUTLOOK = new CalendarRef("outlook-acct", "AAMkAD-team");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final HikariDataSource google = Databases.open("jdbc:h2:mem:round-" + UUID.randomUUID(), "sa", "");
    private final HikariDataSource outlook = Databases.open("jdbc:h2:mem:round-" + UUID.randomUUID(), "sa", "");
    private final PushChannelStore googleChannels = new PushChannelStore(google, clock);
    private final PushChannelStore outlookChannels = new PushChannelStore(outlook, clock);
    private final PushChannelStore echoes = googleChannels;
    private final List<CalendarRef> read = new ArrayList<>();
    private final ChannelRound round = new ChannelRound(List.of(keeper(GOOGLE, googleChannels, false),
            keeper(OUTLOOK, outlookChannels, true)), echoes, read::add);

    @AfterEach
    void close() {
        google.close();
        outlook.close();
    }

    private ChannelKeeper keeper(CalendarRef calendar, PushChannelStore registry, boolean renewsInPlace) {
        return new ChannelKeeper(new ScriptedChannels(clock, renewsInPlace), registry,
                () -> new LinkedHashSet<>(Set.of(calendar)), "https://hook/scripted", PushTiming.DEFAULTS,
                ChannelKeeper.Listener.NONE, clock);
    }

    @Test
    void everyKeeperRunsAndTheCalendarsTheyLeftUncoveredAreReadOnce() {
        assertThat(round.run()).extracting(ChannelKeeper.Round::opened).containsExactly(1, 1);
        assertThat(read).as("no channel before: changes until now notified nobody")
                .containsExactly(GOOGLE, OUTLOOK);

        read.clear();
        ChangeChannel channel = outlookChannels.all().get(0);
        outlookChannels.opened(channel.id(), channel.handle(), clock.instant()); // pulled due: reauthorizationRequired
        clock.advance(Duration.ofMinutes(10));
        assertThat(round.run()).extracting(ChannelKeeper.Round::renewed).containsExactly(0, 1);
        assertThat(read).containsExactly(OUTLOOK);

        read.clear();
        clock.advance(Duration.ofMinutes(10));
        assertThat(round.run()).allSatisfy(r -> assertThat(r.opened() + r.renewed()).isZero());
        assertThat(read).isEmpty();
    }

    @Test
    void theSharedEchoLedgerIsPurgedByTheRound() {
        echoes.expect(GOOGLE, Duration.ofSeconds(60));
        echoes.expect(OUTLOOK, Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(61));

        round.run();

        assertThat(echoes.purgeExpired()).as("already purged by the round").isZero();
    }
}
