package dev.calsync.store;

import static dev.calsync.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.push.EchoWindow;
import dev.calsync.core.push.EchoWindowCheck;
import dev.calsync.store.TestDatabases.Db;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The echo windows of {@code push_echoes}, as every node shares them, on each database. */
class EchoWindowsTest {

    private static final String DATABASES = "dev.calsync.store.TestDatabases#all";
    private static final Duration WINDOW = Duration.ofSeconds(60);

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void aWindowIsNumberedClosedOnceAndTeachesWhetherTheCalendarMerges(Db db) {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T10:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        PushChannelStore nodeA = new PushChannelStore(db.dataSource(), clock);
        PushChannelStore nodeB = new PushChannelStore(db.dataSource(), clock);
        CalendarRef calendar = new CalendarRef(unique("acct"), "cal@example.com");
        int mergingBefore = nodeA.mergingCalendars();

        EchoWindow first = nodeA.expect(calendar, WINDOW);
        EchoWindow second = nodeB.expect(calendar, WINDOW);
        assertThat(first.opened()).isTrue();
        assertThat(second.opened()).as("the second write joins the window").isFalse();
        assertThat(second.number()).isEqualTo(first.number());
        assertThat(nodeB.absorb(calendar)).isTrue();
        assertThat(nodeA.close(calendar, first.number())).isEqualTo(new EchoWindowCheck.StillOpen(second.closes()));

        now.set(second.closes());
        assertThat(nodeA.overdue(Duration.ZERO)).isEmpty();
        now.set(second.closes().plusSeconds(1));
        assertThat(nodeB.overdue(Duration.ZERO)).extracting(EchoWindow::number).contains(first.number());
        assertThat(nodeB.close(calendar, first.number())).isEqualTo(new EchoWindowCheck.Closed(true));
        assertThat(nodeA.close(calendar, first.number())).as("closed once").isEqualTo(new EchoWindowCheck.Closed(false));
        assertThat(nodeA.mergingCalendars()).isEqualTo(mergingBefore + 1);

        EchoWindow next = nodeA.expect(calendar, WINDOW);
        assertThat(next.opened()).isTrue();
        assertThat(next.number()).isEqualTo(first.number() + 1);
        assertThat(nodeA.absorb(calendar)).isTrue();
        assertThat(nodeA.absorb(calendar)).as("one echo per write").isFalse();
        now.set(next.closes().plusSeconds(1));
        assertThat(nodeB.close(calendar, next.number())).as("known to merge").isEqualTo(new EchoWindowCheck.Closed(true));
        assertThat(nodeB.purgeExpired()).isGreaterThanOrEqualTo(0);
        assertThat(nodeA.expect(calendar, WINDOW).number()).as("what was learned outlived the purge")
                .isEqualTo(next.number() + 1);
    }
}
