package dev.calsync.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.block.DesiredBlock;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventKind;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.ResponseStatus;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeetingCopiesTest {
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final Instant START = NOW.plusSeconds(86_400);
    static final CalendarRef WORK = new CalendarRef("work", "me@work.example");
    static final CalendarRef HOME = new CalendarRef("home", "me@home.example");
    static final CalendarRef CLIENT = new CalendarRef("client", "me@client.example");
    static final SyncGroup GROUP = new SyncGroup("g", "me", null, null, null, null, List.of(WORK, HOME, CLIENT));

    static SourceEvent copy(String id, String meeting, ResponseStatus response, boolean transparent) {
        return new SourceEvent(id, EventStatus.CONFIRMED, EventTime.at(START, "UTC"),
                EventTime.at(START.plusSeconds(3600), "UTC"), transparent, EventKind.DEFAULT, response, List.of(), null,
                null, "standup", Map.of(), null, meeting);
    }

    static List<DesiredBlock> blocks(Map<CalendarRef, List<SourceEvent>> sources) {
        return MeetingCopies.apply(Projection.of(GROUP, sources, NOW), sources).desired();
    }

    static Map<CalendarRef, List<SourceEvent>> sources(List<SourceEvent> work, List<SourceEvent> home,
                                                       List<SourceEvent> client) {
        Map<CalendarRef, List<SourceEvent>> sources = new LinkedHashMap<>();
        sources.put(WORK, work);
        sources.put(HOME, home);
        sources.put(CLIENT, client);
        return sources;
    }

    @Test
    void aMeetingOnTwoCalendarsGetsNoBlockBesideACopyAndOneBlockElsewhere() {
        List<DesiredBlock> blocks = blocks(sources(List.of(copy("w1", "m@x", null, false)),
                List.of(copy("h1", "m@x", ResponseStatus.ACCEPTED, false)), List.of()));

        assertThat(blocks).extracting(DesiredBlock::target).containsExactly(CLIENT);
    }

    @Test
    void theChosenCopyIsTheSameWhateverOrderTheCalendarsComeIn() {
        Map<CalendarRef, List<SourceEvent>> forwards = sources(List.of(copy("w1", "m@x", null, false)),
                List.of(copy("h1", "m@x", null, false)), List.of());
        Map<CalendarRef, List<SourceEvent>> backwards = new LinkedHashMap<>();
        backwards.put(CLIENT, List.of());
        backwards.put(HOME, forwards.get(HOME));
        backwards.put(WORK, forwards.get(WORK));

        assertThat(blocks(backwards)).extracting(DesiredBlock::blockId)
                .containsExactlyElementsOf(blocks(forwards).stream().map(DesiredBlock::blockId).toList());
    }

    @Test
    void aDeclinedCopyDoesNotShowTheMeetingSoItsCalendarGetsABlock() {
        List<DesiredBlock> blocks = blocks(sources(List.of(copy("w1", "m@x", null, false)),
                List.of(copy("h1", "m@x", ResponseStatus.DECLINED, false)), List.of()));

        assertThat(blocks).extracting(DesiredBlock::target).containsExactlyInAnyOrder(HOME, CLIENT);
        assertThat(blocks).extracting(DesiredBlock::sourceEventId).containsOnly("w1");
    }

    @Test
    void aCopyShownAsFreeCountsAsNotShowingIt() {
        List<DesiredBlock> blocks = blocks(sources(List.of(copy("w1", "m@x", null, true)),
                List.of(copy("h1", "m@x", null, false)), List.of()));

        assertThat(blocks).extracting(DesiredBlock::target).containsExactlyInAnyOrder(WORK, CLIENT);
    }

    @Test
    void copiesOnEveryCalendarNeedNoBlockAtAll() {
        assertThat(blocks(sources(List.of(copy("w1", "m@x", null, false)), List.of(copy("h1", "m@x", null, false)),
                List.of(copy("c1", "m@x", null, false))))).isEmpty();
    }

    @Test
    void eventsWithoutAMeetingIdOrOfOtherMeetingsAreUntouched() {
        List<DesiredBlock> blocks = blocks(sources(List.of(copy("w1", null, null, false)),
                List.of(copy("h1", "other@x", null, false)), List.of()));

        assertThat(blocks).hasSize(4);
    }

    @Test
    void whatWasLeftOutIsNamedPerTargetForTheBusyTimeComparison() {
        Map<CalendarRef, List<SourceEvent>> sources = sources(List.of(copy("w1", "m@x", null, false)),
                List.of(copy("h1", "m@x", null, false)), List.of());
        ProjectedBlocks projected = Projection.of(GROUP, sources, NOW);

        assertThat(MeetingCopies.leftOut(projected, MeetingCopies.apply(projected, sources))).containsExactlyInAnyOrder(
                HOME.key() + "\n" + WORK.key() + "\nw1", WORK.key() + "\n" + HOME.key() + "\nh1",
                CLIENT.key() + "\n" + WORK.key() + "\nw1");
    }
}
