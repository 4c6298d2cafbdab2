package dev.calsync.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.ChangeSet;
import dev.calsync.core.provider.ListOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reads through calendarView/delta: rounds, pages, @removed, refused tokens and the moving window. */
class DeltaReadsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant FROM = NOW.minus(Duration.ofDays(30));
    private final GraphFixture graph = GraphFixture.start(GraphFixture.defaults().clock(Clock.fixed(NOW, ZoneOffset.UTC)));

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void anEventDeletedInOutlookComesAsACancelledIdInTheNextRound() {
        CalendarRef calendar = graph.newCalendar();
        String dentist = graph.personAdds(calendar, "Dentist", NOW.plus(Duration.ofDays(2)),
                NOW.plus(Duration.ofDays(2)).plusSeconds(3600)).path("id").asText();
        String token = graph.provider().listAll(calendar, FROM).nextSyncToken();

        graph.emulator().userDelete(calendar.calendarId(), dentist);
        ChangeSet changes = changes(calendar, token);

        assertThat(changes.events()).singleElement().satisfies(event -> {
            assertThat(event.id()).isEqualTo(dentist);
            assertThat(event.cancelled()).isTrue();
        });
        assertThat(changes.full()).isFalse();
    }

    @Test
    void anExpiredDeltaLinkAsksForAFullReadWhichStartsANewRound() {
        CalendarRef calendar = graph.newCalendar();
        graph.personAdds(calendar, "Dentist", NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(2)).plusSeconds(3600));
        String token = graph.provider().listAll(calendar, FROM).nextSyncToken();
        graph.emulator().faults().expireAllDeltaTokens();

        ListOutcome outcome = graph.provider().listChanges(calendar, token);
        ChangeSet again = graph.provider().listAll(calendar, FROM);

        assertThat(outcome).isEqualTo(new ListOutcome.FullSyncRequired("syncStateNotFound"));
        assertThat(again.events()).extracting(SourceEvent::summary).containsExactly("Dentist");
        assertThat(changes(calendar, again.nextSyncToken()).events()).isEmpty();
    }

    @Test
    void aWindowEndingWithinTheHorizonAsksForAFullReadWithoutAskingGraph() {
        CalendarRef calendar = graph.newCalendar();
        String token = graph.provider().listAll(calendar, NOW.minus(Duration.ofDays(300))).nextSyncToken();
        graph.calls().clear();

        ListOutcome outcome = graph.provider().listChanges(calendar, token);

        assertThat(outcome).isEqualTo(new ListOutcome.FullSyncRequired("window moved"));
        assertThat(graph.calls().calls()).isEmpty();
    }

    @Test
    void everyPageOfARoundIsReadAndTheTokenComesFromTheLastOne() {
        CalendarRef calendar = graph.newCalendar();
        for (int day = 1; day <= 5; day++) {
            graph.personAdds(calendar, "Meeting " + day, NOW.plus(Duration.ofDays(day)),
                    NOW.plus(Duration.ofDays(day)).plusSeconds(1800));
        }
        graph.emulator().faults().capPageSize(2);
        graph.calls().clear();

        ChangeSet all = graph.provider().listAll(calendar, FROM);

        assertThat(all.events()).hasSize(5);
        assertThat(graph.calls().count(CallKind.LIST)).isEqualTo(6); // three delta pages, three view pages
        assertThat(changes(calendar, all.nextSyncToken()).events()).isEmpty();
    }

    @Test
    void aChangedEventComesWithItsNewTimesAndAMovedOutOneAsRemoved() {
        CalendarRef calendar = graph.newCalendar();
        String dentist = graph.personAdds(calendar, "Dentist", NOW.plus(Duration.ofDays(2)),
                NOW.plus(Duration.ofDays(2)).plusSeconds(3600)).path("id").asText();
        String gym = graph.personAdds(calendar, "Gym", NOW.plus(Duration.ofDays(3)),
                NOW.plus(Duration.ofDays(3)).plusSeconds(3600)).path("id").asText();
        String token = graph.provider().listAll(calendar, FROM).nextSyncToken();

        graph.emulator().userPatch(calendar.calendarId(), dentist, GraphEventJson.timed("Dentist",
                NOW.plus(Duration.ofDays(4)), NOW.plus(Duration.ofDays(4)).plusSeconds(3600)));
        graph.emulator().userPatch(calendar.calendarId(), gym, GraphEventJson.timed("Gym",
                NOW.plus(Duration.ofDays(900)), NOW.plus(Duration.ofDays(900)).plusSeconds(3600)));
        List<SourceEvent> events = changes(calendar, token).events();

        assertThat(events).filteredOn(e -> e.id().equals(dentist)).singleElement()
                .satisfies(e -> assertThat(e.start().instant()).isEqualTo(NOW.plus(Duration.ofDays(4))));
        assertThat(events).filteredOn(e -> e.id().equals(gym)).singleElement()
                .satisfies(e -> assertThat(e.cancelled()).isTrue());
    }

    private ChangeSet changes(CalendarRef calendar, String token) {
        ListOutcome outcome = graph.provider().listChanges(calendar, token);
        assertThat(outcome).isInstanceOf(ListOutcome.Changes.class);
        return ((ListOutcome.Changes) outcome).changes();
    }
}
