package dev.calsync.integration.mixed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.VerifyReport;
import dev.calsync.emulator.graph.FaultScope;
import dev.calsync.integration.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Google, a Microsoft 365 and a CalDAV calendar in one group keep each other busy both ways, on real parts
 * ({@link MixedGroup}): create, move, a series with a moved and a cancelled occurrence on each of Google and Outlook,
 * delete; then a steady state that costs one read per calendar and writes nothing, and a clean verify after every
 * step. And the faults Graph has in store: a refused delta token, throttling with Retry-After, a lost POST answer.
 */
class MixedGroupEndToEndTest {
    private static final DateTimeFormatter ICS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    static List<TestDatabase> databases() {
        return TestDatabase.all();
    }

    private static GroupReport synced(MixedGroup m) {
        GroupReport report = m.poll();
        assertThat(report.outcome()).as(report.toString()).isEqualTo(GroupReport.Outcome.SYNCED);
        return report;
    }

    private static void assertConsistent(MixedGroup m) {
        VerifyReport verify = m.verify();
        assertThat(verify.consistent()).as(verify.toString()).isTrue();
    }

    private static String vevent(String uid, Instant start, String extra) {
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:" + ICS.format(start)
                + "\r\nDTEND:" + ICS.format(start.plus(1, ChronoUnit.HOURS)) + "\r\nSUMMARY:Dentist\r\n" + extra
                + "END:VEVENT\r\n";
    }

    @ParameterizedTest
    @MethodSource("databases")
    void googleMicrosoftAndCaldavCalendarsKeepEachOtherBusyBothWays(TestDatabase db) throws Exception {
        try (MixedGroup m = new MixedGroup(db)) {
            String budget = m.createOnGoogle("Budget review", m.at(1, 9));
            String customer = m.createOnOutlook("Customer call", m.at(1, 14));
            m.putOnCaldav("dentist", vevent("dentist-1", m.at(2, 16), ""));

            assertThat(synced(m).inserted()).isEqualTo(6);
            assertConsistent(m);
            assertThat(m.blocksOnGoogle()).hasSize(2);
            assertThat(m.blocksOnOutlook()).hasSize(2).allSatisfy(block -> {
                assertThat(block.path("sensitivity").asText()).isEqualTo("private");
                assertThat(block.path("showAs").asText()).isEqualTo("busy");
            });
            assertThat(synced(m).writes()).as("the echoes of our own writes").isZero();

            m.moveOnGoogle(budget, m.at(1, 11));
            m.moveOnOutlook(customer, m.at(3, 15));
            assertThat(synced(m).updated()).isEqualTo(4);
            assertConsistent(m);
            assertThat(m.blocksOnOutlook()).extracting(b -> b.at("/start/dateTime").asText().substring(0, 16))
                    .contains(m.at(1, 11).toString().substring(0, 16));
            assertThat(m.blocksOnGoogle()).extracting(b -> Instant.parse(b.at("/start/dateTime").asText()))
                    .contains(m.at(3, 15));

            // A weekly Google series, its second occurrence moved and its third cancelled.
            Instant weekly = m.at(2, 8);
            String standup = m.createOnGoogle("Standup", weekly, "RRULE:FREQ=WEEKLY;COUNT=5");
            Instant second = weekly.plus(7, ChronoUnit.DAYS);
            Instant third = weekly.plus(14, ChronoUnit.DAYS);
            m.moveOnGoogle(MixedGroup.googleInstanceId(standup, second), second.plus(2, ChronoUnit.HOURS));
            m.google.userDelete(m.work.calendarId(), MixedGroup.googleInstanceId(standup, third));
            // The same on Outlook: a weekly series with a moved and a cancelled occurrence.
            ObjectNode review = MixedGroup.outlookEvent("Design review", m.at(4, 13));
            review.putObject("recurrence").set("pattern", review.objectNode().put("type", "weekly").put("interval", 1)
                    .put("firstDayOfWeek", "monday").set("daysOfWeek", review.arrayNode().add(
                            m.at(4, 13).atZone(ZoneOffset.UTC).getDayOfWeek().name().toLowerCase())));
            review.with("recurrence").putObject("range").put("type", "numbered")
                    .put("startDate", m.at(4, 13).atZone(ZoneOffset.UTC).toLocalDate().toString())
                    .put("numberOfOccurrences", 4);
            String reviewId = m.graph.userCreate(m.outlook.calendarId(), review).path("id").asText();
            m.graph.userPatch(m.outlook.calendarId(), m.graph.userOccurrenceId(m.outlook.calendarId(), reviewId, 1),
                    MixedGroup.outlookEvent(null, m.at(11, 16)).without("subject"));
            m.graph.userDelete(m.outlook.calendarId(), m.graph.userOccurrenceId(m.outlook.calendarId(), reviewId, 2));

            GroupReport series = synced(m);
            assertThat(series.inserted()).as(series.toString()).isEqualTo(4);
            assertConsistent(m);
            assertThat(m.blocksOnOutlook()).extracting(b -> b.at("/start/dateTime").asText().substring(0, 16))
                    .contains(second.plus(2, ChronoUnit.HOURS).toString().substring(0, 16))
                    .doesNotContain(second.toString().substring(0, 16), third.toString().substring(0, 16));
            assertThat(m.blocksOnOutlook()).filteredOn(b -> b.path("type").asText().equals("occurrence")
                    || b.path("type").asText().equals("exception")).hasSize(4);
            List<Instant> reviewBlocks = m.google.userListAll(m.work.calendarId(), false).stream()
                    .filter(e -> e.has("recurringEventId") && e.at("/start/dateTime").isTextual())
                    .map(e -> Instant.parse(e.at("/start/dateTime").asText())).toList();
            assertThat(reviewBlocks).as("the moved occurrence of the Outlook series on Google").contains(m.at(11, 16));
            assertThat(synced(m).writes()).as("the echoes of the block series").isZero();

            m.google.userDelete(m.work.calendarId(), budget);
            m.graph.userDelete(m.outlook.calendarId(), customer);
            assertThat(m.deleteOnCaldav("dentist")).isBetween(200, 204);
            assertThat(synced(m).deleted()).isEqualTo(6);
            assertConsistent(m);

            synced(m);
            m.calls.clear();
            GroupReport steady = synced(m);
            assertThat(steady.writes()).isZero();
            assertThat(steady.handEdits()).isZero();
            assertThat(m.callsTo(m.work, CallKind.LIST)).isEqualTo(1);
            assertThat(m.callsTo(m.outlook, CallKind.LIST)).as("one delta call").isEqualTo(1);
            assertThat(m.calls).filteredOn(c -> !c.calendar().equals(m.home)).hasSize(2);
            assertConsistent(m);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRefusedDeltaTokenMeansAFullReadThatConvergesWithoutDuplicates(TestDatabase db) throws Exception {
        try (MixedGroup m = new MixedGroup(db)) {
            String customer = m.createOnOutlook("Customer call", m.at(1, 14));
            m.createOnGoogle("Budget review", m.at(2, 9));
            synced(m);
            m.moveOnOutlook(customer, m.at(4, 10));
            m.createOnOutlook("Interview", m.at(5, 10));
            m.graph.faults().expireAllDeltaTokens();

            GroupReport report = synced(m);

            assertThat(report.calendars()).filteredOn(c -> c.calendar().equals(m.outlook.key())).singleElement()
                    .satisfies(c -> assertThat(c.fullReason()).isNotNull());
            assertConsistent(m);
            assertThat(m.blocksOnOutlook()).hasSize(1);
            assertThat(m.blocksOnGoogle()).extracting(b -> Instant.parse(b.at("/start/dateTime").asText()))
                    .containsExactlyInAnyOrder(m.at(4, 10), m.at(5, 10));
            assertThat(synced(m).writes()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void throttlingIsWaitedOutForAsLongAsRetryAfterSays(TestDatabase db) throws Exception {
        try (MixedGroup m = new MixedGroup(db)) {
            m.createOnGoogle("Budget review", m.at(2, 9));
            m.createOnOutlook("Customer call", m.at(1, 14));
            m.graph.faults().throttleNext(2, 7, FaultScope.ANY);

            GroupReport report = synced(m);

            assertThat(report.inserted()).isEqualTo(4);
            assertThat(m.graphWaits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
            assertConsistent(m);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPostWhoseAnswerIsLostMakesNoDuplicate(TestDatabase db) throws Exception {
        try (MixedGroup m = new MixedGroup(db)) {
            m.createOnGoogle("Budget review", m.at(2, 9));
            m.putOnCaldav("dentist", vevent("dentist-1", m.at(3, 16), ""));
            // Both POSTs to Outlook are stored, then the connection closes without an answer.
            m.graph.faults().loseResponsesOfNextWrites(2, true);

            m.poll();
            synced(m);

            assertThat(m.graph.faults().armedFaults()).as("both answers were lost").isZero();
            assertThat(m.blocksOnOutlook()).hasSize(2);
            assertConsistent(m);
            assertThat(synced(m).writes()).isZero();
        }
    }
}
