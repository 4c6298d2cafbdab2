package dev.calsync.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.provider.ListOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A person's series in Outlook, read as core reads a series: master with lines, exceptions, cancellations. */
class SourceSeriesTest {
    private static final Instant NOW = Instant.parse("2030-03-01T00:00:00Z");
    private static final Instant FROM = Instant.parse("2030-02-01T00:00:00Z");
    private final GraphFixture graph = GraphFixture.start(GraphFixture.defaults().clock(Clock.fixed(NOW, ZoneOffset.UTC)));
    private CalendarRef calendar;
    private String seriesId;

    /** Mondays and Wednesdays 09:00-09:30 Berlin from 4 March 2030, ten times; the 2nd moved, the 3rd deleted. */
    @BeforeEach
    void standup() {
        calendar = graph.newCalendar();
        seriesId = graph.emulator().userCreate(calendar.calendarId(), series("W. Europe Standard Time")).path("id").asText();
        graph.emulator().userPatch(calendar.calendarId(), occurrence(1), GraphEventJson.json(
                "{'start':{'dateTime':'2030-03-06T11:00:00','timeZone':'Europe/Berlin'},"
                        + "'end':{'dateTime':'2030-03-06T11:30:00','timeZone':'Europe/Berlin'}}"));
        graph.emulator().userDelete(calendar.calendarId(), occurrence(2));
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    private static ObjectNode series(String zone) {
        return GraphEventJson.json("{'subject':'Standup',"
                + "'start':{'dateTime':'2030-03-04T09:00:00','timeZone':'" + zone + "'},"
                + "'end':{'dateTime':'2030-03-04T09:30:00','timeZone':'" + zone + "'},"
                + "'recurrence':{'pattern':{'type':'weekly','interval':1,'daysOfWeek':['monday','wednesday'],"
                + "'firstDayOfWeek':'monday'},'range':{'type':'numbered','startDate':'2030-03-04','numberOfOccurrences':10}}}");
    }

    private String occurrence(int index) {
        return graph.emulator().userOccurrenceId(calendar.calendarId(), seriesId, index);
    }

    @Test
    void aFullReadGivesTheMasterWithItsRuleTheMovedOccurrenceAndTheDeletedOne() {
        List<SourceEvent> events = graph.provider().listAll(calendar, FROM).events();

        SourceEvent master = events.stream().filter(SourceEvent::isSeries).findFirst().orElseThrow();
        assertThat(master.id()).isEqualTo(seriesId);
        assertThat(master.recurrence()).containsExactly("RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10");
        assertThat(master.start()).isEqualTo(EventTime.at(Instant.parse("2030-03-04T08:00:00Z"), "Europe/Berlin"));
        assertThat(events).filteredOn(e -> !e.cancelled() && e.isException()).singleElement().satisfies(moved -> {
            assertThat(moved.recurringEventId()).isEqualTo(seriesId);
            assertThat(moved.originalStartTime().instant()).isEqualTo(Instant.parse("2030-03-06T08:00:00Z"));
            assertThat(moved.start().instant()).isEqualTo(Instant.parse("2030-03-06T10:00:00Z"));
        });
        assertThat(events).filteredOn(SourceEvent::cancelled).singleElement().satisfies(deleted -> {
            assertThat(deleted.recurringEventId()).isEqualTo(seriesId);
            assertThat(deleted.originalStartTime().instant()).isEqualTo(Instant.parse("2030-03-11T08:00:00Z"));
        });
        assertThat(events).hasSize(3); // plain occurrences are the master's lines
    }

    @Test
    void aChangeToOneOccurrenceReadsTheWholeSeriesAgain() {
        String token = graph.provider().listAll(calendar, FROM).nextSyncToken();
        graph.emulator().userPatch(calendar.calendarId(), occurrence(4), GraphEventJson.json("{'subject':'Standup (late)'}"));

        ListOutcome outcome = graph.provider().listChanges(calendar, token);

        List<SourceEvent> events = ((ListOutcome.Changes) outcome).changes().events();
        assertThat(events).filteredOn(SourceEvent::isSeries).extracting(SourceEvent::id).containsExactly(seriesId);
        assertThat(events).filteredOn(e -> !e.cancelled() && e.isException()).extracting(SourceEvent::summary)
                .containsExactlyInAnyOrder("Standup", "Standup (late)");
        assertThat(events).filteredOn(SourceEvent::cancelled).hasSize(1);
    }

    @Test
    void anOccurrenceDeletedInOutlookIsSeenInTheNextRoundThoughGraphNamesNoSeries() {
        String token = graph.provider().listAll(calendar, FROM).nextSyncToken();
        graph.emulator().userDelete(calendar.calendarId(), occurrence(5));
        graph.calls().clear();

        List<SourceEvent> events = ((ListOutcome.Changes) graph.provider().listChanges(calendar, token)).changes()
                .events();

        assertThat(events).filteredOn(e -> e.cancelled() && seriesId.equals(e.recurringEventId()))
                .extracting(e -> e.originalStartTime().instant())
                .contains(Instant.parse("2030-03-11T08:00:00Z"), Instant.parse("2030-03-20T08:00:00Z"));
        // the round, the view that finds the series, its master and its instances
        assertThat(graph.calls().calls()).hasSize(4);
    }

    @Test
    void aRoundWithRemovalsOfSingleEventsOnlyReadsNoSeriesAgain() {
        String dentist = graph.personAdds(calendar, "Dentist", Instant.parse("2030-03-05T10:00:00Z"),
                Instant.parse("2030-03-05T11:00:00Z")).path("id").asText();
        String token = graph.provider().listAll(calendar, FROM).nextSyncToken();
        graph.emulator().userDelete(calendar.calendarId(), dentist);
        graph.calls().clear();

        List<SourceEvent> events = ((ListOutcome.Changes) graph.provider().listChanges(calendar, token)).changes()
                .events();

        assertThat(events).extracting(SourceEvent::id).containsExactly(dentist);
        assertThat(graph.calls().calls()).hasSize(2); // the round and the view
    }
}
