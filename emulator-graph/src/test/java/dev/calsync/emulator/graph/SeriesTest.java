package dev.calsync.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesTest extends GraphFixture {
    private static final String SPRING = "?startDateTime=2030-03-01T00:00:00Z&endDateTime=2030-04-10T00:00:00Z";
    private String seriesId;

    /** Mondays and Wednesdays 09:00-09:30 Berlin, from Monday 4 March 2030, ten occurrences. */
    @BeforeEach
    void weeklySeries() {
        var series = GraphClient.json("{'subject':'Standup',"
                + "'start':{'dateTime':'2030-03-04T09:00:00','timeZone':'Europe/Berlin'},"
                + "'end':{'dateTime':'2030-03-04T09:30:00','timeZone':'Europe/Berlin'},"
                + "'recurrence':{'pattern':{'type':'weekly','interval':1,'daysOfWeek':['monday','wednesday'],'firstDayOfWeek':'monday'},"
                + "'range':{'type':'numbered','startDate':'2030-03-04','numberOfOccurrences':10}}}");
        seriesId = create(work, series).path("id").asText();
    }

    private List<JsonNode> view() { return readAll(alice, "me/calendars/" + work + "/calendarView" + SPRING + "&$top=100").items(); }

    @Test
    void masterCarriesTheRecurrenceWithGraphDefaultsFilledIn() {
        JsonNode master = alice.get("me/events/" + seriesId).json();
        assertThat(master.path("type").asText()).isEqualTo("seriesMaster");
        assertThat(master.path("recurrence").path("pattern").path("daysOfWeek")).hasSize(2);
        assertThat(master.path("recurrence").path("pattern").path("index").asText()).isEqualTo("first");
        assertThat(master.path("recurrence").path("range").path("recurrenceTimeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(master.path("recurrence").path("range").path("numberOfOccurrences").asInt()).isEqualTo(10);
    }

    @Test
    void calendarViewListsOccurrencesWithIdsOfTheirOwnNotTheMaster() {
        List<JsonNode> items = view();
        assertThat(items).hasSize(10);
        Set<String> ids = new HashSet<>();
        for (JsonNode i : items) {
            assertThat(i.path("type").asText()).isEqualTo("occurrence");
            assertThat(i.path("seriesMasterId").asText()).isEqualTo(seriesId);
            assertThat(i.path("recurrence").isNull()).isTrue();
            ids.add(i.path("id").asText());
        }
        assertThat(ids).hasSize(10).doesNotContain(seriesId);
        assertThat(items.get(0).path("start").path("dateTime").asText()).isEqualTo("2030-03-04T08:00:00.0000000");
        assertThat(items.get(1).path("start").path("dateTime").asText()).isEqualTo("2030-03-06T08:00:00.0000000");
        // After the switch to summer time on 31 March, 09:00 Berlin is 07:00 UTC.
        assertThat(items.get(9).path("start").path("dateTime").asText()).isEqualTo("2030-04-03T07:00:00.0000000");
    }

    @Test
    void everyOccurrenceHasAnICalUIdOfItsOwn() {
        Set<String> uids = new HashSet<>();
        view().forEach(i -> uids.add(i.path("iCalUId").asText()));
        assertThat(uids).hasSize(10).doesNotContain(alice.get("me/events/" + seriesId).json().path("iCalUId").asText());
    }

    @Test
    void instancesOfTheMasterAreItsOccurrencesInTheWindow() {
        Pages pages = readAll(alice, "me/events/" + seriesId + "/instances?startDateTime=2030-03-10T00:00:00Z&endDateTime=2030-03-17T00:00:00Z");
        assertThat(pages.items()).hasSize(2);
        assertThat(alice.get("me/events/" + seriesId + "/instances").errorCode()).isEqualTo("ErrorInvalidParameter");
    }

    @Test
    void changedOccurrenceBecomesAnExceptionWithTheSameIdAndTheOthersStay() {
        String third = view().get(2).path("id").asText();
        GraphClient.Answer a = alice.patch("me/events/" + third, GraphClient.json(
                "{'subject':'Standup (late)','start':{'dateTime':'2030-03-11T11:00:00','timeZone':'Europe/Berlin'},"
                        + "'end':{'dateTime':'2030-03-11T11:30:00','timeZone':'Europe/Berlin'}}"));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("id").asText()).isEqualTo(third);
        assertThat(a.json().path("type").asText()).isEqualTo("exception");
        assertThat(a.json().path("originalStart").asText()).isEqualTo("2030-03-11T08:00:00Z");
        List<JsonNode> items = view();
        assertThat(items).hasSize(10);
        assertThat(items.stream().filter(i -> i.path("type").asText().equals("exception")).map(i -> i.path("subject").asText()))
                .containsExactly("Standup (late)");
        assertThat(alice.get("me/events/" + seriesId).json().path("subject").asText()).isEqualTo("Standup");
    }

    @Test
    void deletedOccurrenceLeavesTheSeriesAndIsNotFoundAfterwards() {
        String second = view().get(1).path("id").asText();
        assertThat(alice.delete("me/events/" + second).status()).isEqualTo(204);
        assertThat(view()).hasSize(9).noneMatch(i -> i.path("id").asText().equals(second));
        assertThat(alice.get("me/events/" + second).status()).isEqualTo(404);
        assertThat(alice.delete("me/events/" + second).errorCode()).isEqualTo("ErrorItemNotFound");
    }

    @Test
    void deltaReportsOnlyTheChangedOccurrenceAndTheDeletedOneAsRemoved() {
        String link = readAll(alice, "me/calendars/" + work + "/calendarView/delta" + SPRING).deltaLink();
        List<JsonNode> items = view();
        String changed = items.get(3).path("id").asText();
        String deleted = items.get(4).path("id").asText();
        alice.patch("me/events/" + changed, GraphClient.json("{'showAs':'free'}"));
        alice.delete("me/events/" + deleted);
        Pages next = readAll(alice, link);
        assertThat(next.items()).hasSize(2);
        assertThat(next.removedIds()).containsExactly(deleted);
        assertThat(next.items().get(0).path("id").asText()).isEqualTo(changed);
        assertThat(next.items().get(0).path("type").asText()).isEqualTo("exception");
    }

    @Test
    void deltaListsOccurrencesButNeverTheSeriesMaster() {
        Pages round = readAll(new GraphClient(emulator.graphUrl(), ALICE_TOKEN).prefer("odata.maxpagesize=50"),
                "me/calendars/" + work + "/calendarView/delta" + SPRING);
        assertThat(round.items()).hasSize(10).noneMatch(i -> i.path("type").asText().equals("seriesMaster"));
    }

    @Test
    void changingTheMastersSubjectRepeatsItsOccurrencesInTheNextRound() {
        String link = readAll(alice, "me/calendars/" + work + "/calendarView/delta" + SPRING).deltaLink();
        alice.patch("me/events/" + seriesId, GraphClient.json("{'subject':'Daily'}"));
        Pages next = readAll(alice, link);
        assertThat(next.liveSubjects()).hasSize(10).containsOnly("Daily");
    }

    @Test
    void deletingTheSeriesRemovesEveryOccurrence() {
        String link = readAll(alice, "me/calendars/" + work + "/calendarView/delta" + SPRING).deltaLink();
        List<String> occurrences = view().stream().map(i -> i.path("id").asText()).toList();
        alice.delete("me/events/" + seriesId);
        assertThat(view()).isEmpty();
        assertThat(readAll(alice, link).removedIds()).containsExactlyInAnyOrderElementsOf(occurrences);
    }

    @Test
    void occurrenceCannotGetARecurrenceOfItsOwn() {
        String first = view().get(0).path("id").asText();
        GraphClient.Answer a = alice.patch("me/events/" + first, GraphClient.json(
                "{'recurrence':{'pattern':{'type':'daily','interval':1},'range':{'type':'noEnd','startDate':'2030-03-04'}}}"));
        assertThat(a.status()).isEqualTo(400);
    }

    @Test
    void seriesStartingOffPatternIsMovedToItsFirstOccurrence() {
        var offPattern = GraphClient.json("{'subject':'Fridays',"
                + "'start':{'dateTime':'2030-03-04T15:00:00','timeZone':'UTC'},'end':{'dateTime':'2030-03-04T16:00:00','timeZone':'UTC'},"
                + "'recurrence':{'pattern':{'type':'weekly','interval':1,'daysOfWeek':['friday']},'range':{'type':'noEnd','startDate':'2030-03-04'}}}");
        JsonNode master = create(side, offPattern);
        assertThat(master.path("start").path("dateTime").asText()).isEqualTo("2030-03-08T15:00:00.0000000");
    }
}
