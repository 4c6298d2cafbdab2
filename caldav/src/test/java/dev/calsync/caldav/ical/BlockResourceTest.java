package dev.calsync.caldav.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.recurrence.LibRecurRecurrences;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BlockResourceTest {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final Map<String, String> MARKER = new BlockMarker("g1", "css0123456789", "evt1").properties();
    static final ReadContext CONTEXT = new ReadContext(Set.of(), "UTC");
    static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    static BlockBody timed(String zone, List<String> recurrence) {
        return new BlockBody("Busy", EventTime.at(START, zone), EventTime.at(START.plusSeconds(3600), zone),
                recurrence, MARKER);
    }

    static List<SourceEvent> readBack(BlockResource resource) throws MalformedResourceException {
        return ResourceEvents.parse("csabc.ics", resource.text(), CONTEXT);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"Europe/Berlin", "UTC", "America/New_York", "Etc/UTC"})
    void aBlockReadsBackWithTheContentHashOfTheBodyItWasWrittenFrom(String zone) throws Exception {
        BlockBody body = timed(zone, List.of());

        List<SourceEvent> events = readBack(BlockResource.fresh("csabc", body, NOW));

        assertThat(events).hasSize(1);
        assertThat(events.get(0).id()).isEqualTo("csabc");
        assertThat(BlockBody.contentHashOf(events.get(0))).isEqualTo(body.contentHash());
        assertThat(events.get(0).privateProperties()).isEqualTo(MARKER);
    }

    @Test
    void aSeriesKeepsItsLinesVerbatimThoughIcal4jReordersTheRule() throws Exception {
        List<String> lines = List.of("RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260301T000000Z",
                "EXDATE;TZID=Europe/Berlin:20260112T090000");
        BlockBody body = timed("Europe/Berlin", lines);
        String text = BlockResource.fresh("csabc", body, NOW).text();

        assertThat(text).contains("RRULE:FREQ=WEEKLY;UNTIL=20260301T000000Z;BYDAY=MO,WE");
        SourceEvent back = ResourceEvents.parse("csabc.ics", text, CONTEXT).get(0);
        assertThat(back.recurrence()).isEqualTo(lines);
        assertThat(BlockBody.contentHashOf(back)).isEqualTo(body.contentHash());
    }

    @Test
    void anAllDayBlockIsWrittenAsDates() throws Exception {
        BlockBody body = new BlockBody("Busy", EventTime.on(LocalDate.of(2026, 3, 1)), EventTime.on(LocalDate.of(2026, 3, 3)),
                List.of("RRULE:FREQ=YEARLY"), MARKER);
        String text = BlockResource.fresh("csabc", body, NOW).text();

        assertThat(text).contains("DTSTART;VALUE=DATE:20260301").contains("DTEND;VALUE=DATE:20260303");
        assertThat(BlockBody.contentHashOf(ResourceEvents.parse("csabc.ics", text, CONTEXT).get(0)))
                .isEqualTo(body.contentHash());
    }

    @Test
    void theBodyHasTheFixedFormAndNothingPrivate() {
        String text = BlockResource.fresh("csabc", timed("Europe/Berlin", List.of()), NOW).text();

        assertThat(text).contains("UID:csabc", "SUMMARY:Busy", "CLASS:PRIVATE", "TRANSP:OPAQUE",
                "X-CALSYNC-CALSYNC:1", "X-CALSYNC-CSG:g1", "X-CALSYNC-CSE:evt1", "BEGIN:VTIMEZONE", "TZID:Europe/Berlin",
                "DTSTART;TZID=Europe/Berlin:20260105T090000");
        assertThat(text).doesNotContain("ical4j");
        assertThat(text.substring(text.indexOf("BEGIN:VEVENT")))
                .doesNotContain("DESCRIPTION", "LOCATION", "ATTENDEE", "ORGANIZER", "VALARM");
    }

    @Test
    void aGroupsColourIsWrittenAsAnRfc7986ColorAndEchoesWithTheSameHash() throws Exception {
        java.util.Map<String, String> marker = new java.util.HashMap<>(timed("UTC", List.of()).marker());
        marker.put(dev.calsync.core.block.BlockMarker.COLOR, "8");
        BlockBody plain = timed("UTC", List.of());
        BlockBody body = new BlockBody(plain.summary(), plain.start(), plain.end(), List.of(), marker);
        String text = BlockResource.fresh("csabc", body, NOW).text();

        assertThat(text).contains("COLOR:gray", "X-CALSYNC-CSC:8");
        assertThat(BlockResource.fresh("csabc", plain, NOW).text()).doesNotContain("COLOR:");
        assertThat(BlockBody.contentHashOf(ResourceEvents.parse("csabc.ics", text, CONTEXT).get(0)))
                .isEqualTo(body.contentHash()).isNotEqualTo(plain.contentHash());
    }

    @Test
    void aRecurrenceLineCannotSmuggleOtherPropertiesIntoABlock() {
        assertThatThrownBy(() -> BlockResource.fresh("csabc",
                timed("UTC", List.of("RRULE:FREQ=DAILY\r\nATTENDEE:mailto:victim@example.com")), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlockResource.fresh("csabc", timed("UTC", List.of("ATTENDEE:mailto:victim@example.com")), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCancelledOccurrenceIsAnExdateAndReadsBackAsACancelledOccurrence() throws Exception {
        BlockResource resource = BlockResource.fresh("csabc", timed("Europe/Berlin", List.of("RRULE:FREQ=WEEKLY;COUNT=5")), NOW);
        EventTime second = EventTime.at(START.plusSeconds(7 * 86400), "Europe/Berlin");

        assertThat(resource.cancelOccurrence(second)).isTrue();
        assertThat(resource.cancelOccurrence(second)).isFalse();

        assertThat(resource.text()).contains("EXDATE;TZID=Europe/Berlin:20260112T090000");
        List<SourceEvent> events = readBack(resource);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).recurrence()).containsExactly("RRULE:FREQ=WEEKLY;COUNT=5");
        SourceEvent cancelled = events.get(1);
        assertThat(cancelled.id()).isEqualTo("csabc_20260112T080000Z");
        assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(cancelled.recurringEventId()).isEqualTo("csabc");
        assertThat(cancelled.originalStartTime().instant()).isEqualTo(second.instant());
    }

    @Test
    void aMovedOccurrenceIsASiblingWithRecurrenceIdAndCanBeResetAgain() throws Exception {
        BlockBody series = timed("Europe/Berlin", List.of("RRULE:FREQ=WEEKLY;COUNT=5"));
        BlockResource resource = BlockResource.fresh("csabc", series, NOW);
        EventTime second = EventTime.at(START.plusSeconds(7 * 86400), "Europe/Berlin");
        BlockBody moved = new BlockBody("Busy", EventTime.at(second.instant().plusSeconds(7200), "Europe/Berlin"),
                EventTime.at(second.instant().plusSeconds(10800), "Europe/Berlin"), List.of(), MARKER);
        resource.cancelOccurrence(second);

        resource.putOccurrence(second, moved, NOW);

        assertThat(resource.text()).contains("RECURRENCE-ID;TZID=Europe/Berlin:20260112T090000").doesNotContain("EXDATE");
        List<SourceEvent> events = readBack(resource);
        assertThat(events).hasSize(2);
        SourceEvent occurrence = events.get(1);
        assertThat(occurrence.id()).isEqualTo("csabc_20260112T080000Z");
        assertThat(occurrence.recurringEventId()).isEqualTo("csabc");
        assertThat(BlockBody.contentHashOf(occurrence)).isEqualTo(moved.contentHash());

        assertThat(resource.resetOccurrence(second)).isTrue();
        assertThat(readBack(resource)).hasSize(1);
    }

    @Test
    void replacingTheMasterKeepsOccurrencesAndCancellations() throws Exception {
        BlockResource resource = BlockResource.fresh("csabc", timed("Europe/Berlin", List.of("RRULE:FREQ=WEEKLY;COUNT=5")), NOW);
        EventTime second = EventTime.at(START.plusSeconds(7 * 86400), "Europe/Berlin");
        resource.cancelOccurrence(second);
        BlockBody longer = timed("Europe/Berlin", List.of("RRULE:FREQ=WEEKLY;COUNT=10"));

        resource.replaceMaster(longer, NOW);

        List<SourceEvent> events = readBack(resource);
        assertThat(BlockBody.contentHashOf(events.get(0))).isEqualTo(longer.contentHash());
        assertThat(events).extracting(SourceEvent::id).containsExactly("csabc", "csabc_20260112T080000Z");
    }

    @Test
    void occurrencesAreThoseOfTheSeries() {
        BlockResource resource = BlockResource.fresh("csabc", timed("Europe/Berlin", List.of("RRULE:FREQ=WEEKLY;COUNT=5")), NOW);
        LibRecurRecurrences recurrences = new LibRecurRecurrences();

        assertThat(resource.hasOccurrence(EventTime.at(START.plusSeconds(7 * 86400), null), recurrences)).isTrue();
        assertThat(resource.hasOccurrence(EventTime.at(START.plusSeconds(86400), null), recurrences)).isFalse();
        assertThat(resource.hasOccurrence(EventTime.at(START.plusSeconds(5 * 7 * 86400), null), recurrences)).isFalse();
    }

    @Test
    void aBlockMovedByHandReadsAsMoved() throws Exception {
        BlockBody body = timed("Europe/Berlin", List.of());
        String moved = BlockResource.fresh("csabc", body, NOW).text()
                .replace("DTSTART;TZID=Europe/Berlin:20260105T090000", "DTSTART;TZID=Europe/Berlin:20260105T093000");

        SourceEvent back = ResourceEvents.parse("csabc.ics", moved, CONTEXT).get(0);

        assertThat(BlockBody.contentHashOf(back)).isNotEqualTo(body.contentHash());
    }

    @Test
    void aSeriesRuleChangedByHandReadsAsChanged() throws Exception {
        BlockBody body = timed("Europe/Berlin", List.of("RRULE:FREQ=WEEKLY;COUNT=5"));
        String changed = BlockResource.fresh("csabc", body, NOW).text().replace("RRULE:FREQ=WEEKLY;COUNT=5", "RRULE:FREQ=WEEKLY;COUNT=3");

        SourceEvent back = ResourceEvents.parse("csabc.ics", changed, CONTEXT).get(0);

        assertThat(back.recurrence()).containsExactly("RRULE:FREQ=WEEKLY;COUNT=3");
        assertThat(BlockBody.contentHashOf(back)).isNotEqualTo(body.contentHash());
    }

    @Test
    void aResourceWithoutTheMarkerIsNeverTakenForABlock() {
        String foreign = BlockResource.fresh("csabc", timed("UTC", List.of()), NOW).text()
                .replace("X-CALSYNC-CALSYNC:1", "X-OTHER:1");

        assertThatThrownBy(() -> BlockResource.parse(foreign)).isInstanceOf(MalformedResourceException.class);
    }

    @Test
    void linesWithCommasSurviveARewriteOfTheResource() throws Exception {
        List<String> lines = List.of("RRULE:FREQ=WEEKLY;COUNT=6", "EXDATE;TZID=Europe/Berlin:20260112T090000,20260119T090000");
        BlockBody body = timed("Europe/Berlin", lines);
        BlockResource fresh = BlockResource.fresh("csabc", body, NOW);
        BlockResource reread = BlockResource.parse(fresh.text());
        reread.replaceMaster(body, NOW);

        for (String text : List.of(fresh.text(), BlockResource.parse(fresh.text()).text(), reread.text())) {
            SourceEvent back = ResourceEvents.parse("csabc.ics", text, CONTEXT).get(0);
            assertThat(back.recurrence()).isEqualTo(lines);
        }
    }
}
