package dev.calsync.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.recurrence.LibRecurRecurrences;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Series that cannot be trusted as lines are read as Graph lists them, one occurrence at a time. */
class SeriesReadsTest {
    private static final Instant FROM = Instant.parse("2030-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2030-04-01T00:00:00Z");
    private final SeriesReads reads = new SeriesReads(new LibRecurRecurrences());

    private static ObjectNode master(String zone, String daysOfWeek) {
        return GraphEventJson.json("{'id':'M','type':'seriesMaster','subject':'Standup','isAllDay':false,"
                + "'originalStartTimeZone':'" + zone + "','originalEndTimeZone':'" + zone + "',"
                + "'start':{'dateTime':'2030-03-04T08:00:00.0000000','timeZone':'UTC'},"
                + "'end':{'dateTime':'2030-03-04T08:30:00.0000000','timeZone':'UTC'},"
                + "'recurrence':{'pattern':{'type':'weekly','interval':1,'daysOfWeek':[" + daysOfWeek + "],"
                + "'firstDayOfWeek':'sunday','index':'first','month':0,'dayOfMonth':0},"
                + "'range':{'type':'numbered','startDate':'2030-03-04','numberOfOccurrences':2,"
                + "'recurrenceTimeZone':'" + zone + "'}}}");
    }

    private static JsonNode occurrence(String id, String originalStart) {
        return GraphEventJson.json("{'id':'" + id + "','type':'occurrence','seriesMasterId':'M','subject':'Standup',"
                + "'originalStart':'" + originalStart + "','originalStartTimeZone':'Customized Time Zone',"
                + "'start':{'dateTime':'" + originalStart.replace("Z", "") + "','timeZone':'UTC'},"
                + "'end':{'dateTime':'" + originalStart.replace("00:00Z", "30:00") + "','timeZone':'UTC'}}");
    }

    @Test
    void aSeriesInAZoneOfOutlooksOwnIsReadOccurrenceByOccurrenceAndItsMasterCancelled() throws Exception {
        List<JsonNode> listed = List.of(occurrence("O1", "2030-03-04T08:00:00Z"), occurrence("O2", "2030-03-11T08:00:00Z"));

        List<SourceEvent> events = reads.read(master("Customized Time Zone", "'monday'"), listed, FROM, TO);

        assertThat(events).filteredOn(SourceEvent::cancelled).extracting(SourceEvent::id).containsExactly("M");
        assertThat(events).filteredOn(e -> !e.cancelled()).allSatisfy(e -> {
            assertThat(e.isSeries()).isFalse();
            assertThat(e.isException()).isFalse();
        }).extracting(SourceEvent::id).containsExactly("O1", "O2");
    }

    @Test
    void anOccurrenceTheLinesDoNotPlaceMeansTheLinesAreNotTrustedAndGraphsListWins() throws Exception {
        // Graph lists a Tuesday occurrence the weekly-on-Monday pattern cannot produce.
        List<JsonNode> listed = List.of(occurrence("O1", "2030-03-04T08:00:00Z"), occurrence("O2", "2030-03-12T08:00:00Z"));

        List<SourceEvent> events = reads.read(master("UTC", "'monday'"), listed, FROM, TO);

        assertThat(events).filteredOn(e -> !e.cancelled()).extracting(SourceEvent::id).containsExactly("O1", "O2");
    }

    @Test
    void aSeriesGraphListsInFullIsOneMasterWithoutCancellations() throws Exception {
        List<JsonNode> listed = List.of(occurrence("O1", "2030-03-04T08:00:00Z"), occurrence("O2", "2030-03-11T08:00:00Z"));

        List<SourceEvent> events = reads.read(master("UTC", "'monday'"), listed, FROM, TO);

        assertThat(events).singleElement().satisfies(series -> {
            assertThat(series.id()).isEqualTo("M");
            assertThat(series.recurrence()).containsExactly("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=2");
        });
    }
}
