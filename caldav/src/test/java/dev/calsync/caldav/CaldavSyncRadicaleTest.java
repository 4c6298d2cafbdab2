package dev.calsync.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.caldav.dav.Backoff;
import dev.calsync.caldav.dav.Hrefs;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.Window;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.CallTally;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.core.sync.Verifier;
import dev.calsync.core.sync.VerifyReport;
import dev.calsync.core.testkit.InMemorySyncStore;
import dev.calsync.recurrence.LibRecurRecurrences;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * core's engine on the CalDAV adapter against Radicale: two calendars of one group keep each other busy, our own
 * echoes cost no writes, and {@code verify} finds nothing wrong.
 */
class CaldavSyncRadicaleTest {
    static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    @RegisterExtension
    static final RadicaleServer radicale = new RadicaleServer();

    final InMemorySyncStore store = new InMemorySyncStore();
    final CallTally calls = new CallTally();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final LibRecurRecurrences recurrences = new LibRecurRecurrences();
    CaldavCalendarProvider provider;
    SyncEngine engine;
    SyncGroup group;
    URI work;
    URI home;
    CalendarRef workRef;
    CalendarRef homeRef;


    @BeforeEach
    void group() throws Exception {
        work = radicale.calendar("alice", "work");
        home = radicale.calendar("bob", "home");
        provider = CaldavCalendarProvider.builder()
                .account("alice", new CaldavAccount(radicale.root(), "alice", "pw"))
                .account("bob", new CaldavAccount(radicale.root(), "bob", "pw"))
                .callListener(calls)
                .backoff(new Backoff(2, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(1)))
                .build();
        engine = new SyncEngine(provider, store, recurrences, clock, "test", Duration.ofMinutes(1));
        workRef = new CalendarRef("alice", work.getPath());
        homeRef = new CalendarRef("bob", home.getPath());
        group = new SyncGroup("g" + Hrefs.name(work), "alice", "Busy", new Window(7, 60), null, null, List.of(workRef, homeRef));
        store.saveGroup(group);
    }

    static String calendar(String... lines) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//a person's client//EN\r\n" + String.join("\r\n", lines)
                + "\r\nEND:VCALENDAR\r\n";
    }

    List<SourceEvent> blocksOn(CalendarRef calendar) {
        return provider.listAll(calendar, NOW.minus(Duration.ofDays(30))).events().stream()
                .filter(e -> BlockMarker.isBlock(e.privateProperties())).toList();
    }

    void assertSteadyAndVerified() {
        GroupReport echo = engine.sync(group, SyncRequest.poll());
        var before = calls.snapshot();
        GroupReport idle = engine.sync(group, SyncRequest.poll());
        assertThat(calls.since(before)).as("an idle pass: one PROPFIND per calendar").isEqualTo(Map.of(CallKind.LIST, 2L));
        assertThat(echo.outcome()).isEqualTo(GroupReport.Outcome.SYNCED);
        assertThat(echo.writes()).as("our own echoes cost no writes").isZero();
        assertThat(echo.handEdits()).isZero();
        assertThat(idle.writes()).isZero();
        VerifyReport verified = new Verifier(provider, store, recurrences, clock).verify(group);
        assertThat(verified.error()).isNull();
        assertThat(verified.problems()).isEmpty();
    }

    @Test
    void aMeetingBecomesABlockOnTheOtherCalendarAndFollowsItsMovesAndDeletion() throws Exception {
        URI meeting = Hrefs.member(work, "meeting.ics");
        radicale.put(meeting, "alice", calendar("BEGIN:VEVENT", "UID:meeting", "DTSTAMP:20260101T000000Z",
                "DTSTART;TZID=Europe/Berlin:20260303T100000", "DTEND;TZID=Europe/Berlin:20260303T110000",
                "SUMMARY:Board meeting", "LOCATION:Room 1", "END:VEVENT",
                berlin()));

        GroupReport first = engine.sync(group, SyncRequest.poll());

        assertThat(first.inserted()).isEqualTo(1);
        List<SourceEvent> blocks = blocksOn(homeRef);
        assertThat(blocks).singleElement().satisfies(b -> {
            assertThat(b.summary()).isEqualTo("Busy");
            assertThat(b.start().instant()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
        });
        assertThat(radicale.get(Hrefs.member(home, blocks.get(0).id() + ".ics"), "bob"))
                .contains("CLASS:PRIVATE").doesNotContain("Board meeting").doesNotContain("Room 1");
        assertSteadyAndVerified();

        radicale.put(meeting, "alice", calendar("BEGIN:VEVENT", "UID:meeting", "DTSTAMP:20260102T000000Z",
                "DTSTART;TZID=Europe/Berlin:20260303T140000", "DTEND;TZID=Europe/Berlin:20260303T150000",
                "SUMMARY:Board meeting", "END:VEVENT", berlin()));
        GroupReport moved = engine.sync(group, SyncRequest.poll());
        assertThat(moved.updated()).isEqualTo(1);
        assertThat(blocksOn(homeRef)).singleElement()
                .satisfies(b -> assertThat(b.start().instant()).isEqualTo(Instant.parse("2026-03-03T13:00:00Z")));
        assertSteadyAndVerified();

        radicale.delete(meeting, "alice");
        GroupReport deleted = engine.sync(group, SyncRequest.poll());
        assertThat(deleted.deleted()).isEqualTo(1);
        assertThat(blocksOn(homeRef)).isEmpty();
        assertSteadyAndVerified();
    }

    @Test
    void aSeriesWithAMovedAndACancelledOccurrenceIsMirroredAsOneSeriesResource() throws Exception {
        radicale.put(Hrefs.member(home, "weekly.ics"), "bob", calendar(berlin(),
                "BEGIN:VEVENT", "UID:weekly", "DTSTAMP:20260101T000000Z",
                "DTSTART;TZID=Europe/Berlin:20260302T090000", "DTEND;TZID=Europe/Berlin:20260302T093000",
                "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6", "EXDATE;TZID=Europe/Berlin:20260316T090000", "SUMMARY:Standup",
                "END:VEVENT",
                "BEGIN:VEVENT", "UID:weekly", "DTSTAMP:20260101T000000Z", "RECURRENCE-ID;TZID=Europe/Berlin:20260309T090000",
                "DTSTART;TZID=Europe/Berlin:20260309T150000", "DTEND;TZID=Europe/Berlin:20260309T153000",
                "SUMMARY:Standup (moved)", "END:VEVENT"));

        GroupReport first = engine.sync(group, SyncRequest.poll());

        assertThat(first.outcome()).isEqualTo(GroupReport.Outcome.SYNCED);
        List<SourceEvent> blocks = blocksOn(workRef);
        SourceEvent series = blocks.stream().filter(SourceEvent::isSeries).findFirst().orElseThrow();
        // As ical4j writes the rule and Radicale orders the properties: the same series.
        assertThat(series.recurrence()).containsExactlyInAnyOrder("RRULE:FREQ=WEEKLY;COUNT=6;BYDAY=MO",
                "EXDATE;TZID=Europe/Berlin:20260316T090000");
        SourceEvent moved = blocks.stream().filter(SourceEvent::isException).findFirst().orElseThrow();
        assertThat(moved.recurringEventId()).isEqualTo(series.id());
        assertThat(moved.start().instant()).isEqualTo(Instant.parse("2026-03-09T14:00:00Z"));
        assertThat(blocks).hasSize(2);
        assertSteadyAndVerified();

        // The person cancels one more occurrence and moves the moved one again.
        radicale.put(Hrefs.member(home, "weekly.ics"), "bob", calendar(berlin(),
                "BEGIN:VEVENT", "UID:weekly", "DTSTAMP:20260102T000000Z",
                "DTSTART;TZID=Europe/Berlin:20260302T090000", "DTEND;TZID=Europe/Berlin:20260302T093000",
                "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6", "EXDATE;TZID=Europe/Berlin:20260316T090000,20260323T090000",
                "SUMMARY:Standup", "END:VEVENT",
                "BEGIN:VEVENT", "UID:weekly", "DTSTAMP:20260102T000000Z", "RECURRENCE-ID;TZID=Europe/Berlin:20260309T090000",
                "DTSTART;TZID=Europe/Berlin:20260309T160000", "DTEND;TZID=Europe/Berlin:20260309T163000",
                "SUMMARY:Standup (moved)", "END:VEVENT"));
        GroupReport changed = engine.sync(group, SyncRequest.poll());

        assertThat(changed.outcome()).isEqualTo(GroupReport.Outcome.SYNCED);
        assertThat(changed.updated()).isEqualTo(2);
        List<SourceEvent> after = blocksOn(workRef);
        assertThat(after.stream().filter(SourceEvent::isException).findFirst().orElseThrow().start().instant())
                .isEqualTo(Instant.parse("2026-03-09T15:00:00Z"));
        assertThat(after.stream().filter(SourceEvent::isSeries).findFirst().orElseThrow().recurrence())
                .anyMatch(line -> line.contains("20260323T090000"));
        assertSteadyAndVerified();
    }

    @Test
    void aBlockEditedByHandIsPutBack() throws Exception {
        radicale.put(Hrefs.member(work, "call.ics"), "alice", calendar("BEGIN:VEVENT", "UID:call",
                "DTSTAMP:20260101T000000Z", "DTSTART:20260304T100000Z", "DTEND:20260304T110000Z", "END:VEVENT"));
        engine.sync(group, SyncRequest.poll());
        SourceEvent block = blocksOn(homeRef).get(0);
        URI href = Hrefs.member(home, block.id() + ".ics");
        radicale.put(href, "bob", radicale.get(href, "bob").replace("SUMMARY:Busy", "SUMMARY:Lunch?"));

        GroupReport restored = engine.sync(group, SyncRequest.poll());

        assertThat(restored.handEdits()).isEqualTo(1);
        assertThat(blocksOn(homeRef)).singleElement().satisfies(b -> assertThat(b.summary()).isEqualTo("Busy"));
        assertSteadyAndVerified();
    }

    private static String berlin() {
        return String.join("\r\n", "BEGIN:VTIMEZONE", "TZID:Europe/Berlin",
                "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
                "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
                "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE");
    }
}
