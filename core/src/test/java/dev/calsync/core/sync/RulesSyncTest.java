package dev.calsync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.Window;
import dev.calsync.core.reconcile.WeeklyRecurrences;
import dev.calsync.core.rules.BlockColor;
import dev.calsync.core.rules.BusyRules;
import dev.calsync.core.rules.CalendarRole;
import dev.calsync.core.rules.GroupRules;
import dev.calsync.core.rules.WorkingHours;
import dev.calsync.core.testkit.InMemoryCalendarProvider;
import dev.calsync.core.testkit.InMemorySyncStore;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine and verify under a group's rules, on the in-memory provider. */
class RulesSyncTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final CalendarRef WORK = new CalendarRef("work", "primary");
    private static final CalendarRef HOME = new CalendarRef("home", "personal");
    private static final Instant MONDAY = Instant.parse("2026-03-02T07:00:00Z");
    private static final WorkingHours HOURS = new WorkingHours(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0),
            LocalTime.of(18, 0), ZoneId.of("UTC"));

    private final InMemoryCalendarProvider provider = new InMemoryCalendarProvider(new WeeklyRecurrences());
    private final InMemorySyncStore store = new InMemorySyncStore();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SyncEngine engine = new SyncEngine(provider, store, new WeeklyRecurrences(), clock, "test",
            Duration.ofMinutes(1));
    private final Verifier verifier = new Verifier(provider, store, new WeeklyRecurrences(), clock);
    private final SyncGroup plain = new SyncGroup("alice", "alice", "Busy", new Window(7, 30), null, null,
            List.of(WORK, HOME));

    RulesSyncTest() {
        List.of(WORK, HOME).forEach(c -> provider.addCalendar(c, c.key()));
        // 07:00–09:00: cut to 08:00–09:00 under the hours.
        provider.personWrites(WORK, SourceEvent.timed("early", MONDAY, MONDAY.plus(Duration.ofHours(2))));
        provider.personWrites(HOME, SourceEvent.timed("dentist", MONDAY.plus(Duration.ofHours(6)),
                MONDAY.plus(Duration.ofHours(7))));
    }

    @Test
    void verifyCutsBusyTimeToTheHoursAsTheProjectionDoes() {
        SyncGroup group = plain.withRules(GroupRules.DEFAULT.withBusy(BusyRules.DEFAULT.withHours(HOURS)));
        store.saveGroup(group);
        engine.sync(group, SyncRequest.poll());

        assertThat(verifier.verify(group).problems()).isEmpty();
        assertThat(provider.live(HOME)).filteredOn(e -> BlockMarker.isBlock(e.privateProperties())).singleElement()
                .satisfies(b -> assertThat(b.start().instant()).isEqualTo(MONDAY.plus(Duration.ofHours(1))));
        // The same blocks judged without the hours: the cut hour is missing busy time.
        assertThat(verifier.verify(plain).problems()).extracting(VerifyReport.Problem::kind)
                .contains(VerifyReport.Kind.STALE, VerifyReport.Kind.BUSY_MISMATCH);
    }

    @Test
    void aSourceOnlyCalendarLosesItsBlocksInOnePassAndVerifyAgrees() {
        store.saveGroup(plain);
        engine.sync(plain, SyncRequest.poll());
        SyncGroup oneWay = plain.withRules(GroupRules.DEFAULT.withRoles(Map.of(WORK, CalendarRole.SOURCE)));
        store.saveGroup(oneWay);

        assertThat(verifier.verify(oneWay).problems()).extracting(VerifyReport.Problem::kind)
                .containsExactly(VerifyReport.Kind.ORPHAN);
        GroupReport pass = engine.sync(oneWay, SyncRequest.poll());

        assertThat(pass.deleted()).isEqualTo(1);
        assertThat(pass.writes()).isEqualTo(1);
        assertThat(provider.live(WORK)).noneMatch(e -> BlockMarker.isBlock(e.privateProperties()));
        assertThat(verifier.verify(oneWay).problems()).isEmpty();
    }

    @Test
    void aColourChangeRewritesEveryBlockOnceAndItsEchoIsNoHandEdit() {
        store.saveGroup(plain);
        engine.sync(plain, SyncRequest.poll());
        SyncGroup coloured = plain.withRules(GroupRules.DEFAULT.withColor(new BlockColor(5)));
        store.saveGroup(coloured);

        GroupReport recolour = engine.sync(coloured, SyncRequest.poll());
        GroupReport echo = engine.sync(coloured, SyncRequest.poll());

        assertThat(recolour.updated()).isEqualTo(2);
        assertThat(echo.writes()).isZero();
        assertThat(echo.handEdits()).isZero();
        assertThat(verifier.verify(coloured).problems()).isEmpty();
    }
}
