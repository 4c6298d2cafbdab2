package dev.calsync.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockHandle;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.InsertOutcome;
import dev.calsync.emulator.graph.FaultScope;
import dev.calsync.emulator.graph.FaultType;
import dev.calsync.emulator.graph.store.MailboxSettingsAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A group's colour on Outlook: the block carries calsync's category, which the mailbox's master list colours; the
 * category is made once per mailbox, used as it is where it exists, and where the mailbox allows no category the
 * block is written without one and the reason reported. The category takes part in the echo check.
 */
class BlockColoursTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final String TOMATO = "calsync: Busy (Tomato)";
    private final GraphFixture graph = GraphFixture.start();

    @AfterEach
    void stop() {
        graph.close();
    }

    private static BlockBody block(Instant start, Integer color) {
        Map<String, String> marker = new HashMap<>(BlockMarker.of("g1", new CalendarRef("bob", "work"), "evt-1")
                .properties());
        if (color != null) {
            marker.put(BlockMarker.COLOR, color.toString());
        }
        return new BlockBody("Busy", EventTime.at(start, "UTC"), EventTime.at(start.plusSeconds(3600), "UTC"),
                List.of(), marker);
    }

    private BlockHandle insert(CalendarRef calendar, String key, BlockBody body) {
        return ((InsertOutcome.Created) graph.provider().insert(calendar, key, body)).block();
    }

    private List<String> categoriesOf(CalendarRef calendar, BlockHandle block) {
        List<String> names = new ArrayList<>();
        graph.emulator().userGet(calendar.calendarId(), block.providerId()).path("categories")
                .forEach(name -> names.add(name.asText()));
        return names;
    }

    private List<String> masterList() {
        return graph.emulator().masterCategories(GraphFixture.ACCOUNT).list().stream()
                .map(c -> c.path("displayName").asText() + "=" + c.path("color").asText()).toList();
    }

    private SourceEvent readBack(CalendarRef calendar) {
        return graph.provider().listAll(calendar, START.minus(Duration.ofDays(1))).events().stream()
                .filter(e -> !e.cancelled()).findFirst().orElseThrow();
    }

    private long mailboxCalls() {
        return graph.calls().calls().stream().filter(c -> c.calendar().calendarId().equals("*")).count();
    }

    @Test
    void aColouredBlockCarriesItsCategoryWhichIsAddedToTheMasterListOnce() {
        CalendarRef work = graph.newCalendar();
        CalendarRef side = graph.newCalendar();

        BlockHandle first = insert(work, "cscolour001", block(START, 11));
        BlockHandle second = insert(side, "cscolour002", block(START.plusSeconds(7200), 11));

        assertThat(categoriesOf(work, first)).containsExactly(TOMATO);
        assertThat(categoriesOf(side, second)).containsExactly(TOMATO);
        assertThat(masterList()).containsExactly(TOMATO + "=preset0");
        assertThat(mailboxCalls()).as("one read of the list and one create, for both calendars").isEqualTo(2);
        assertThat(graph.provider().blockColourProblem(GraphFixture.ACCOUNT)).isEmpty();
    }

    @Test
    void everyPaletteColourHasACategoryOfItsOwnInADifferentPreset() {
        CalendarRef calendar = graph.newCalendar();

        for (int color = 1; color <= 11; color++) {
            insert(calendar, "cspalette" + color, block(START.plus(Duration.ofDays(color)), color));
        }

        assertThat(masterList()).hasSize(11).contains("calsync: Busy (Lavender)=preset8",
                "calsync: Busy (Graphite)=preset12", "calsync: Busy (Basil)=preset19");
        assertThat(masterList().stream().map(c -> c.substring(c.indexOf('='))).distinct()).hasSize(11);
    }

    @Test
    void aCategoryThatExistsIsUsedAsItIsInTheColourThePersonGaveIt() {
        graph.emulator().masterCategories(GraphFixture.ACCOUNT).create(GraphEventJson.json(
                "{'displayName':'CALSYNC: busy (tomato)','color':'preset4'}"));
        CalendarRef calendar = graph.newCalendar();

        BlockHandle block = insert(calendar, "cscolour003", block(START, 11));

        assertThat(categoriesOf(calendar, block)).containsExactly("CALSYNC: busy (tomato)");
        assertThat(masterList()).containsExactly("CALSYNC: busy (tomato)=preset4");
        assertThat(graph.emulator().counters().forMailbox(GraphFixture.ACCOUNT,
                dev.calsync.emulator.graph.CallKind.CREATE_CATEGORY)).isZero();
    }

    @Test
    void aCategoryMadeMeanwhileIsAConflictSettledByReadingTheListAgain() {
        CalendarRef calendar = graph.newCalendar();
        insert(calendar, "cscolour004", block(START, 2)); // reads the list (no tomato yet) and adds sage
        graph.emulator().masterCategories(GraphFixture.ACCOUNT).create(GraphEventJson.json(
                "{'displayName':'" + TOMATO + "','color':'preset15'}"));

        BlockHandle block = insert(calendar, "cscolour005", block(START.plusSeconds(7200), 11));

        assertThat(categoriesOf(calendar, block)).containsExactly(TOMATO);
        assertThat(masterList()).containsExactly("calsync: Busy (Sage)=preset4", TOMATO + "=preset15");
        assertThat(graph.calls().calls()).filteredOn(c -> c.calendar().calendarId().equals("*"))
                .extracting(RecordingCallListener.Call::outcome).containsExactly("ok", "ok", "409", "ok");
    }

    @Test
    void aLostAnswerToTheCategoryPostMakesNoSecondCategory() {
        CalendarRef calendar = graph.newCalendar();
        graph.emulator().faults().failNext(1, FaultType.LOST_RESPONSE_CLOSE,
                FaultScope.of(dev.calsync.emulator.graph.CallKind.CREATE_CATEGORY));

        BlockHandle block = insert(calendar, "cscolour006", block(START, 11));

        assertThat(categoriesOf(calendar, block)).containsExactly(TOMATO);
        assertThat(masterList()).containsExactly(TOMATO + "=preset0");
    }

    @Test
    void withoutMailboxSettingsTheBlockIsWrittenUncolouredTheReasonReportedAndItsEchoEqual() {
        graph.emulator().masterCategories(GraphFixture.ACCOUNT).setAccess(MailboxSettingsAccess.NONE);
        CalendarRef calendar = graph.newCalendar();
        BlockBody body = block(START, 11);

        BlockHandle block = insert(calendar, "cscolour007", body);
        insert(calendar, "cscolour008", block(START.plusSeconds(7200), 11));

        assertThat(categoriesOf(calendar, block)).isEmpty();
        assertThat(graph.provider().blockColourProblem(GraphFixture.ACCOUNT)).hasValueSatisfying(problem ->
                assertThat(problem).contains("403", "ErrorAccessDenied", "MailboxSettings.Read", "without colour"));
        assertThat(mailboxCalls()).as("the refusal is believed for a day: one call").isEqualTo(1);
        SourceEvent echo = graph.provider().listAll(calendar, START.minus(Duration.ofDays(1))).events().stream()
                .filter(e -> e.id().equals(block.providerId())).findFirst().orElseThrow();
        assertThat(BlockBody.contentHashOf(echo)).as("not a hand edit").isEqualTo(body.contentHash());
    }

    @Test
    void aGrantThatMayOnlyReadTheListUsesTheCategoriesThereButAddsNone() {
        graph.emulator().masterCategories(GraphFixture.ACCOUNT).create(GraphEventJson.json(
                "{'displayName':'calsync: Busy (Peacock)','color':'preset7'}"));
        graph.emulator().masterCategories(GraphFixture.ACCOUNT).setAccess(MailboxSettingsAccess.READ);
        CalendarRef calendar = graph.newCalendar();

        BlockHandle peacock = insert(calendar, "cscolour009", block(START, 7));
        BlockHandle tomato = insert(calendar, "cscolour010", block(START.plusSeconds(7200), 11));

        assertThat(categoriesOf(calendar, peacock)).containsExactly("calsync: Busy (Peacock)");
        assertThat(categoriesOf(calendar, tomato)).isEmpty();
        assertThat(graph.provider().blockColourProblem(GraphFixture.ACCOUNT)).hasValueSatisfying(problem ->
                assertThat(problem).contains("403", "MailboxSettings.ReadWrite"));
    }

    @Test
    void aColouredBlocksEchoEqualsItsBodyUntilAPersonTakesTheCategoryAway() {
        CalendarRef calendar = graph.newCalendar();
        BlockBody body = block(START, 11);
        BlockHandle block = insert(calendar, "cscolour011", body);
        assertThat(BlockBody.contentHashOf(readBack(calendar))).isEqualTo(body.contentHash());

        graph.emulator().userPatch(calendar.calendarId(), block.providerId(),
                GraphEventJson.json("{'categories':['Red category']}"));

        assertThat(BlockBody.contentHashOf(readBack(calendar))).as("a hand edit").isNotEqualTo(body.contentHash());
    }

    @Test
    void anUpdateChangesTheCategoryWithTheColourAndDropsItWithoutOne() {
        CalendarRef calendar = graph.newCalendar();
        BlockHandle block = insert(calendar, "cscolour012", block(START, 11));
        graph.emulator().userPatch(calendar.calendarId(), block.providerId(),
                GraphEventJson.json("{'categories':['" + TOMATO + "','Personal']}"));

        graph.provider().update(calendar, block, block(START, 7));
        assertThat(categoriesOf(calendar, block)).containsExactly("calsync: Busy (Peacock)");
        assertThat(BlockBody.contentHashOf(readBack(calendar))).isEqualTo(block(START, 7).contentHash());

        graph.provider().update(calendar, block, block(START, null));
        assertThat(categoriesOf(calendar, block)).isEmpty();
        assertThat(BlockBody.contentHashOf(readBack(calendar))).isEqualTo(block(START, null).contentHash());
    }

    @Test
    void theOccurrencesOfAColouredBlockSeriesCarryItsCategoryAndEchoEqual() {
        CalendarRef calendar = graph.newCalendar();
        Map<String, String> marker = new HashMap<>(block(START, 5).marker());
        BlockBody weekly = new BlockBody("Busy", EventTime.at(START, "Europe/Berlin"),
                EventTime.at(START.plusSeconds(3600), "Europe/Berlin"), List.of("RRULE:FREQ=WEEKLY;COUNT=3"), marker);

        insert(calendar, "cscolour013", weekly);

        List<ObjectNode> view = graph.emulator().userCalendarView(calendar.calendarId(), START.minus(Duration.ofDays(1)),
                START.plus(Duration.ofDays(30)));
        assertThat(view).hasSize(3).allSatisfy(occurrence -> assertThat(occurrence.path("categories"))
                .extracting(JsonNode::asText).containsExactly("calsync: Busy (Banana)"));
        assertThat(graph.provider().listAll(calendar, START.minus(Duration.ofDays(1))).events())
                .filteredOn(SourceEvent::isSeries).singleElement()
                .satisfies(series -> assertThat(BlockBody.contentHashOf(series)).isEqualTo(weekly.contentHash()));
    }
}
