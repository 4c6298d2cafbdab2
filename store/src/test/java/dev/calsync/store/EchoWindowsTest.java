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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The echo windows of {@code push_echoes}, as every node shares them, on each database. */
class EchoWindowsTest {

    private static final String DATABASES = "dev.calsync.store.TestDatabases#all";
    private static final Duration WINDOW = Duration.ofSeconds(60);

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void aWindowIsNumberedClosedOnceAndTeachesWhetherTheCalendarMerges(Db db) {
        Instant t0 = Instant.parse("2026-12-07T10:00:00Z");
        PushChannelStore nodeA = node(db, t0);
        PushChannelStore nodeB = node(db, t0);
        CalendarRef calendar = new CalendarRef(unique("acct"), "cal@example.com");

        EchoWindow first = nodeA.expect(calendar, WINDOW);
        EchoWindow second = nodeB.expect(calendar, WINDOW);
        assertThat(first.opened()).isTrue();
        assertThat(second.opened()).as("the second write joins the window").isFalse();
        assertThat(second.number()).isEqualTo(first.number());
        assertThat(nodeB.absorb(calendar)).isTrue();
        assertThat(nodeA.close(calendar, first.number())).isEqualTo(new EchoWindowCheck.StillOpen(second.closes()));

        nodeA = node(db, second.closes());
        assertThat(nodeA.overdue(Duration.ZERO)).isEmpty();
        nodeA = node(db, second.closes().plusSeconds(1));
        nodeB = node(db, second.closes().plusSeconds(1));
        assertThat(nodeB.overdue(Duration.ZERO)).extracting(EchoWindow::number).contains(first.number());
        assertThat(nodeB.close(calendar, first.number())).isEqualTo(new EchoWindowCheck.Closed(true));
        assertThat(nodeA.close(calendar, first.number())).as("closed once").isEqualTo(new EchoWindowCheck.Closed(false));
        assertThat(nodeA.merges(calendar)).as("one notification for two writes").isTrue();

        EchoWindow next = nodeA.expect(calendar, WINDOW);
        assertThat(next.opened()).isTrue();
        assertThat(next.number()).isEqualTo(first.number() + 1);
        assertThat(nodeA.absorb(calendar)).isTrue();
        assertThat(nodeA.absorb(calendar)).as("one echo per write").isFalse();
        nodeA = node(db, next.closes().plusSeconds(1));
        nodeB = node(db, next.closes().plusSeconds(1));
        assertThat(nodeB.close(calendar, next.number())).as("known to merge").isEqualTo(new EchoWindowCheck.Closed(true));
        nodeB.purgeExpired();
        assertThat(nodeA.merges(calendar)).as("what was learned outlives the purge").isTrue();
        assertThat(nodeA.expect(calendar, WINDOW).number()).isEqualTo(next.number() + 1);
    }

    /** A node's view of the tables at {@code now}: the store keeps nothing but its clock. */
    private static PushChannelStore node(Db db, Instant now) {
        return new PushChannelStore(db.dataSource(), Clock.fixed(now, ZoneOffset.UTC));
    }
}
