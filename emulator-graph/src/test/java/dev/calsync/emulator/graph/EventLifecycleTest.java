package dev.calsync.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventLifecycleTest extends GraphFixture {

    @Test
    void createdEventGetsALongOpaqueServerIdAndGraphDefaults() {
        JsonNode e = create(work, timed("Planning", "2030-03-04T09:00:00", "2030-03-04T10:00:00"));
        assertThat(e.path("id").asText()).startsWith("AAMkA").hasSizeGreaterThan(100).matches("[A-Za-z0-9_=-]+");
        assertThat(e.path("type").asText()).isEqualTo("singleInstance");
        assertThat(e.path("showAs").asText()).isEqualTo("busy");
        assertThat(e.path("sensitivity").asText()).isEqualTo("normal");
        assertThat(e.path("isReminderOn").asBoolean()).isTrue();
        assertThat(e.path("responseStatus").path("response").asText()).isEqualTo("organizer");
        assertThat(e.path("start").path("dateTime").asText()).isEqualTo("2030-03-04T09:00:00.0000000");
        assertThat(e.path("start").path("timeZone").asText()).isEqualTo("UTC");
        assertThat(e.path("iCalUId").asText()).startsWith("040000008200E00074C5B7101A82E008");
        assertThat(e.path("@odata.etag").asText()).startsWith("W/\"");
    }

    @Test
    void eventCreatedByDefaultCalendarPathLandsInTheDefaultCalendar() {
        GraphClient.Answer a = alice.post("me/events", timed("Default", "2030-03-04T09:00:00", "2030-03-04T10:00:00"));
        assertThat(a.status()).isEqualTo(201);
        String id = a.json().path("id").asText();
        assertThat(alice.get("me/calendars/" + work + "/events/" + id).status()).isEqualTo(200);
        assertThat(alice.get("me/calendars/" + side + "/events/" + id).errorCode()).isEqualTo("ErrorItemNotFound");
    }

    @Test
    void localTimeWithAWindowsOrIanaZoneIsShownInUtcOrInThePreferredZone() {
        var event = GraphClient.json("{'subject':'Berlin','start':{'dateTime':'2030-07-01T09:00:00','timeZone':'W. Europe Standard Time'},"
                + "'end':{'dateTime':'2030-07-01T10:00:00','timeZone':'Europe/Berlin'}}");
        JsonNode e = create(work, event);
        assertThat(e.path("start").path("dateTime").asText()).isEqualTo("2030-07-01T07:00:00.0000000");
        assertThat(e.path("originalStartTimeZone").asText()).isEqualTo("W. Europe Standard Time");
        GraphClient.Answer pacific = alice.prefer("outlook.timezone=\"Pacific Standard Time\"").get("me/events/" + e.path("id").asText());
        assertThat(pacific.json().path("start").path("dateTime").asText()).isEqualTo("2030-07-01T00:00:00.0000000");
        assertThat(pacific.json().path("start").path("timeZone").asText()).isEqualTo("Pacific Standard Time");
        assertThat(pacific.header("Preference-Applied")).contains("outlook.timezone");
    }

    @Test
    void unknownTimeZoneIsRefused() {
        var event = GraphClient.json("{'start':{'dateTime':'2030-07-01T09:00:00','timeZone':'Mars/Olympus'},"
                + "'end':{'dateTime':'2030-07-01T10:00:00','timeZone':'UTC'}}");
        GraphClient.Answer a = alice.post("me/calendars/" + work + "/events", event);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errorCode()).isEqualTo("TimeZoneNotSupportedException");
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndRenewsTheChangeKey() {
        JsonNode e = create(work, timed("Planning", "2030-03-04T09:00:00", "2030-03-04T10:00:00"));
        String id = e.path("id").asText();
        GraphClient.Answer a = alice.patch("me/events/" + id, GraphClient.json("{'showAs':'tentative','sensitivity':'private'}"));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("showAs").asText()).isEqualTo("tentative");
        assertThat(a.json().path("subject").asText()).isEqualTo("Planning");
        assertThat(a.json().path("changeKey").asText()).isNotEqualTo(e.path("changeKey").asText());
        assertThat(alice.get("me/calendars/" + work + "/events/" + id).json().path("sensitivity").asText()).isEqualTo("private");
    }

    @Test
    void invalidShowAsIsRefused() {
        JsonNode e = create(work, timed("Planning", "2030-03-04T09:00:00", "2030-03-04T10:00:00"));
        GraphClient.Answer a = alice.patch("me/events/" + e.path("id").asText(), GraphClient.json("{'showAs':'sleeping'}"));
        assertThat(a.status()).isEqualTo(400);
        assertThat(alice.get("me/events/" + e.path("id").asText()).json().path("showAs").asText()).isEqualTo("busy");
    }

    @Test
    void deletedEventIsGoneAndDeletingAnUnknownIdIs404ErrorItemNotFound() {
        String id = create(work, timed("Planning", "2030-03-04T09:00:00", "2030-03-04T10:00:00")).path("id").asText();
        assertThat(alice.delete("me/events/" + id).status()).isEqualTo(204);
        GraphClient.Answer again = alice.delete("me/events/" + id);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo("ErrorItemNotFound");
        assertThat(alice.get("me/events/" + id).status()).isEqualTo(404);
    }

    @Test
    void textThatIsNoEventIdIsMalformed() {
        GraphClient.Answer a = alice.get("me/events/not-an-id");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errorCode()).isEqualTo("ErrorInvalidIdMalformed");
    }

    @Test
    void allDayEventMustRunFromMidnightToMidnight() {
        var notMidnight = GraphClient.json("{'isAllDay':true,'start':{'dateTime':'2030-03-04T09:00:00','timeZone':'UTC'},"
                + "'end':{'dateTime':'2030-03-05T00:00:00','timeZone':'UTC'}}");
        assertThat(alice.post("me/calendars/" + work + "/events", notMidnight).status()).isEqualTo(400);
        var allDay = GraphClient.json("{'isAllDay':true,'subject':'Offsite','start':{'dateTime':'2030-03-04T00:00:00','timeZone':'Europe/Berlin'},"
                + "'end':{'dateTime':'2030-03-06T00:00:00','timeZone':'Europe/Berlin'}}");
        JsonNode e = create(work, allDay);
        assertThat(e.path("isAllDay").asBoolean()).isTrue();
        assertThat(e.path("start").path("dateTime").asText()).isEqualTo("2030-03-04T00:00:00.0000000");
    }

    @Test
    void extendedPropertyIsWrittenAndReadBackOnlyWhenExpanded() {
        var event = timed("Busy", "2030-03-04T09:00:00", "2030-03-04T10:00:00");
        event.putArray("singleValueExtendedProperties").addObject().put("id", MARKER).put("value", "block-1");
        String id = create(work, event).path("id").asText();
        assertThat(alice.get("me/events/" + id).json().has("singleValueExtendedProperties")).isFalse();
        GraphClient.Answer expanded = alice.get("me/events/" + id + "?$expand=singleValueExtendedProperties($filter=id%20eq%20'"
                + MARKER.replace(" ", "%20").replace("{", "%7B").replace("}", "%7D") + "')");
        assertThat(expanded.json().path("singleValueExtendedProperties").get(0).path("value").asText()).isEqualTo("block-1");
    }

    @Test
    void eventOfOneCalendarIsNotFoundThroughAnother() {
        String id = create(side, timed("Side", "2030-03-04T09:00:00", "2030-03-04T10:00:00")).path("id").asText();
        assertThat(alice.get("me/calendars/" + work + "/events/" + id).status()).isEqualTo(404);
        assertThat(alice.get("me/calendars/" + side + "/events/" + id).status()).isEqualTo(200);
        assertThat(alice.get("me/events/" + id).status()).isEqualTo(200);
    }
}
