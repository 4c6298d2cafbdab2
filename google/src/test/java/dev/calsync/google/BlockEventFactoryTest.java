package dev.calsync.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.services.calendar.model.Event;
import dev.calsync.core.block.BlockBody;
import dev.calsync.core.event.EventTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each field of DESIGN.md's block body, checked on the JSON that goes over the wire. */
class BlockEventFactoryTest {

    private static final Map<String, String> MARKER = Map.of("calsync", "1", "csg", "g1", "css", "abc123",
            "cse", "src1");

    private static JsonNode wire(Event event) throws Exception {
        return new ObjectMapper().readTree(GoogleClients.JSON.toString(event));
    }

    private static BlockBody timedSeries() {
        return new BlockBody("Busy",
                EventTime.at(Instant.parse("2026-03-02T08:00:00Z"), "Europe/Berlin"),
                EventTime.at(Instant.parse("2026-03-02T08:30:00Z"), "Europe/Berlin"),
                List.of("RRULE:FREQ=WEEKLY;BYDAY=MO"), MARKER);
    }

    @Test
    void aGroupsColourIsTheColorIdAndNoColourLeavesItOut() throws Exception {
        java.util.Map<String, String> marker = new java.util.HashMap<>(MARKER);
        marker.put(dev.calsync.core.block.BlockMarker.COLOR, "8");
        BlockBody plain = timedSeries();
        BlockBody coloured = new BlockBody("Busy", plain.start(), plain.end(), plain.recurrence(), marker);

        assertThat(wire(BlockEventFactory.toEvent("csabc", coloured)).path("colorId").asText()).isEqualTo("8");
        assertThat(wire(BlockEventFactory.toEvent("csabc", plain)).has("colorId")).isFalse();
    }

    @Test
    void timedBlockHasTheFullFixedBody() throws Exception {
        JsonNode json = wire(BlockEventFactory.toEvent("csabc", timedSeries()));

        assertThat(json.path("id").asText()).isEqualTo("csabc");
        assertThat(json.path("summary").asText()).isEqualTo("Busy");
        assertThat(Instant.parse(json.path("start").path("dateTime").asText()))
                .isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
        assertThat(json.path("start").path("dateTime").asText()).endsWith("Z");
        assertThat(json.path("start").path("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(Instant.parse(json.path("end").path("dateTime").asText()))
                .isEqualTo(Instant.parse("2026-03-02T08:30:00Z"));
        assertThat(json.path("end").path("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(json.path("start").has("date")).isFalse();
        assertThat(json.path("transparency").asText()).isEqualTo("opaque");
        assertThat(json.path("visibility").asText()).isEqualTo("private");
        assertThat(json.path("status").asText()).isEqualTo("confirmed");
        assertThat(json.path("reminders").path("useDefault").asBoolean(true)).isFalse();
        assertThat(json.path("reminders").path("overrides").isArray()).isTrue();
        assertThat(json.path("reminders").path("overrides")).isEmpty();
        assertThat(json.path("recurrence").get(0).asText()).isEqualTo("RRULE:FREQ=WEEKLY;BYDAY=MO");
        assertThat(json.path("extendedProperties").path("private").path("calsync").asText()).isEqualTo("1");
        assertThat(json.path("extendedProperties").path("private").path("csg").asText()).isEqualTo("g1");
        assertThat(json.path("extendedProperties").path("private").path("css").asText()).isEqualTo("abc123");
        assertThat(json.path("extendedProperties").path("private").path("cse").asText()).isEqualTo("src1");
        assertThat(json.path("extendedProperties").has("shared")).isFalse();
    }

    @Test
    void blockCarriesNoAttendeesDescriptionLocationOrConferenceData() throws Exception {
        JsonNode json = wire(BlockEventFactory.toEvent("csabc", timedSeries()));

        assertThat(json.has("attendees")).isFalse();
        assertThat(json.has("description")).isFalse();
        assertThat(json.has("location")).isFalse();
        assertThat(json.has("conferenceData")).isFalse();
        assertThat(json.has("hangoutLink")).isFalse();
        assertThat(json.has("attachments")).isFalse();
    }

    @Test
    void allDayBlockUsesDatesAndNoDateTime() throws Exception {
        BlockBody body = new BlockBody("Busy", EventTime.on(LocalDate.of(2026, 12, 24)),
                EventTime.on(LocalDate.of(2026, 12, 27)), List.of(), MARKER);

        JsonNode json = wire(BlockEventFactory.toEvent("csday", body));

        assertThat(json.path("start").path("date").asText()).isEqualTo("2026-12-24");
        assertThat(json.path("end").path("date").asText()).isEqualTo("2026-12-27");
        assertThat(json.path("start").has("dateTime")).isFalse();
        assertThat(json.path("start").has("timeZone")).isFalse();
    }

    @Test
    void singleBlockHasNoRecurrenceAndTimedWithoutZoneHasNoTimeZone() throws Exception {
        BlockBody body = new BlockBody("Busy", new EventTime.Timed(Instant.parse("2026-03-02T08:00:00Z"), null),
                new EventTime.Timed(Instant.parse("2026-03-02T09:00:00Z"), null), List.of(), MARKER);

        JsonNode json = wire(BlockEventFactory.toEvent("cssingle", body));

        assertThat(json.has("recurrence")).isFalse();
        assertThat(json.path("start").has("timeZone")).isFalse();
    }

    @Test
    void blockBodySurvivesTheClientsDeepCopy() {
        // The client clones models (batch, retries); immutable maps inside would throw there.
        Event event = BlockEventFactory.toEvent("csabc", timedSeries());

        Event copy = event.clone();

        assertThat(copy).isEqualTo(event);
        assertThat(copy.getExtendedProperties().getPrivate()).isEqualTo(MARKER);
    }

    @Test
    void writtenBlockReadsBackAsTheSameTimesAndContentHash() throws Exception {
        BlockBody body = timedSeries();
        Event event = GoogleClients.JSON.fromString(
                GoogleClients.JSON.toString(BlockEventFactory.toEvent("csabc", body)), Event.class);

        var echo = GoogleEventMapper.toSourceEvent(event).orElseThrow();

        assertThat(echo.start()).isEqualTo(body.start());
        assertThat(echo.end()).isEqualTo(body.end());
        assertThat(BlockBody.contentHashOf(echo)).isEqualTo(body.contentHash());
    }
}
