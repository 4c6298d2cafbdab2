package dev.calsync.integration.mixed;

import dev.calsync.core.provider.StaticAccessTokens;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.caldav.CaldavAccount;
import dev.calsync.caldav.CaldavCalendarProvider;
import dev.calsync.caldav.RadicaleServer;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.ManualEditPolicy;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.SyncMode;
import dev.calsync.core.group.Window;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.CallListener;
import dev.calsync.core.provider.RoutingCalendarProvider;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.core.sync.Verifier;
import dev.calsync.core.sync.VerifyReport;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.emulator.graph.GraphEmulator;
import dev.calsync.google.GoogleCalendarProvider;
import dev.calsync.integration.TestDatabase;
import dev.calsync.microsoft.MicrosoftCalendarProvider;
import dev.calsync.recurrence.LibRecurRecurrences;
import dev.calsync.store.JdbcSyncStore;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * One person's group of three calendars on three providers, each the real part: a Google calendar (the emulator,
 * through the official client), a Microsoft 365 calendar (the Graph emulator, through the Graph adapter) and a
 * CalDAV calendar (a real Radicale). The engine, verifier and JDBC store are the product's; the providers sit behind
 * core's routing provider by account, as the app's assembly puts them.
 */
final class MixedGroup implements AutoCloseable {
    static final String CALDAV_USER = "alice";

    final GoogleCalendarEmulator google = GoogleCalendarEmulator.start(0);
    final GraphEmulator graph = GraphEmulator.start(0);
    final RadicaleServer radicale;
    final CalendarRef work = new CalendarRef("work", "alice@work.example");
    final CalendarRef outlook;
    final CalendarRef home;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    final List<Duration> graphWaits = new CopyOnWriteArrayList<>();
    final DataSource dataSource;
    final JdbcSyncStore store;
    final SyncEngine engine;
    final Verifier verifier;
    final SyncGroup group;
    final Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);

    /** One provider call, on which calendar, of which kind. */
    record Call(CalendarRef calendar, CallKind kind) {
    }

    MixedGroup(TestDatabase database) throws IOException {
        radicale = RadicaleServer.start();
        google.addAccount("work", "work-token").addCalendar("work", work.calendarId(), "Work", true);
        graph.addMailbox("m365", "m365-token", "Alice", "alice@contoso.example", "Europe/Berlin");
        outlook = new CalendarRef("m365", graph.addCalendar("m365", "Calendar", true));
        URI homeUri = radicale.calendar(CALDAV_USER, "home");
        home = new CalendarRef("home", homeUri.getRawPath());
        CallListener listener = (calendar, kind, outcome) -> calls.add(new Call(calendar, kind));
        var googleAdapter = GoogleCalendarProvider.builder(new StaticAccessTokens(
                        Map.of("work", "work-token"))).rootUrl(google.rootUrl()).callListener(listener)
                .sleeper(delay -> { }).build();
        var microsoftAdapter = MicrosoftCalendarProvider.builder(new StaticAccessTokens(
                        Map.of("m365", "m365-token"))).graphUrl(graph.graphUrl()).callListener(listener)
                .sleeper(graphWaits::add).build();
        var caldavAdapter = CaldavCalendarProvider.builder()
                .account("home", new CaldavAccount(radicale.root(), CALDAV_USER, "any")).callListener(listener)
                .sleeper(delay -> { }).build();
        Map<String, String> providerOf = Map.of("work", "google", "m365", "microsoft", "home", "caldav");
        var provider = new RoutingCalendarProvider(Map.of("google", googleAdapter, "microsoft", microsoftAdapter,
                "caldav", caldavAdapter), providerOf::get);
        dataSource = database.open();
        store = new JdbcSyncStore(dataSource);
        engine = new SyncEngine(provider, store, new LibRecurRecurrences(), Clock.systemUTC(), "worker-1",
                Duration.ofSeconds(30));
        verifier = new Verifier(provider, store, new LibRecurRecurrences(), Clock.systemUTC());
        // A unique id, so runs sharing one PostgreSQL database never meet.
        group = new SyncGroup("alice-" + UUID.randomUUID().toString().substring(0, 8), "alice", "Busy",
                new Window(30, 90), SyncMode.INCREMENTAL, ManualEditPolicy.RESTORE, List.of(work, outlook, home));
        store.saveGroup(group);
    }

    GroupReport poll() {
        return engine.sync(group, SyncRequest.poll());
    }

    VerifyReport verify() {
        return verifier.verify(group);
    }

    Instant at(int dayOffset, int hour) {
        return today.plus(Duration.ofDays(dayOffset)).plus(Duration.ofHours(hour));
    }

    // --- a person editing their calendars in each provider's own client (not counted as calls) ----------------

    String createOnGoogle(String summary, Instant start, String... recurrence) {
        ObjectNode event = googleEvent(summary, start);
        if (recurrence.length > 0) {
            var lines = event.putArray("recurrence");
            for (String line : recurrence) {
                lines.add(line);
            }
        }
        return google.userInsert(work.calendarId(), event).get("id").asText();
    }

    void moveOnGoogle(String eventId, Instant start) {
        ObjectNode event = google.userGet(work.calendarId(), eventId).deepCopy();
        event.setAll(googleEvent(event.path("summary").asText(), start));
        event.put("status", "confirmed");
        google.userUpdate(work.calendarId(), eventId, event);
    }

    static ObjectNode googleEvent(String summary, Instant start) {
        ObjectNode event = JsonNodeFactory.instance.objectNode().put("summary", summary);
        event.putObject("start").put("dateTime", start.toString()).put("timeZone", "UTC");
        event.putObject("end").put("dateTime", start.plus(1, ChronoUnit.HOURS).toString()).put("timeZone", "UTC");
        return event;
    }

    /** Google's id of a series' instance: {@code <series>_<original start in UTC>}. */
    static String googleInstanceId(String seriesId, Instant originalStart) {
        return seriesId + "_" + originalStart.toString().replace("-", "").replace(":", "");
    }

    String createOnOutlook(String subject, Instant start) {
        return graph.userCreate(outlook.calendarId(), outlookEvent(subject, start)).path("id").asText();
    }

    void moveOnOutlook(String eventId, Instant start) {
        ObjectNode times = outlookEvent(null, start);
        times.remove("subject");
        graph.userPatch(outlook.calendarId(), eventId, times);
    }

    static ObjectNode outlookEvent(String subject, Instant start) {
        ObjectNode event = JsonNodeFactory.instance.objectNode().put("subject", subject);
        event.putObject("start").put("dateTime", LocalDateTime.ofInstant(start, ZoneOffset.UTC).toString())
                .put("timeZone", "UTC");
        event.putObject("end").put("dateTime", LocalDateTime.ofInstant(start.plus(1, ChronoUnit.HOURS),
                ZoneOffset.UTC).toString()).put("timeZone", "UTC");
        return event;
    }

    void putOnCaldav(String name, String vevents) throws IOException, InterruptedException {
        radicale.put(URI.create(radicale.root().resolve(home.calendarId()) + name + ".ics"), CALDAV_USER,
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + vevents + "END:VCALENDAR\r\n");
    }

    int deleteOnCaldav(String name) throws IOException, InterruptedException {
        return radicale.delete(URI.create(radicale.root().resolve(home.calendarId()) + name + ".ics"), CALDAV_USER);
    }

    // --- what each calendar holds -----------------------------------------------------------------------------

    /** The Busy blocks on the Google calendar, series counted once. */
    List<ObjectNode> blocksOnGoogle() {
        return google.userListAll(work.calendarId(), false).stream()
                .filter(e -> "1".equals(e.at("/extendedProperties/private/calsync").asText())).toList();
    }

    /** What Outlook shows over the group's window: occurrences expanded. */
    List<ObjectNode> outlookView() {
        return graph.userCalendarView(outlook.calendarId(), today.minus(Duration.ofDays(30)),
                today.plus(Duration.ofDays(90)));
    }

    List<ObjectNode> blocksOnOutlook() {
        return outlookView().stream().filter(e -> e.path("subject").asText().equals("Busy")).toList();
    }

    /** Calls of one kind to one calendar, since the call log was cleared. */
    long callsTo(CalendarRef calendar, CallKind kind) {
        return calls.stream().filter(c -> c.calendar().equals(calendar) && c.kind() == kind).count();
    }

    @Override
    public void close() throws IOException {
        graph.close();
        google.close();
        radicale.close();
        if (dataSource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
