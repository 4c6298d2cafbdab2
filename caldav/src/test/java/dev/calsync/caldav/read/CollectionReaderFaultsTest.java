package dev.calsync.caldav.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calsync.caldav.dav.ScriptedDavServer;
import dev.calsync.caldav.dav.ScriptedDavServer.Answer;
import dev.calsync.caldav.dav.TestClients;
import dev.calsync.caldav.write.PutOutcome;
import dev.calsync.caldav.write.ResourceStore;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallListener;
import dev.calsync.core.provider.ProviderException;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a server does that Radicale will not do on demand: 5xx, 507, answers in rounds, without data or ETag. */
class CollectionReaderFaultsTest {
    static final CalendarRef CALENDAR = new CalendarRef("acct", "/cal/");
    static final String ICS = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:x\nDTSTART:20260105T090000Z\nEND:VEVENT\nEND:VCALENDAR\n";

    final ScriptedDavServer server;
    final CollectionReader reader;
    final URI collection;

    CollectionReaderFaultsTest() throws IOException {
        server = ScriptedDavServer.start("127.0.0.1");
        reader = new CollectionReader(TestClients.client("alice", CallListener.NONE));
        collection = server.uri("/cal/");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String multistatus(String token, String... responses) {
        return "<?xml version=\"1.0\"?><d:multistatus xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
                + String.join("", responses) + (token == null ? "" : "<d:sync-token>" + token + "</d:sync-token>")
                + "</d:multistatus>";
    }

    static String member(String href, String etag, String data) {
        return "<d:response><d:href>" + href + "</d:href><d:propstat><d:prop><d:getetag>" + etag + "</d:getetag>"
                + (data == null ? "" : "<c:calendar-data>" + data + "</c:calendar-data>")
                + "</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>";
    }

    static String status(String href, int status) {
        return "<d:response><d:href>" + href + "</d:href><d:status>HTTP/1.1 " + status + " X</d:status></d:response>";
    }

    static String cutShort(String href) {
        return "<d:response><d:href>" + href + "</d:href><d:status>HTTP/1.1 507 Insufficient Storage</d:status>"
                + "<d:error><d:number-of-matches-within-limits/></d:error></d:response>";
    }

    @Test
    void aServerErrorThatOutlastsTheRetriesRefusesTheToken() {
        for (int i = 0; i < 4; i++) {
            server.then(Answer.of(503, "down"));
        }

        assertThat(reader.changesSince(collection, "t0", CALENDAR)).isEqualTo(new SyncRound.TokenRefused("HTTP 503 after retries"));
    }

    @Test
    void goneTeapotAndValidSyncTokenErrorsRefuseTheToken() {
        server.then(Answer.of(410, "")).then(Answer.of(418, ""))
                .then(Answer.of(409, "<d:error xmlns:d=\"DAV:\"><d:valid-sync-token/></d:error>"))
                .then(Answer.of(403, "<d:error xmlns:d=\"DAV:\"><d:need-privileges/></d:error>"));

        assertThat(reader.changesSince(collection, "t0", CALENDAR)).isInstanceOf(SyncRound.TokenRefused.class);
        assertThat(reader.changesSince(collection, "t0", CALENDAR)).isInstanceOf(SyncRound.TokenRefused.class);
        assertThat(reader.changesSince(collection, "t0", CALENDAR)).isEqualTo(new SyncRound.TokenRefused("HTTP 409 valid-sync-token"));
        assertThatThrownBy(() -> reader.changesSince(collection, "t0", CALENDAR))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND));
    }

    @Test
    void aCutOffOrHtmlAnswerIsAnErrorNotAnEmptyChange() {
        String whole = multistatus("t1", member("/cal/a.ics", "\"1\"", ICS));
        server.then(Answer.multistatus(whole.substring(0, whole.length() - 30)))
                .then(new Answer(207, Map.of("Content-Type", "text/html"), "<html>maintenance</html>"))
                .then(Answer.multistatus(multistatus(null, member("/cal/a.ics", "\"1\"", ICS))));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> reader.changesSince(collection, "t0", CALENDAR))
                    .isInstanceOfSatisfying(ProviderException.class,
                            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED_RESPONSE));
        }
    }

    @Test
    void aSyncCutShortContinuesFromTheTokenItGaveUntilComplete() {
        server.then(Answer.multistatus(multistatus("t1", member("/cal/a.ics", "\"1\"", ICS), member("/cal/b.ics", "\"1\"", ICS),
                        status("/cal/", 507))))
                .then(Answer.multistatus(multistatus("t2", status("/cal/a.ics", 404), member("/cal/c.ics", "\"1\"", null))))
                .then(Answer.multistatus(multistatus(null, member("/cal/c.ics", "\"2\"", ICS))));

        SyncRound.Changes changes = (SyncRound.Changes) reader.changesSince(collection, "t0", CALENDAR);

        assertThat(changes.syncToken()).isEqualTo("t2");
        assertThat(changes.changed()).extracting(CalendarResource::name, CalendarResource::etag)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b.ics", "\"1\""), org.assertj.core.groups.Tuple.tuple("c.ics", "\"2\""));
        assertThat(changes.removed()).extracting(URI::getPath).containsExactly("/cal/a.ics");
        assertThat(server.received()).extracting(ScriptedDavServer.Received::method).containsExactly("REPORT", "REPORT", "REPORT");
        assertThat(server.received().get(1).body()).contains("<d:sync-token>t1</d:sync-token>");
        assertThat(server.received().get(2).body()).contains("calendar-multiget").contains("/cal/c.ics");
    }

    @Test
    void aQueryCutShortIsCompletedFromTheMemberList() {
        server.then(Answer.multistatus(multistatus(null, member("/cal/a.ics", "\"1\"", ICS), cutShort("/cal/"))))
                .then(Answer.multistatus(multistatus(null, status("/cal/", 200), member("/cal/a.ics", "\"1\"", null),
                        member("/cal/b.ics", "\"1\"", null), member("/cal/c.ics", "\"1\"", null))))
                .then(Answer.multistatus(multistatus(null, member("/cal/b.ics", "\"1\"", ICS))))
                .then(Answer.of(200, ICS).with("ETag", "\"9\""));

        var resources = reader.everything(collection, Instant.parse("2026-01-01T00:00:00Z"), CALENDAR);

        assertThat(resources).extracting(CalendarResource::name).containsExactly("a.ics", "b.ics", "c.ics");
        assertThat(server.received()).extracting(ScriptedDavServer.Received::method)
                .containsExactly("REPORT", "PROPFIND", "REPORT", "GET");
        assertThat(server.received().get(0).body()).contains("comp-filter name=\"VEVENT\"").contains("time-range start=\"20260101T000000Z\"");
    }

    @Test
    void aWriteAnsweredWithoutEtagIsReadBackNotGuessed() {
        server.then(Answer.of(201, "")).then(Answer.of(200, ICS).with("ETag", "\"rewritten\""));
        ResourceStore store = new ResourceStore(TestClients.client("alice", CallListener.NONE), reader);

        PutOutcome outcome = store.create(server.uri("/cal/x.ics"), ICS, CALENDAR);

        assertThat(outcome).isEqualTo(new PutOutcome.Written("\"rewritten\""));
        assertThat(server.received().get(0).header("If-None-Match")).isEqualTo("*");
        assertThat(server.received().get(1).method()).isEqualTo("GET");
    }
}
