package dev.calsync.microsoft;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.testkit.CalendarProviderContract;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The Microsoft adapter, over real HTTP against the Graph emulator, keeps the provider contract. */
class MicrosoftCalendarProviderContractTest extends CalendarProviderContract {
    private GraphFixture graph;

    /** The contract lists from 2025 and writes in 2026: a window of 400 days would not reach its blocks. */
    @BeforeEach
    void start() {
        graph = GraphFixture.start(GraphFixture.defaults().windowSpan(Duration.ofDays(4000)));
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Override
    protected CalendarProvider provider() {
        return graph.provider();
    }

    @Override
    protected CalendarRef emptyCalendar() {
        return graph.newCalendar();
    }

    @Override
    protected void personAddsEvent(CalendarRef calendar, String summary, Instant start, Instant end) {
        graph.personAdds(calendar, summary, start, end);
    }

    /** A token of the adapter's form whose deltaLink Graph does not know (410 syncStateNotFound). */
    @Override
    protected String refusedToken() {
        return new DeltaToken(LONG_AGO, LONG_AGO.plus(Duration.ofDays(4000)),
                graph.emulator().graphUrl() + "me/calendarView/delta?$deltatoken=garbled", Map.of()).encode();
    }
}
