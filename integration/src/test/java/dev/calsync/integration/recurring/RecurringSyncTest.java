package dev.calsync.integration.recurring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.api.services.calendar.model.Event;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.Window;
import dev.calsync.core.sync.VerifyReport;
import dev.calsync.integration.Harness;
import dev.calsync.integration.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 4 end to end, through the official client against the emulator: every case ends with the busy time
 * of every calendar's blocks equal to the union of the other calendars' busy time (as the emulator expands
 * it), and with {@code verify} consistent; writes are counted where the issue promises a number.
 */
class RecurringSyncTest {
    private static final String BERLIN = "Europe/Berlin";
    private static final String UTC = "UTC";
    private static final CalendarRef[] FOUR = {Harness.WORK, Harness.TEAM, Harness.HOME, Harness.BOB_WORK};

    static List<TestDatabase> databases() {
        return TestDatabase.all();
    }

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static LocalDateTime day(int offset, int hour) {
        return TODAY.plusDays(offset).atTime(hour, 0);
    }

    /** Syncs and returns the writes that pass made. */
    private static long syncCountingWrites(Harness h, SyncGroup group) {
        long before = h.writes();
        h.sync(group);
        return h.writes() - before;
    }

    /** The promise of the issue, checked by the oracle and by calsync's own verify. */
    static void assertBusyMatches(Harness h, SyncGroup group) {
        ExpandedBusyTime oracle = new ExpandedBusyTime(h.emulator.rootUrl(), Harness.TOKENS);
        for (ExpandedBusyTime.TargetBusy target : oracle.compare(group)) {
            assertThat(target.blocks()).as("blocks on %s vs the others' busy time", target.target())
                    .isEqualTo(target.expected());
        }
        VerifyReport report = h.verify(group);
        assertThat(report.problems()).as("verify").isEmpty();
        assertThat(report.consistent()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aNewWeeklySeriesOnAFourCalendarGroupIsThreeWrites(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            Edits edits = new Edits(h.emulator);
            SyncGroup group = h.group("weekly", FOUR);
            h.sync(group);
            edits.series(Harness.WORK, "Weekly 1:1", day(-14, 10), 60, BERLIN, "RRULE:FREQ=WEEKLY");

            assertThat(syncCountingWrites(h, group)).isEqualTo(3);
            for (CalendarRef target : List.of(Harness.TEAM, Harness.HOME, Harness.BOB_WORK)) {
                assertThat(h.blocksOn(target)).singleElement().satisfies(block ->
                        assertThat(block.path("recurrence").toString()).contains("RRULE:FREQ=WEEKLY"));
            }
            assertThat(syncCountingWrites(h, group)).as("echoes of our own writes").isZero();
            assertBusyMatches(h, group);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aModifiedOccurrenceOverridesTheBlockInstanceAndARevertIsReflected(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            Edits edits = new Edits(h.emulator);
            SyncGroup group = h.group("modified", FOUR);
            String series = edits.series(Harness.WORK, "Standup", day(-14, 9), 30, BERLIN, "RRULE:FREQ=WEEKLY;COUNT=20");
            h.sync(group);
            h.sync(group);
            String instance = Edits.instanceId(series, day(7, 9), BERLIN);

            edits.moveOccurrence(Harness.WORK, instance, Edits.timed(day(8, 15), BERLIN), Edits.timed(day(8, 16), BERLIN));
            assertThat(syncCountingWrites(h, group)).as("one write per target").isEqualTo(3);
            assertBusyMatches(h, group);
            assertThat(syncCountingWrites(h, group)).as("echoes").isZero();

            edits.moveOccurrence(Harness.WORK, instance, Edits.timed(day(7, 9), BERLIN),
                    Edits.timed(day(7, 9).plusMinutes(30), BERLIN));
            assertThat(syncCountingWrites(h, group)).as("reverted: one write per target").isEqualTo(3);
            assertBusyMatches(h, group);

            edits.set(Harness.WORK, instance, "transparency", "transparent");
            assertThat(syncCountingWrites(h, group)).as("free occurrence: deleted on each target").isEqualTo(3);
            assertBusyMatches(h, group);

            edits.set(Harness.WORK, instance, "transparency", "opaque");
            assertThat(syncCountingWrites(h, group)).isEqualTo(3);
            assertBusyMatches(h, group);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCancelledOccurrenceDeletesTheBlockInstanceAndARestoreBringsItBack(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            Edits edits = new Edits(h.emulator);
            SyncGroup group = h.group("cancelled", FOUR);
            String series = edits.series(Harness.HOME, "Gym", day(-10, 18), 90, BERLIN, "RRULE:FREQ=WEEKLY;BYDAY=MO,TH");
            h.sync(group);
            h.sync(group);
            String instance = firstInstanceAfter(h, Harness.HOME, series, 5);

            edits.cancelOccurrence(Harness.HOME, instance);
            assertThat(syncCountingWrites(h, group)).as("one delete per target").isEqualTo(3);
            assertBusyMatches(h, group);
            assertThat(syncCountingWrites(h, group)).as("echoes").isZero();

            ObjectNode cancelled = h.emulator.userGet(Harness.HOME.calendarId(), instance).deepCopy();
            cancelled.put("status", "confirmed");
            h.emulator.userUpdate(Harness.HOME.calendarId(), instance, cancelled);
            assertThat(syncCountingWrites(h, group)).as("restored: one write per target").isEqualTo(3);
            assertBusyMatches(h, group);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void seriesEditsConvergeWithExceptionsInPlace(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            Edits edits = new Edits(h.emulator);
            SyncGroup group = h.group("edits", Harness.WORK, Harness.TEAM, Harness.HOME);
            String series = edits.series(Harness.WORK, "Review", day(-20, 14), 60, BERLIN, "RRULE:FREQ=WEEKLY");
            h.sync(group);
            String moved = firstInstanceAfter(h, Harness.WORK, series, 3);
            String gone = firstInstanceAfter(h, Harness.WORK, series, 10);
            edits.moveOccurrence(Harness.WORK, moved, Edits.timed(day(4, 7), BERLIN), Edits.timed(day(4, 8), BERLIN));
            edits.cancelOccurrence(Harness.WORK, gone);
            h.sync(group);
            assertBusyMatches(h, group);

            // new time: the old exceptions no longer name an occurrence and stand on their own
            edits.editSeries(Harness.WORK, series, Edits.timed(day(-20, 16), BERLIN), Edits.timed(day(-20, 17), BERLIN),
                    "RRULE:FREQ=WEEKLY");
            h.sync(group);
            assertBusyMatches(h, group);

            // back to the old time: the exceptions apply again
            edits.editSeries(Harness.WORK, series, Edits.timed(day(-20, 14), BERLIN), Edits.timed(day(-20, 15), BERLIN),
                    "RRULE:FREQ=WEEKLY");
            h.sync(group);
            assertBusyMatches(h, group);

            edits.recurrence(Harness.WORK, series, "RRULE:FREQ=DAILY;INTERVAL=2");
            h.sync(group);
            assertBusyMatches(h, group);

            edits.recurrence(Harness.WORK, series, "RRULE:FREQ=WEEKLY;COUNT=6");
            h.sync(group);
            assertBusyMatches(h, group);

            String until = Edits.SUFFIX.format(day(15, 0).atZone(ZoneOffset.UTC).toInstant());
            edits.recurrence(Harness.WORK, series, "RRULE:FREQ=WEEKLY;UNTIL=" + until, "EXDATE;TZID=Europe/Berlin:"
                    + day(-6, 14).toString().replace("-", "").replace(":", "") + "00");
            h.sync(group);
            assertBusyMatches(h, group);

            // ended before the window: nothing of it may stay busy in the window
            String past = Edits.SUFFIX.format(day(-35, 0).atZone(ZoneOffset.UTC).toInstant());
            edits.recurrence(Harness.WORK, series, "RRULE:FREQ=WEEKLY;UNTIL=" + past);
            h.sync(group);
            assertBusyMatches(h, group);

            edits.delete(Harness.WORK, series);
            h.sync(group);
            assertBusyMatches(h, group);
            assertThat(h.blocksOn(Harness.TEAM)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void thisAndFollowingSplitsIntoAnEndedSeriesAndANewOne(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            Edits edits = new Edits(h.emulator);
            SyncGroup group = h.group("split", FOUR);
            String series = edits.series(Harness.TEAM, "Planning", day(-21, 11), 60, BERLIN, "RRULE:FREQ=WEEKLY");
            h.sync(group);
            edits.moveOccurrence(Harness.TEAM, firstInstanceAfter(h, Harness.TEAM, series, -10),
                    Edits.timed(day(-9, 13), BERLIN), Edits.timed(day(-9, 14), BERLIN));
            edits.moveOccurrence(Harness.TEAM, firstInstanceAfter(h, Harness.TEAM, series, 15),
                    Edits.timed(day(16, 13), BERLIN), Edits.timed(day(16, 14), BERLIN));
            edits.cancelOccurrence(Harness.TEAM, firstInstanceAfter(h, Harness.TEAM, series, 22));
            h.sync(group);
            assertBusyMatches(h, group);

            // "this and following" from day 7 on: the old series ends, a new one starts at another time
            Instant splitAt = Instant.parse(firstInstanceAfter(h, Harness.TEAM, series, 6)
                    .substring(series.length() + 1).replaceFirst(
                            "(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})Z", "$1-$2-$3T$4:$5:$6Z"));
            edits.recurrence(Harness.TEAM, series, "RRULE:FREQ=WEEKLY;UNTIL=" + Edits.SUFFIX.format(splitAt.minusSeconds(1)));
            LocalDateTime newStart = LocalDateTime.ofInstant(splitAt, ZoneId.of(BERLIN)).plusHours(2);
            edits.series(Harness.TEAM, "Planning (new time)", newStart, 45, BERLIN, "RRULE:FREQ=WEEKLY");
            var before = h.calls.snapshot();
            var report = h.sync(group);
            System.out.printf("split: %s (%d inserted, %d updated, %d deleted)%n", h.calls.since(before),
                    report.inserted(), report.updated(), report.deleted());
            assertBusyMatches(h, group);
            assertThat(syncCountingWrites(h, group)).as("echoes").isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSingleEventBecomesASeriesAndBackAgain(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            Edits edits = new Edits(h.emulator);
            SyncGroup group = h.group("single-series", Harness.WORK, Harness.TEAM, Harness.HOME);
            String id = edits.series(Harness.HOME, "Piano", day(2, 17), 60, BERLIN);
            h.sync(group);
            assertBusyMatches(h, group);

            edits.recurrence(Harness.HOME, id, "RRULE:FREQ=WEEKLY;COUNT=8");
            assertThat(syncCountingWrites(h, group)).as("the block becomes a series: one update per target").isEqualTo(2);
            assertBusyMatches(h, group);
            edits.moveOccurrence(Harness.HOME, firstInstanceAfter(h, Harness.HOME, id, 8),
                    Edits.timed(day(10, 19), BERLIN), Edits.timed(day(10, 20), BERLIN));
            edits.cancelOccurrence(Harness.HOME, firstInstanceAfter(h, Harness.HOME, id, 15));
            h.sync(group);
            assertBusyMatches(h, group);

            edits.recurrence(Harness.HOME, id);
            h.sync(group);
            assertBusyMatches(h, group);
            assertThat(syncCountingWrites(h, group)).as("echoes").isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSeriesThatStartedYearsAgoIsMirroredAndOneThatEndedIsNot(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            Edits edits = new Edits(h.emulator);
            SyncGroup group = h.group("old", FOUR);
            edits.series(Harness.WORK, "Since 2019", LocalDateTime.of(2019, 1, 7, 9, 0), 30, BERLIN, "RRULE:FREQ=WEEKLY;BYDAY=MO");
            edits.series(Harness.WORK, "Monthly since 2010", LocalDateTime.of(2010, 3, 15, 12, 0), 60, "America/New_York",
                    "RRULE:FREQ=MONTHLY;BYMONTHDAY=15");
            edits.series(Harness.WORK, "Ended 2020", LocalDateTime.of(2015, 1, 1, 8, 0), 30, BERLIN,
                    "RRULE:FREQ=DAILY;UNTIL=20200101T000000Z");
            assertThat(syncCountingWrites(h, group)).isEqualTo(2 * 3);
            assertBusyMatches(h, group);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void exceptionsOutsideTheWindowAreIgnored(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            Edits edits = new Edits(h.emulator);
            SyncGroup group = h.group("outside", FOUR);
            String series = edits.series(Harness.WORK, "Long", day(-70, 8), 60, UTC, "RRULE:FREQ=WEEKLY");
            edits.moveOccurrence(Harness.WORK, Edits.instanceId(series, day(-56, 8), UTC),
                    Edits.timed(day(-55, 8), UTC), Edits.timed(day(-55, 9), UTC));
            edits.cancelOccurrence(Harness.WORK, Edits.instanceId(series, day(-49, 8), UTC));
            edits.cancelOccurrence(Harness.WORK, Edits.instanceId(series, day(98, 8), UTC));
            edits.moveOccurrence(Harness.WORK, Edits.instanceId(series, day(105, 8), UTC),
                    Edits.timed(day(106, 8), UTC), Edits.timed(day(106, 9), UTC));
            assertThat(syncCountingWrites(h, group)).as("only the series itself").isEqualTo(3);
            assertBusyMatches(h, group);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void allDayAndMultiDayEvents(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            Edits edits = new Edits(h.emulator);
            CalendarRef berlin = new CalendarRef("home", "alice-berlin@home.example");
            h.emulator.addCalendar("home", berlin.calendarId(), "Berlin", false, BERLIN);
            SyncGroup group = h.group("allday", Harness.WORK, Harness.HOME, berlin);
            String weekly = edits.allDay(Harness.WORK, "Home office", TODAY.minusDays(3), 1, "RRULE:FREQ=WEEKLY;COUNT=10");
            edits.allDay(berlin, "Conference", TODAY.plusDays(5), 3);
            edits.series(Harness.HOME, "Night shift", day(9, 20), 50 * 60, BERLIN);
            String biweekly = edits.allDay(berlin, "Kids", TODAY.plusDays(1), 2, "RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20991231",
                    "EXDATE;VALUE=DATE:" + TODAY.plusDays(15).toString().replace("-", ""));
            h.sync(group);
            assertBusyMatches(h, group);

            edits.moveOccurrence(Harness.WORK, Edits.instanceId(weekly, TODAY.plusDays(11)),
                    Edits.date(TODAY.plusDays(12)), Edits.date(TODAY.plusDays(14)));
            edits.cancelOccurrence(Harness.WORK, Edits.instanceId(weekly, TODAY.plusDays(18)));
            edits.cancelOccurrence(berlin, Edits.instanceId(biweekly, TODAY.plusDays(29)));
            assertThat(syncCountingWrites(h, group)).as("one write per target and exception").isEqualTo(3 * 2);
            assertBusyMatches(h, group);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void startAndEndInDifferentTimeZones(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            Edits edits = new Edits(h.emulator);
            SyncGroup group = h.group("zones", Harness.WORK, Harness.TEAM, Harness.HOME);
            edits.insert(Harness.WORK, Edits.event("Flight", Edits.timed(day(3, 10), BERLIN),
                    Edits.timed(day(3, 13), "America/New_York"), List.of()));
            String series = edits.insert(Harness.HOME, Edits.event("Call Tokyo", Edits.timed(day(-5, 8), "Asia/Tokyo"),
                    Edits.timed(day(-6, 23).plusMinutes(30), "Europe/London"), List.of("RRULE:FREQ=WEEKLY;BYDAY=TU,FR")));
            h.sync(group);
            assertBusyMatches(h, group);

            String instance = firstInstanceAfter(h, Harness.HOME, series, 2);
            edits.moveOccurrence(Harness.HOME, instance, Edits.timed(day(20, 6), "Australia/Sydney"),
                    Edits.timed(day(20, 7), "Asia/Kolkata"));
            h.sync(group);
            assertBusyMatches(h, group);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aWeeklyNineOClockBerlinSeriesStaysAtNineLocalAcrossTheDstChange(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            Edits edits = new Edits(h.emulator);
            // 30 days back and 200 ahead always contain a DST change (they are at most 214 days apart)
            SyncGroup group = h.group("dst", new Window(30, 200), Harness.WORK, Harness.TEAM, Harness.HOME);
            edits.series(Harness.WORK, "Jour fixe", day(-28, 9).withHour(9), 60, BERLIN, "RRULE:FREQ=WEEKLY");
            h.sync(group);
            assertBusyMatches(h, group);

            ExpandedBusyTime oracle = new ExpandedBusyTime(h.emulator.rootUrl(), Harness.TOKENS);
            Instant now = Instant.now();
            for (CalendarRef target : List.of(Harness.TEAM, Harness.HOME)) {
                List<Event> blocks = oracle.expanded(target, group.window().start(now), group.window().end(now)).stream()
                        .filter(ExpandedBusyTime::isBlock).toList();
                assertThat(blocks).hasSizeGreaterThan(25);
                assertThat(blocks.stream().map(b -> ExpandedBusyTime.instant(b.getStart()).atZone(ZoneId.of(BERLIN))
                        .getOffset()).distinct()).as("both offsets occur").hasSize(2);
                assertThat(blocks).allSatisfy(b -> assertThat(ExpandedBusyTime.instant(b.getStart())
                        .atZone(ZoneId.of(BERLIN)).toLocalTime()).isEqualTo(LocalTime.of(9, 0)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void verifyComparesBusyTimeAndCatchesABlockOccurrenceDeletedOrMovedByHand(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            Edits edits = new Edits(h.emulator);
            SyncGroup group = h.group("verify-busy", Harness.WORK, Harness.HOME);
            String series = edits.series(Harness.WORK, "Weekly", day(-7, 10), 60, BERLIN, "RRULE:FREQ=WEEKLY");
            h.sync(group);
            String blockSeries = h.blocksOn(Harness.HOME).get(0).path("id").asText();
            String sourceInstance = firstInstanceAfter(h, Harness.WORK, series, 3);
            String blockInstance = blockSeries + sourceInstance.substring(series.length());
            edits.cancelOccurrence(Harness.HOME, blockInstance);
            String moved = blockSeries + firstInstanceAfter(h, Harness.WORK, series, 10).substring(series.length());
            edits.moveOccurrence(Harness.HOME, moved, Edits.timed(day(12, 6), BERLIN), Edits.timed(day(12, 7), BERLIN));

            VerifyReport report = h.verify(group);
            assertThat(report.count(VerifyReport.Kind.BUSY_MISMATCH)).isEqualTo(3); // 2 missing, 1 extra
            assertThat(report.problems()).filteredOn(p -> p.kind() == VerifyReport.Kind.BUSY_MISMATCH)
                    .allSatisfy(p -> assertThat(p.detail()).matches("(missing|extra) busy time .*Z/.*Z"));

            h.fullSync(group);
            assertBusyMatches(h, group);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBlockOccurrenceDeletedOrMovedByHandIsPutBackByTheNextIncrementalPass(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            Edits edits = new Edits(h.emulator);
            SyncGroup group = h.group("restore-occurrence", Harness.WORK, Harness.HOME);
            String series = edits.series(Harness.WORK, "Weekly", day(-7, 10), 60, BERLIN, "RRULE:FREQ=WEEKLY");
            h.sync(group);
            h.sync(group);
            String blockSeries = h.blocksOn(Harness.HOME).get(0).path("id").asText();
            String deleted = blockSeries + firstInstanceAfter(h, Harness.WORK, series, 3).substring(series.length());
            String moved = blockSeries + firstInstanceAfter(h, Harness.WORK, series, 10).substring(series.length());
            edits.cancelOccurrence(Harness.HOME, deleted);
            edits.moveOccurrence(Harness.HOME, moved, Edits.timed(day(12, 6), BERLIN), Edits.timed(day(12, 7), BERLIN));

            assertThat(h.sync(group).handEdits()).isEqualTo(2);
            assertBusyMatches(h, group);

            // The echoes of the two restoring writes are our own: the next passes write nothing.
            long writes = h.writes();
            h.sync(group);
            h.sync(group);
            assertThat(h.writes()).isEqualTo(writes);
            assertBusyMatches(h, group);
        }
    }

    /** The id of the first occurrence of {@code series} starting on or after {@code dayOffset}. */
    static String firstInstanceAfter(Harness h, CalendarRef calendar, String series, int dayOffset) {
        ExpandedBusyTime oracle = new ExpandedBusyTime(h.emulator.rootUrl(), Harness.TOKENS);
        Instant from = TODAY.plusDays(dayOffset).atStartOfDay(ZoneOffset.UTC).toInstant();
        return oracle.expanded(calendar, from, from.plusSeconds(400L * 86400)).stream()
                .filter(e -> series.equals(e.getRecurringEventId()) && e.getId().startsWith(series + "_"))
                .filter(e -> !ExpandedBusyTime.instant(e.getOriginalStartTime()).isBefore(from))
                .map(Event::getId).sorted().findFirst().orElseThrow();
    }
}
