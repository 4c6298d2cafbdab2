package dev.calsync.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.sync.GroupReport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, item 4: a meeting with a copy on two calendars of a group (the person invited their personal address
 * too) is one meeting: no block beside a busy copy, one block on each other calendar, following moves,
 * cancellations and declines of the copies.
 */
class MeetingCopiesTest {

    static List<TestDatabase> databases() {
        return TestDatabase.all();
    }

    /** A copy of one meeting (same iCalUID) on a calendar, the calendar's owner invited. */
    private static String copy(Harness h, CalendarRef calendar, String uid, int day, int hour) {
        ObjectNode event = Harness.event("Planning", h.at(day, hour), h.at(day, hour).plus(Duration.ofHours(1)));
        event.put("iCalUID", uid);
        event.putArray("attendees").addObject().put("email", calendar.calendarId()).put("responseStatus", "accepted");
        return h.emulator.userInsert(calendar.calendarId(), event).get("id").asText();
    }

    private static void respond(Harness h, CalendarRef calendar, String eventId, String response) {
        ObjectNode event = h.emulator.userGet(calendar.calendarId(), eventId).deepCopy();
        event.putArray("attendees").addObject().put("email", calendar.calendarId()).put("responseStatus", response);
        h.emulator.userUpdate(calendar.calendarId(), eventId, event);
    }

    private static List<String> blockStarts(Harness h, CalendarRef calendar) {
        return h.blocksOn(calendar).stream().map(b -> b.path("start").path("dateTime").asText()).toList();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void copiesGiveNoBlockBesideABusyCopyAndOneElsewhereAndFollowMoveDeclineAndCancel(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("alice", Harness.WORK, Harness.TEAM, Harness.HOME);
            String onWork = copy(h, Harness.WORK, "planning-1@example.com", 1, 10);
            String onHome = copy(h, Harness.HOME, "planning-1@example.com", 1, 10);

            h.sync(group);
            assertThat(h.blocksOn(Harness.WORK)).isEmpty();
            assertThat(h.blocksOn(Harness.HOME)).isEmpty();
            assertThat(h.blocksOn(Harness.TEAM)).hasSize(1);
            assertThat(h.verify(group).consistent()).as(h.verify(group).toString()).isTrue();

            // The organiser moves it: both copies move.
            h.move(Harness.WORK, onWork, 2, 15, 60);
            h.move(Harness.HOME, onHome, 2, 15, 60);
            h.sync(group);
            assertThat(blockStarts(h, Harness.TEAM)).hasSize(1).allMatch(s -> s.startsWith(h.at(2, 15).toString()
                    .substring(0, 13)));
            assertThat(h.blocksOn(Harness.WORK)).isEmpty();
            assertThat(h.blocksOn(Harness.HOME)).isEmpty();

            // Declined at home: home gets a block like for any busy meeting; team keeps exactly one.
            respond(h, Harness.HOME, onHome, "declined");
            h.sync(group);
            assertThat(h.blocksOn(Harness.HOME)).hasSize(1);
            assertThat(h.blocksOn(Harness.TEAM)).hasSize(1);
            assertThat(h.blocksOn(Harness.WORK)).isEmpty();
            assertThat(h.verify(group).consistent()).as(h.verify(group).toString()).isTrue();

            // Accepted again, then the work copy (the chosen one) is cancelled: home's copy takes over.
            respond(h, Harness.HOME, onHome, "accepted");
            h.sync(group);
            assertThat(h.blocksOn(Harness.HOME)).isEmpty();
            h.set(Harness.WORK, onWork, "status", "cancelled");
            h.sync(group);
            assertThat(h.blocksOn(Harness.WORK)).hasSize(1);
            assertThat(h.blocksOn(Harness.TEAM)).hasSize(1);
            assertThat(h.blocksOn(Harness.HOME)).isEmpty();
            assertThat(h.verify(group).consistent()).as(h.verify(group).toString()).isTrue();

            // Cancelled everywhere: no block left.
            h.set(Harness.HOME, onHome, "status", "cancelled");
            h.sync(group);
            assertThat(h.blocksOn(Harness.WORK)).isEmpty();
            assertThat(h.blocksOn(Harness.TEAM)).isEmpty();
            assertThat(h.blocksOn(Harness.HOME)).isEmpty();

            long writes = h.writes();
            GroupReport quiet = h.sync(group);
            assertThat(quiet.outcome()).isEqualTo(GroupReport.Outcome.SYNCED);
            assertThat(h.writes()).isEqualTo(writes);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void verifyJudgesBusyTimeByTheSameRule(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("alice", Harness.WORK, Harness.HOME);
            copy(h, Harness.WORK, "planning-2@example.com", 1, 10);
            copy(h, Harness.HOME, "planning-2@example.com", 1, 10);
            h.sync(group);

            assertThat(h.blocksOn(Harness.WORK)).isEmpty();
            assertThat(h.blocksOn(Harness.HOME)).isEmpty();
            assertThat(h.verify(group).consistent()).as(h.verify(group).toString()).isTrue();
            assertThat(h.fullSync(group).writes()).isZero();
        }
    }
}
