package dev.calsync.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.Window;
import dev.calsync.core.rules.BlockColor;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.core.testkit.InMemorySyncStore;
import dev.calsync.recurrence.LibRecurRecurrences;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Core's engine on two Graph calendars: blocks are written once, their echoes (read without markers by delta)
 * cost nothing and are never mirrored back, and series keep their moved and deleted occurrences.
 */
class SyncEngineOnGraphTest {
    private static final Instant NOW = Instant.parse("2030-03-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final GraphFixture graph = GraphFixture.start(GraphFixture.defaults().clock(CLOCK).horizon(Duration.ofDays(30)));
    private final InMemorySyncStore store = new InMemorySyncStore();
    private CalendarRef work;
    private CalendarRef side;
    private SyncGroup group;
    private SyncEngine engine;

    @BeforeEach
    void group() {
        work = graph.newCalendar();
        side = graph.newCalendar();
        group = new SyncGroup("alice", "alice", "Busy", new Window(7, 30), null, null, List.of(work, side));
        store.saveGroup(group);
        engine = new SyncEngine(graph.provider(), store, new LibRecurRecurrences(), CLOCK, "test", Duration.ofMinutes(1));
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    private GroupReport poll() {
        GroupReport report = engine.sync(group, SyncRequest.poll());
        assertThat(report.outcome()).isEqualTo(GroupReport.Outcome.SYNCED);
        return report;
    }

    private List<ObjectNode> eventsOn(CalendarRef calendar) {
        return graph.emulator().userCalendarView(calendar.calendarId(), NOW.minus(Duration.ofDays(7)),
                NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void aSingleEventIsMirroredOnceAndItsEchoCostsNothing() {
        String dentist = graph.personAdds(work, "Dentist", NOW.plus(Duration.ofDays(3)),
                NOW.plus(Duration.ofDays(3)).plusSeconds(3600)).path("id").asText();

        GroupReport first = poll();
        GroupReport echo = poll();

        assertThat(first.inserted()).isEqualTo(1);
        assertThat(echo.writes()).isZero();
        assertThat(eventsOn(side)).extracting(e -> e.path("subject").asText()).containsExactly("Busy");
        assertThat(eventsOn(work)).extracting(e -> e.path("id").asText()).containsExactly(dentist);

        graph.emulator().userPatch(work.calendarId(), dentist, GraphEventJson.timed("Dentist",
                NOW.plus(Duration.ofDays(4)), NOW.plus(Duration.ofDays(4)).plusSeconds(3600)));
        assertThat(poll().updated()).isEqualTo(1);
        assertThat(poll().writes()).isZero();
        assertThat(eventsOn(side)).singleElement().satisfies(block ->
                assertThat(block.path("start").path("dateTime").asText()).startsWith("2030-03-05T00:00:00"));

        graph.emulator().userDelete(work.calendarId(), dentist);
        assertThat(poll().deleted()).isEqualTo(1);
        assertThat(poll().writes()).isZero();
        assertThat(eventsOn(side)).isEmpty();
    }

    @Test
    void aSeriesWithAMovedAndADeletedOccurrenceBecomesOneBlockSeriesThatStaysQuiet() {
        ObjectNode standup = GraphEventJson.json("{'subject':'Standup',"
                + "'start':{'dateTime':'2030-03-04T09:00:00','timeZone':'W. Europe Standard Time'},"
                + "'end':{'dateTime':'2030-03-04T09:30:00','timeZone':'W. Europe Standard Time'},"
                + "'recurrence':{'pattern':{'type':'weekly','interval':1,'daysOfWeek':['monday','wednesday'],"
                + "'firstDayOfWeek':'monday'},'range':{'type':'numbered','startDate':'2030-03-04','numberOfOccurrences':8}}}");
        String series = graph.emulator().userCreate(work.calendarId(), standup).path("id").asText();
        graph.emulator().userPatch(work.calendarId(), graph.emulator().userOccurrenceId(work.calendarId(), series, 1),
                GraphEventJson.json("{'start':{'dateTime':'2030-03-06T11:00:00','timeZone':'Europe/Berlin'},"
                        + "'end':{'dateTime':'2030-03-06T11:30:00','timeZone':'Europe/Berlin'}}"));
        graph.emulator().userDelete(work.calendarId(), graph.emulator().userOccurrenceId(work.calendarId(), series, 2));

        poll();
        GroupReport echo = poll();
        GroupReport reconcile = engine.sync(group, SyncRequest.fullReconcile());

        List<ObjectNode> blocks = eventsOn(side);
        assertThat(blocks).hasSize(7).allSatisfy(block -> {
            assertThat(block.path("subject").asText()).isEqualTo("Busy");
            assertThat(block.path("seriesMasterId").asText()).isNotBlank();
        });
        assertThat(blocks).extracting(b -> b.path("start").path("dateTime").asText().substring(0, 16))
                .contains("2030-03-06T10:00").doesNotContain("2030-03-11T08:00", "2030-03-06T08:00");
        assertThat(echo.writes()).isZero();
        assertThat(reconcile.writes()).isZero();
        assertThat(eventsOn(work)).noneSatisfy(event -> assertThat(event.path("subject").asText()).isEqualTo("Busy"));
        assertThat(store.blocks(group.id())).filteredOn(row -> row.occurrence() == null).singleElement()
                .satisfies(row -> assertThat(row.providerId()).isEqualTo(blocks.get(0).path("seriesMasterId").asText()));
    }

    @Test
    void aGroupsColourGivesTheBlockItsCategoryAndAColourChangeRewritesItOnce() {
        group = group.withRules(group.rules().withColor(new BlockColor(11)));
        store.saveGroup(group);
        graph.personAdds(work, "Dentist", NOW.plus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(3)).plusSeconds(3600));

        assertThat(poll().inserted()).isEqualTo(1);
        assertThat(poll().writes()).as("the echo of a coloured block").isZero();
        assertThat(eventsOn(side)).singleElement().satisfies(block -> assertThat(block.path("categories"))
                .extracting(JsonNode::asText).containsExactly("calsync: Busy (Tomato)"));
        assertThat(graph.emulator().masterCategories(GraphFixture.ACCOUNT).find("calsync: Busy (Tomato)")
                .path("color").asText()).isEqualTo("preset0");

        group = group.withRules(group.rules().withColor(new BlockColor(7)));
        store.saveGroup(group);
        GroupReport recoloured = poll();
        GroupReport after = poll();

        assertThat(recoloured.updated()).as(recoloured.toString()).isEqualTo(1);
        assertThat(recoloured.writes()).isEqualTo(1);
        assertThat(after.writes()).isZero();
        assertThat(after.handEdits()).isZero();
        assertThat(eventsOn(side)).singleElement().satisfies(block -> assertThat(block.path("categories"))
                .extracting(JsonNode::asText).containsExactly("calsync: Busy (Peacock)"));
        assertThat(eventsOn(work)).extracting(e -> e.path("subject").asText()).containsExactly("Dentist");

        // A person takes the category off the block: a hand edit, which the group's policy (restore) puts back.
        String blockId = eventsOn(side).get(0).path("id").asText();
        graph.emulator().userPatch(side.calendarId(), blockId, GraphEventJson.json("{'categories':[]}"));
        GroupReport restored = poll();
        assertThat(restored.handEdits()).isEqualTo(1);
        assertThat(eventsOn(side)).singleElement().satisfies(block -> assertThat(block.path("categories"))
                .extracting(JsonNode::asText).containsExactly("calsync: Busy (Peacock)"));
        assertThat(poll().writes()).isZero();
    }

    @Test
    void aQuietPollCostsOneDeltaCallPerCalendar() {
        graph.personAdds(work, "Dentist", NOW.plus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(3)).plusSeconds(3600));
        poll();
        poll();
        graph.calls().clear();

        poll();

        assertThat(graph.calls().calls()).extracting(RecordingCallListener.Call::kind)
                .containsExactly(dev.calsync.core.provider.CallKind.LIST, dev.calsync.core.provider.CallKind.LIST);
    }
}
