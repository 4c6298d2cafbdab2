package dev.calsync.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.caldav.dav.Backoff;
import dev.calsync.caldav.dav.Hrefs;
import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockHandle;
import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.CallTally;
import dev.calsync.core.provider.ChangeSet;
import dev.calsync.core.provider.DeleteOutcome;
import dev.calsync.core.provider.InsertOutcome;
import dev.calsync.core.provider.ListOutcome;
import dev.calsync.core.provider.UpdateOutcome;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The provider against a real Radicale: reads, block writes, occurrences, races and bad resources. */
class CaldavCalendarProviderRadicaleTest {
    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    static final Instant WINDOW = Instant.parse("2026-01-01T00:00:00Z");
    @RegisterExtension
    static final RadicaleServer radicale = new RadicaleServer();

    CallTally calls = new CallTally();
    List<String> skipped = new ArrayList<>();
    CaldavCalendarProvider provider;
    URI collection;
    CalendarRef calendar;


    @BeforeEach
    void newCalendar() throws Exception {
        collection = radicale.calendar("alice", "cal");
        provider = CaldavCalendarProvider.builder()
                .account("radicale", new CaldavAccount(radicale.root(), "alice", "app-password"))
                .callListener(calls)
                .malformedResourceListener((cal, resource, problem) -> skipped.add(resource + ": " + problem))
                .backoff(new Backoff(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1)))
                .sleeper(d -> { })
                .random(new Random(1))
                .clock(Clock.fixed(WINDOW, ZoneOffset.UTC))
                .build();
        calendar = new CalendarRef("radicale", collection.getPath());
    }

    static Map<String, String> marker(String sourceEvent) {
        return new BlockMarker("g1", "css0123456789", sourceEvent).properties();
    }

    static BlockBody body(Instant start, List<String> recurrence) {
        return new BlockBody("Busy", EventTime.at(start, "Europe/Berlin"), EventTime.at(start.plusSeconds(3600), "Europe/Berlin"),
                recurrence, marker("src1"));
    }

    static String meeting(String uid, String... lines) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//other client//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20260101T000000Z\r\n" + String.join("\r\n", lines) + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    ChangeSet changes(String token) {
        return ((ListOutcome.Changes) provider.listChanges(calendar, token)).changes();
    }

    @Test
    void anIdlePollCostsOneSmallRequest() throws Exception {
        radicale.put(Hrefs.member(collection, "m.ics"), "alice", meeting("m", "DTSTART:20260302T090000Z", "DURATION:PT1H"));
        ChangeSet full = provider.listAll(calendar, WINDOW);
        assertThat(full.full()).isTrue();
        assertThat(full.events()).extracting(SourceEvent::id).containsExactly("m");
        var before = calls.snapshot();

        ChangeSet idle = changes(full.nextSyncToken());

        assertThat(idle.events()).isEmpty();
        assertThat(idle.nextSyncToken()).isEqualTo(full.nextSyncToken());
        assertThat(calls.since(before)).isEqualTo(Map.of(CallKind.LIST, 1L));
    }

    @Test
    void changesSinceATokenIncludeEditsAndDeletionsOfOtherClients() throws Exception {
        URI a = Hrefs.member(collection, "a.ics");
        radicale.put(a, "alice", meeting("a", "DTSTART:20260302T090000Z", "DURATION:PT1H"));
        String token = provider.listAll(calendar, WINDOW).nextSyncToken();
        radicale.put(Hrefs.member(collection, "b.ics"), "alice",
                meeting("b", "DTSTART:20260303T090000Z", "DURATION:PT1H", "TRANSP:TRANSPARENT"));
        radicale.delete(a, "alice");

        ChangeSet changes = changes(token);

        assertThat(changes.full()).isFalse();
        assertThat(changes.events()).extracting(SourceEvent::id, SourceEvent::status, SourceEvent::transparent)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("b", EventStatus.CONFIRMED, true),
                        org.assertj.core.groups.Tuple.tuple("a", EventStatus.CANCELLED, false));
        assertThat(changes.nextSyncToken()).isNotEqualTo(token);
    }

    @Test
    void aRefusedTokenAsksForAFullRead() {
        assertThat(provider.listChanges(calendar, "sync:http://radicale.org/ns/sync/0000"))
                .isInstanceOf(ListOutcome.FullSyncRequired.class);
        assertThat(provider.listChanges(calendar, "something else")).isInstanceOf(ListOutcome.FullSyncRequired.class);
    }

    @Test
    void aBlockIsCreatedOnceUpdatedAndDeletedAndItsEchoMatchesItsBody() {
        String token = provider.listAll(calendar, WINDOW).nextSyncToken();
        BlockBody first = body(START, List.of());
        BlockBody moved = body(START.plusSeconds(1800), List.of());

        InsertOutcome created = provider.insert(calendar, "csblock1", first);
        assertThat(created).isInstanceOf(InsertOutcome.Created.class);
        BlockHandle handle = ((InsertOutcome.Created) created).block();
        assertThat(handle.etag()).isNotNull();
        assertThat(provider.insert(calendar, "csblock1", first)).isInstanceOf(InsertOutcome.AlreadyExists.class);
        ChangeSet echo = changes(token);
        assertThat(echo.events()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("csblock1");
            assertThat(BlockBody.contentHashOf(e)).isEqualTo(first.contentHash());
            assertThat(BlockMarker.isBlock(e.privateProperties())).isTrue();
        });

        UpdateOutcome updated = provider.update(calendar, handle, moved);
        assertThat(updated).isInstanceOf(UpdateOutcome.Updated.class);
        BlockHandle afterUpdate = ((UpdateOutcome.Updated) updated).block();
        assertThat(afterUpdate.etag()).isNotEqualTo(handle.etag());
        ChangeSet movedEcho = changes(echo.nextSyncToken());
        assertThat(BlockBody.contentHashOf(movedEcho.events().get(0))).isEqualTo(moved.contentHash());

        assertThat(provider.delete(calendar, afterUpdate)).isEqualTo(DeleteOutcome.DELETED);
        assertThat(provider.delete(calendar, afterUpdate)).isEqualTo(DeleteOutcome.ALREADY_GONE);
        assertThat(provider.update(calendar, afterUpdate, moved)).isInstanceOf(UpdateOutcome.NotFound.class);
        assertThat(changes(movedEcho.nextSyncToken()).events()).singleElement()
                .satisfies(e -> assertThat(e.cancelled()).isTrue());
    }

    @Test
    void anUpdateThatMeetsAStaleEtagReadsAgainAndWins() throws Exception {
        BlockHandle handle = ((InsertOutcome.Created) provider.insert(calendar, "csblock2", body(START, List.of()))).block();
        URI href = Hrefs.member(collection, "csblock2.ics");
        // Another client touches the block: the version the provider remembers is stale now.
        String edited = radicale.get(href, "alice").replace("SUMMARY:Busy", "SUMMARY:Edited by hand");
        radicale.put(href, "alice", edited);
        BlockBody wanted = body(START.plusSeconds(3600), List.of());
        var before = calls.snapshot();

        assertThat(provider.update(calendar, handle, wanted)).isInstanceOf(UpdateOutcome.Updated.class);

        assertThat(calls.since(before)).containsEntry(CallKind.UPDATE, 2L).containsEntry(CallKind.GET, 1L);
        SourceEvent now = provider.listAll(calendar, WINDOW).events().get(0);
        assertThat(BlockBody.contentHashOf(now)).isEqualTo(wanted.contentHash());
    }

    @Test
    void aSeriesWithAMovedAndACancelledOccurrenceRoundTrips() {
        String token = provider.listAll(calendar, WINDOW).nextSyncToken();
        BlockBody series = body(START, List.of("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6", "EXDATE;TZID=Europe/Berlin:20260316T090000"));
        Instant second = START.plus(Duration.ofDays(7));
        Instant fourth = START.plus(Duration.ofDays(21));
        BlockBody movedOccurrence = new BlockBody("Busy", EventTime.at(second.plusSeconds(7200), "Europe/Berlin"),
                EventTime.at(second.plusSeconds(9000), "Europe/Berlin"), List.of(), marker("src1_20260309T080000Z"));

        BlockHandle handle = ((InsertOutcome.Created) provider.insert(calendar, "csseries", series)).block();
        OccurrenceRef secondRef = new OccurrenceRef("csseries", EventTime.at(second, "Europe/Berlin"));
        OccurrenceRef fourthRef = new OccurrenceRef("csseries", EventTime.at(fourth, "Europe/Berlin"));
        OccurrenceRef tuesday = new OccurrenceRef("csseries", EventTime.at(second.plus(Duration.ofDays(1)), "Europe/Berlin"));
        assertThat(provider.updateOccurrence(calendar, handle, secondRef, movedOccurrence)).isInstanceOf(UpdateOutcome.Updated.class);
        assertThat(provider.cancelOccurrence(calendar, handle, fourthRef)).isEqualTo(DeleteOutcome.DELETED);
        assertThat(provider.cancelOccurrence(calendar, handle, fourthRef)).isEqualTo(DeleteOutcome.ALREADY_GONE);
        assertThat(provider.updateOccurrence(calendar, handle, tuesday, movedOccurrence))
                .as("no occurrence on a Tuesday").isInstanceOf(UpdateOutcome.NotFound.class);

        List<SourceEvent> echo = changes(token).events();
        assertThat(echo).extracting(SourceEvent::id)
                .containsExactlyInAnyOrder("csseries", "csseries_20260309T080000Z", "csseries_20260323T080000Z");
        SourceEvent master = echo.stream().filter(e -> e.id().equals("csseries")).findFirst().orElseThrow();
        assertThat(BlockBody.contentHashOf(master)).isEqualTo(series.contentHash());
        SourceEvent moved = echo.stream().filter(e -> e.id().equals("csseries_20260309T080000Z")).findFirst().orElseThrow();
        assertThat(moved.recurringEventId()).isEqualTo("csseries");
        assertThat(BlockBody.contentHashOf(moved)).isEqualTo(movedOccurrence.contentHash());
        SourceEvent cancelled = echo.stream().filter(e -> e.id().equals("csseries_20260323T080000Z")).findFirst().orElseThrow();
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.originalStartTime().instant()).isEqualTo(fourth);

        // Putting the moved occurrence back to what the series says leaves no override behind.
        BlockBody plain = new BlockBody("Busy", EventTime.at(second, "Europe/Berlin"),
                EventTime.at(second.plusSeconds(3600), "Europe/Berlin"), List.of(), marker("src1"));
        assertThat(provider.updateOccurrence(calendar, handle, secondRef, plain)).isInstanceOf(UpdateOutcome.Updated.class);
        assertThat(provider.listAll(calendar, WINDOW).events()).extracting(SourceEvent::id)
                .containsExactlyInAnyOrder("csseries", "csseries_20260323T080000Z");
    }

    @Test
    void aSeriesOfAnotherClientWithItsOverrideIsReadAsSeriesAndOccurrence() throws Exception {
        radicale.put(Hrefs.member(collection, "weekly.ics"), "alice", meeting("weekly",
                "DTSTART:20260302T090000Z", "DTEND:20260302T100000Z", "RRULE:FREQ=WEEKLY;COUNT=4",
                "END:VEVENT", "BEGIN:VEVENT", "UID:weekly", "DTSTAMP:20260101T000000Z", "RECURRENCE-ID:20260309T090000Z",
                "DTSTART:20260309T140000Z", "DTEND:20260309T150000Z"));

        List<SourceEvent> events = provider.listAll(calendar, WINDOW).events();

        assertThat(events).extracting(SourceEvent::id, SourceEvent::recurringEventId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("weekly", null),
                        org.assertj.core.groups.Tuple.tuple("weekly_20260309T090000Z", "weekly"));
    }

    @Test
    void aMalformedResourceIsReportedAndSkippedAndTheRestIsRead() throws Exception {
        String token = provider.listAll(calendar, WINDOW).nextSyncToken();
        radicale.put(Hrefs.member(collection, "good.ics"), "alice", meeting("good", "DTSTART:20260302T090000Z"));
        radicale.plant(collection, "bad.ics", meeting("bad", "DTSTART;TZID=Mars/Olympus:20260302T090000"));

        ChangeSet changes = changes(token);

        assertThat(changes.events()).extracting(SourceEvent::id).containsExactly("good");
        assertThat(skipped).singleElement().asString().startsWith("bad.ics: ");
        assertThat(provider.listAll(calendar, WINDOW).events()).extracting(SourceEvent::id).containsExactly("good");
    }

    @Test
    void theAccountsCalendarsAreListedWithTheirAccess() {
        List<CalendarInfo> calendars = provider.listCalendars("radicale");

        assertThat(calendars).filteredOn(c -> c.id().equals(collection.getPath())).singleElement()
                .satisfies(c -> {
                    assertThat(c.accessRole()).isEqualTo("owner");
                    assertThat(c.writable()).isTrue();
                });
        assertThat(calls.snapshot()).containsOnlyKeys(CallKind.CALENDAR_LIST);
    }

    @Test
    void aCollectionNamedByItsUrlOrByItsPathWithoutTheSlashIsTheListedCalendar() {
        List<CalendarInfo> calendars = provider.listCalendars("radicale");
        String path = collection.getPath();

        for (String name : List.of(path, collection.toString(), path.substring(0, path.length() - 1))) {
            assertThat(provider.calendarNamed("radicale", name, calendars)).as(name).map(CalendarInfo::id)
                    .contains(path);
        }
        assertThat(provider.calendarNamed("radicale", "/alice/elsewhere/", calendars)).isEmpty();
        assertThat(provider.calendarNamed("radicale", "mailto:alice", calendars)).isEmpty();
    }
}
