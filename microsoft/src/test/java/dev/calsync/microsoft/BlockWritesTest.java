package dev.calsync.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockHandle;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.InsertOutcome;
import dev.calsync.core.provider.UpdateOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Block writes: the fixed form, create-once under lost answers, hand edits overwritten. */
class BlockWritesTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Map<String, String> MARKER = BlockMarker.of("g1", new CalendarRef("bob", "work"), "evt-1")
            .properties();
    private final GraphFixture graph = GraphFixture.start();

    @AfterEach
    void stop() {
        graph.close();
    }

    private static BlockBody block(Instant start, String zone) {
        return new BlockBody("Busy", EventTime.at(start, zone), EventTime.at(start.plusSeconds(3600), zone), List.of(),
                MARKER);
    }

    private List<ObjectNode> eventsOf(CalendarRef calendar) {
        return graph.emulator().userCalendarView(calendar.calendarId(), START.minus(Duration.ofDays(10)),
                START.plus(Duration.ofDays(10)));
    }

    @Test
    void aBlockIsPrivateBusyWithoutReminderBodyLocationOrAttendees() {
        CalendarRef calendar = graph.newCalendar();

        InsertOutcome outcome = graph.provider().insert(calendar, "csblock0001", block(START, "Europe/Berlin"));

        String id = ((InsertOutcome.Created) outcome).block().providerId();
        ObjectNode event = graph.emulator().userGet(calendar.calendarId(), id);
        assertThat(event.path("subject").asText()).isEqualTo("Busy");
        assertThat(event.path("sensitivity").asText()).isEqualTo("private");
        assertThat(event.path("showAs").asText()).isEqualTo("busy");
        assertThat(event.path("isReminderOn").asBoolean()).isFalse();
        assertThat(event.path("body").path("content").asText()).isEmpty();
        assertThat(event.path("location").path("displayName").asText()).isEmpty();
        assertThat(event.path("attendees")).isEmpty();
        assertThat(event.path("transactionId").asText()).isEqualTo("calsync-csblock0001");
        assertThat(((InsertOutcome.Created) outcome).block().etag()).isNotBlank();
    }

    @Test
    void aLostAnswerToThePostMakesNoSecondBlock() {
        CalendarRef calendar = graph.newCalendar();
        graph.emulator().faults().loseResponsesOfNextWrites(1, true);

        InsertOutcome outcome = graph.provider().insert(calendar, "csblock0002", block(START, "UTC"));

        assertThat(outcome).isInstanceOf(InsertOutcome.Created.class);
        assertThat(eventsOf(calendar)).extracting(e -> e.path("id").asText())
                .containsExactly(((InsertOutcome.Created) outcome).block().providerId());
        // The retry was settled by a look-up of the marker, not by a second POST.
        assertThat(graph.calls().count(CallKind.INSERT)).isEqualTo(1);
    }

    @Test
    void aPostAppliedButAnswered503MakesNoSecondBlock() {
        CalendarRef calendar = graph.newCalendar();
        graph.emulator().faults().loseResponsesOfNextWrites(1, false);

        InsertOutcome outcome = graph.provider().insert(calendar, "csblock0003", block(START, "UTC"));

        assertThat(outcome).isInstanceOf(InsertOutcome.Created.class);
        assertThat(eventsOf(calendar)).hasSize(1);
        assertThat(graph.calls().calls()).extracting(RecordingCallListener.Call::outcome)
                .containsExactly("ok", "503", "ok"); // look-up, the lost POST, the look-up that found it
    }

    @Test
    void theSameKeyInsertedAgainWithOtherTimesIsTheBlockThatExists() {
        CalendarRef calendar = graph.newCalendar();
        BlockHandle first = ((InsertOutcome.Created) graph.provider().insert(calendar, "csblock0004",
                block(START, "UTC"))).block();

        InsertOutcome again = graph.provider().insert(calendar, "csblock0004", block(START.plusSeconds(600), "UTC"));

        assertThat(again).isEqualTo(new InsertOutcome.AlreadyExists(first));
        assertThat(eventsOf(calendar)).hasSize(1);
    }

    @Test
    void anUpdateOverwritesWhatAPersonAddedAndKeepsTheId() {
        CalendarRef calendar = graph.newCalendar();
        BlockHandle block = ((InsertOutcome.Created) graph.provider().insert(calendar, "csblock0005",
                block(START, "UTC"))).block();
        graph.emulator().userPatch(calendar.calendarId(), block.providerId(), GraphEventJson.json(
                "{'subject':'Lunch?','isReminderOn':true,'body':{'contentType':'text','content':'bring notes'},"
                        + "'location':{'displayName':'Room 4'}}"));

        UpdateOutcome outcome = graph.provider().update(calendar, block, block(START.plusSeconds(7200), "UTC"));

        ObjectNode event = graph.emulator().userGet(calendar.calendarId(), block.providerId());
        assertThat(((UpdateOutcome.Updated) outcome).block().providerId()).isEqualTo(block.providerId());
        assertThat(event.path("subject").asText()).isEqualTo("Busy");
        assertThat(event.path("isReminderOn").asBoolean()).isFalse();
        assertThat(event.path("body").path("content").asText()).isEmpty();
        assertThat(event.path("location").path("displayName").asText()).isEmpty();
        assertThat(event.path("start").path("dateTime").asText()).startsWith("2026-03-02T11:00:00");
    }

    @Test
    void aBlockWrittenInAZoneReadsBackWithThatZoneAndTheSameContentHash() {
        CalendarRef calendar = graph.newCalendar();
        BlockBody berlin = block(START, "Europe/Berlin");
        BlockBody noZone = new BlockBody("Busy", EventTime.at(START.plusSeconds(86_400), null),
                EventTime.at(START.plusSeconds(90_000), null), List.of(), MARKER);
        graph.provider().insert(calendar, "csblock0006", berlin);
        graph.provider().insert(calendar, "csblock0007", noZone);

        var listed = graph.provider().listAll(calendar, START.minus(Duration.ofDays(1))).events();

        assertThat(listed).extracting(BlockBody::contentHashOf)
                .containsExactlyInAnyOrder(berlin.contentHash(), noZone.contentHash());
    }
}
