package dev.calsync.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.push.Notification;
import dev.calsync.store.Databases;
import dev.calsync.store.PushChannelStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What notifications cost, over the store's real registry and echo ledger (H2). */
class NotificationIntakeTest {
    private static final CalendarRef CAL = new CalendarRef("acct", "cal@example.com");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final HikariDataSource dataSource = Databases.open("jdbc:h2:mem:intake-" + UUID.randomUUID(), "sa", "");
    private final PushChannelStore registry = new PushChannelStore(dataSource, clock);
    private final List<CalendarRef> debounced = new ArrayList<>();
    private final List<String> heard = new ArrayList<>();
    private final NotificationIntake intake = new NotificationIntake(new ScriptedChannels(clock, false), registry,
            registry, debounced::add, (verdict, calendar) -> heard.add(verdict.label() + " " + calendar), clock);

    @BeforeEach
    void openChannel() {
        registry.opening("ch-1", CAL);
        registry.opened("ch-1", "handle-1", clock.instant().plus(Duration.ofDays(7)));
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    private static Notification signal(String kind) {
        return Notification.ofHeaders(Map.of("Channel", "ch-1", "Token", "ok", "Kind", kind));
    }

    @Test
    void theEchoesOfOurOwnWritesAreAbsorbedAndTheNextChangeIsDebounced() {
        registry.expect(CAL, Duration.ofSeconds(60));
        registry.expect(CAL, Duration.ofSeconds(60));

        assertThat(intake.receive(signal("CHANGED")).verdict()).isEqualTo(Verdict.ABSORBED);
        assertThat(intake.receive(signal("CHANGED")).verdict()).isEqualTo(Verdict.ABSORBED);
        assertThat(debounced).isEmpty();
        assertThat(intake.receive(signal("CHANGED")).verdict()).isEqualTo(Verdict.ACCEPTED);

        assertThat(debounced).containsExactly(CAL);
        assertThat(heard).containsExactly("absorbed " + CAL, "absorbed " + CAL, "accepted " + CAL);
    }

    @Test
    void anEchoExpectedTooLongAgoAbsorbsNothing() {
        registry.expect(CAL, Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(61));

        assertThat(intake.receive(signal("CHANGED")).verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(debounced).containsExactly(CAL);
    }

    @Test
    void aChannelsFirstMessageCostsNothing() {
        assertThat(intake.receive(signal("OPENED")).verdict()).isEqualTo(Verdict.CHANNEL_OPENED);
        assertThat(debounced).isEmpty();
    }

    @Test
    void missedNotificationsAreSyncedEvenWithEchoesExpected() {
        registry.expect(CAL, Duration.ofSeconds(60));

        assertThat(intake.receive(signal("MISSED")).verdict()).isEqualTo(Verdict.MISSED);

        assertThat(debounced).containsExactly(CAL);
        assertThat(registry.absorb(CAL)).as("the echo is still expected").isTrue();
    }

    @Test
    void aChannelTheProviderRemovedIsForgottenAndItsCalendarSynced() {
        assertThat(intake.receive(signal("REMOVED")).verdict()).isEqualTo(Verdict.REMOVED);

        assertThat(registry.find("ch-1")).isEmpty();
        assertThat(debounced).containsExactly(CAL);
        assertThat(intake.receive(signal("CHANGED")).verdict()).isEqualTo(Verdict.UNKNOWN_CHANNEL);
    }

    @Test
    void aChannelAskingForRenewalIsDueAtTheNextRoundWhichHasItsCalendarReadOnceRenewed() {
        assertThat(intake.receive(signal("RENEWAL_DUE")).verdict()).isEqualTo(Verdict.RENEWAL_DUE);

        assertThat(registry.find("ch-1")).get().satisfies(c -> assertThat(c.expiration()).isEqualTo(clock.instant()));
        ChannelKeeper keeper = new ChannelKeeper(new ScriptedChannels(clock, true), registry,
                () -> java.util.Set.of(CAL), "https://hook", PushTiming.DEFAULTS, ChannelKeeper.Listener.NONE, clock);
        assertThat(debounced).as("not before the renewal: notifications may be paused until then").isEmpty();
        assertThat(keeper.maintain()).isEqualTo(new ChannelKeeper.Round(0, 1, 0, 0, List.of(CAL)));
    }

    @Test
    void rejectionsAreToldWithTheirReasonAndCostNothing() {
        registry.expect(CAL, Duration.ofSeconds(60));

        assertThat(intake.receive(Notification.ofHeaders(Map.of("token", "ok"))).verdict())
                .isEqualTo(Verdict.MISSING_FIELDS);
        assertThat(intake.receive(Notification.ofHeaders(Map.of("channel", "ch-1", "token", "forged", "kind",
                "CHANGED"))).verdict()).isEqualTo(Verdict.BAD_TOKEN);
        assertThat(intake.receive(Notification.ofHeaders(Map.of("channel", "gone", "token", "ok", "kind",
                "CHANGED"))).verdict()).isEqualTo(Verdict.UNKNOWN_CHANNEL);

        assertThat(debounced).isEmpty();
        assertThat(registry.absorb(CAL)).as("no rejected request used up an echo").isTrue();
        assertThat(heard).containsExactly("missing_fields null", "bad_token null", "unknown_channel null");
        assertThat(List.of(Verdict.MISSING_FIELDS, Verdict.BAD_TOKEN, Verdict.UNKNOWN_CHANNEL, Verdict.WRONG_RESOURCE))
                .noneMatch(Verdict::accepted);
    }

    @Test
    void aHandshakeIsAnsweredWithItsToken() {
        NotificationIntake.Receipt receipt = intake.receive(new Notification(Map.of(),
                Map.of("validationToken", "Validation: abc"), ""));

        assertThat(receipt).isEqualTo(new NotificationIntake.Receipt(Verdict.HANDSHAKE, "Validation: abc"));
        assertThat(receipt.verdict().accepted()).isTrue();
        assertThat(debounced).isEmpty();
    }
}
