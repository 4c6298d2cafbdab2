package dev.calsync.caldav.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.caldav.RadicaleServer;
import dev.calsync.caldav.dav.Hrefs;
import dev.calsync.caldav.dav.TestClients;
import dev.calsync.caldav.discovery.CalendarDiscovery;
import dev.calsync.caldav.discovery.DavCalendar;
import dev.calsync.caldav.discovery.DiscoveredAccount;
import dev.calsync.caldav.write.PutOutcome;
import dev.calsync.caldav.write.ResourceStore;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.CallTally;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The WebDAV side against a real Radicale: discovery, tags, sync-collection rounds, queries, conditional writes. */
class CollectionReaderRadicaleTest {
    @RegisterExtension
    static final RadicaleServer radicale = new RadicaleServer();

    CallTally calls = new CallTally();
    CollectionReader reader;
    ResourceStore store;
    URI collection;
    CalendarRef calendar;


    @BeforeEach
    void newCalendar() throws Exception {
        collection = radicale.calendar("alice", "cal");
        calendar = new CalendarRef("alice", collection.getPath());
        var client = TestClients.client("alice", calls);
        reader = new CollectionReader(client);
        store = new ResourceStore(client, reader);
    }

    static String event(String uid, String start) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:" + start + "\r\nDURATION:PT1H\r\nSUMMARY:s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    URI member(String name) {
        return Hrefs.member(collection, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/alice/", "/.well-known/caldav"})
    void discoveryFindsTheCalendarsFromTheRootThePrincipalOrTheHome(String start) {
        DiscoveredAccount account = new CalendarDiscovery(TestClients.client("alice", calls))
                .discover(radicale.root().resolve(start), new CalendarRef("alice", "*"));

        assertThat(account.principal().getPath()).isEqualTo("/alice/");
        assertThat(account.calendarHome().getPath()).isEqualTo("/alice/");
        assertThat(account.calendars()).extracting(DavCalendar::href).contains(collection);
        DavCalendar found = account.calendars().stream().filter(c -> c.href().equals(collection)).findFirst().orElseThrow();
        assertThat(found.access()).isEqualTo("owner");
        assertThat(found.displayName()).isNotBlank();
        assertThat(calls.snapshot()).containsOnlyKeys(CallKind.CALENDAR_LIST);
    }

    @Test
    void theTagChangesWithAWriteAndOnlyThen() throws Exception {
        CollectionTag before = reader.tag(collection, calendar);
        assertThat(reader.tag(collection, calendar)).isEqualTo(before);

        radicale.put(member("a.ics"), "alice", event("a", "20260105T090000Z"));

        CollectionTag after = reader.tag(collection, calendar);
        assertThat(after.syncToken()).isNotNull().isNotEqualTo(before.syncToken());
        assertThat(after.ctag()).isNotNull().isNotEqualTo(before.ctag());
    }

    @Test
    void syncCollectionRoundsReportChangesAndDeletions() throws Exception {
        String start = reader.tag(collection, calendar).syncToken();
        radicale.put(member("a.ics"), "alice", event("a", "20260105T090000Z"));
        radicale.put(member("b.ics"), "alice", event("b", "20260106T090000Z"));

        SyncRound.Changes first = (SyncRound.Changes) reader.changesSince(collection, start, calendar);
        assertThat(first.changed()).extracting(CalendarResource::name).containsExactlyInAnyOrder("a.ics", "b.ics");
        assertThat(first.changed()).allSatisfy(r -> assertThat(r.etag()).isNotNull());
        assertThat(first.removed()).isEmpty();

        assertThat(radicale.delete(member("a.ics"), "alice")).isEqualTo(200);
        SyncRound.Changes second = (SyncRound.Changes) reader.changesSince(collection, first.syncToken(), calendar);
        assertThat(second.changed()).isEmpty();
        assertThat(second.removed()).extracting(Hrefs::name).containsExactly("a.ics");

        SyncRound.Changes third = (SyncRound.Changes) reader.changesSince(collection, second.syncToken(), calendar);
        assertThat(third.changed()).isEmpty();
        assertThat(third.removed()).isEmpty();
    }

    @Test
    void anUnknownTokenIsRefused() {
        SyncRound round = reader.changesSince(collection, "http://radicale.org/ns/sync/0000", calendar);

        assertThat(round).isEqualTo(new SyncRound.TokenRefused("HTTP 403 valid-sync-token"));
    }

    @Test
    void aFullReadReturnsTheEventsOverlappingTheWindowOnly() throws Exception {
        radicale.put(member("old.ics"), "alice", event("old", "20200105T090000Z"));
        radicale.put(member("new.ics"), "alice", event("new", "20260105T090000Z"));

        assertThat(reader.everything(collection, Instant.parse("2025-01-01T00:00:00Z"), calendar))
                .extracting(CalendarResource::name).containsExactly("new.ics");
    }

    @Test
    void createIsRefusedWhenTheResourceExistsAndReplaceWhenTheEtagIsStale() {
        URI href = member("x.ics");
        PutOutcome created = store.create(href, event("x", "20260105T090000Z"), calendar);
        assertThat(created).isInstanceOf(PutOutcome.Written.class);
        String etag = ((PutOutcome.Written) created).etag();
        assertThat(etag).isNotNull();

        assertThat(store.create(href, event("x", "20260105T100000Z"), calendar)).isInstanceOf(PutOutcome.PreconditionFailed.class);
        assertThat(store.replace(href, event("x", "20260105T100000Z"), "\"stale\"", calendar))
                .isInstanceOf(PutOutcome.PreconditionFailed.class);
        PutOutcome replaced = store.replace(href, event("x", "20260105T100000Z"), etag, calendar);
        assertThat(replaced).isInstanceOf(PutOutcome.Written.class);
        String newEtag = ((PutOutcome.Written) replaced).etag();
        assertThat(newEtag).isNotEqualTo(etag);

        assertThat(store.delete(href, etag, calendar)).isEqualTo(ResourceStore.Deleted.PRECONDITION_FAILED);
        assertThat(store.delete(href, newEtag, calendar)).isEqualTo(ResourceStore.Deleted.DELETED);
        assertThat(store.delete(href, null, calendar)).isEqualTo(ResourceStore.Deleted.ALREADY_GONE);
        assertThat(store.read(href, calendar)).isEmpty();
    }

    @Test
    void everyCallIsCountedByKind() throws Exception {
        reader.tag(collection, calendar);
        store.create(member("y.ics"), event("y", "20260105T090000Z"), calendar);

        assertThat(calls.snapshot()).isEqualTo(Map.of(CallKind.LIST, 1L, CallKind.INSERT, 1L));
    }
}
