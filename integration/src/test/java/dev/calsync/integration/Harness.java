package dev.calsync.integration;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.ManualEditPolicy;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.SyncMode;
import dev.calsync.core.group.Window;
import dev.calsync.core.provider.CallTally;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.core.sync.Verifier;
import dev.calsync.core.sync.VerifyReport;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.google.GoogleCalendarProvider;
import dev.calsync.google.RetryPolicy;
import dev.calsync.core.provider.StaticAccessTokens;
import dev.calsync.recurrence.LibRecurRecurrences;
import dev.calsync.store.JdbcSyncStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The real parts wired together: the emulator over HTTP, the official Google client in the adapter, the
 * JDBC store on a real database, and the engine. Alice has a work account with two calendars and a home
 * account with one; Bob has a work calendar of his own.
 */
public final class Harness implements AutoCloseable {
    public static final CalendarRef WORK = new CalendarRef("work", "alice@work.example");
    public static final CalendarRef TEAM = new CalendarRef("work", "alice-team@work.example");
    public static final CalendarRef HOME = new CalendarRef("home", "alice@home.example");
    public static final CalendarRef BOB_WORK = new CalendarRef("bobwork", "bob@work.example");
    public static final CalendarRef BOB_HOME = new CalendarRef("bobhome", "bob@home.example");

    /** Access token per account, for the adapter and for test code reading the emulator with the official client. */
    public static final Map<String, String> TOKENS = Map.of(
            "work", "token-work", "home", "token-home", "bobwork", "token-bobwork", "bobhome", "token-bobhome");

    public final GoogleCalendarEmulator emulator;
    public final DataSource dataSource;
    public final JdbcSyncStore store;
    public final CallTally calls = new CallTally();
    public final GoogleCalendarProvider provider;
    public final SyncEngine engine;
    public final Verifier verifier;
    public final Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    public Harness(TestDatabase database) {
        emulator = GoogleCalendarEmulator.start(0);
        emulator.addAccount("work", "token-work").addAccount("home", "token-home")
                .addAccount("bobwork", "token-bobwork").addAccount("bobhome", "token-bobhome");
        emulator.addCalendar("work", WORK.calendarId(), "Work", true);
        emulator.addCalendar("work", TEAM.calendarId(), "Team", false);
        emulator.addCalendar("home", HOME.calendarId(), "Home", true);
        emulator.addCalendar("bobwork", BOB_WORK.calendarId(), "Bob work", true);
        emulator.addCalendar("bobhome", BOB_HOME.calendarId(), "Bob home", true);
        dataSource = database.open();
        store = new JdbcSyncStore(dataSource);
        provider = GoogleCalendarProvider.builder(new StaticAccessTokens(TOKENS))
                .rootUrl(emulator.rootUrl())
                .callListener(calls)
                .retryPolicy(RetryPolicy.defaults())
                .sleeper(delay -> { })
                .build();
        engine = engine("worker-1");
        verifier = new Verifier(provider, store, new LibRecurRecurrences(), Clock.systemUTC());
    }

    public SyncEngine engine(String workerId) {
        return new SyncEngine(provider, store, new LibRecurRecurrences(), Clock.systemUTC(), workerId,
                Duration.ofSeconds(30));
    }

    /** A group with a unique id, so tests sharing one PostgreSQL database never meet. */
    public SyncGroup group(String name, CalendarRef... calendars) {
        return group(name, ManualEditPolicy.RESTORE, calendars);
    }

    public SyncGroup group(String name, ManualEditPolicy policy, CalendarRef... calendars) {
        SyncGroup group = new SyncGroup(name + "-" + suffix, name, "Busy", new Window(30, 90), SyncMode.INCREMENTAL,
                policy, List.of(calendars));
        store.saveGroup(group);
        return group;
    }

    /** A group with its own window (a long one covers a DST change whatever the date). */
    public SyncGroup group(String name, Window window, CalendarRef... calendars) {
        SyncGroup group = new SyncGroup(name + "-" + suffix, name, "Busy", window, SyncMode.INCREMENTAL,
                ManualEditPolicy.RESTORE, List.of(calendars));
        store.saveGroup(group);
        return group;
    }

    public GroupReport sync(SyncGroup group) {
        return engine.sync(group, SyncRequest.poll());
    }

    public GroupReport fullSync(SyncGroup group) {
        return engine.sync(group, SyncRequest.fullReconcile());
    }

    public VerifyReport verify(SyncGroup group) {
        return verifier.verify(group);
    }

    // --- a person editing their calendars (not counted as API calls) ---------------------------------------

    public String create(CalendarRef calendar, String summary, int dayOffset, int hour, int minutes) {
        ObjectNode event = event(summary, at(dayOffset, hour), at(dayOffset, hour).plus(Duration.ofMinutes(minutes)));
        return emulator.userInsert(calendar.calendarId(), event).get("id").asText();
    }

    public void move(CalendarRef calendar, String eventId, int dayOffset, int hour, int minutes) {
        ObjectNode event = emulator.userGet(calendar.calendarId(), eventId).deepCopy();
        event.set("start", dateTime(at(dayOffset, hour)));
        event.set("end", dateTime(at(dayOffset, hour).plus(Duration.ofMinutes(minutes))));
        emulator.userUpdate(calendar.calendarId(), eventId, event);
    }

    public void set(CalendarRef calendar, String eventId, String field, String value) {
        ObjectNode event = emulator.userGet(calendar.calendarId(), eventId).deepCopy();
        event.put(field, value);
        emulator.userUpdate(calendar.calendarId(), eventId, event);
    }

    public void delete(CalendarRef calendar, String eventId) {
        emulator.userDelete(calendar.calendarId(), eventId);
    }

    public Instant at(int dayOffset, int hour) {
        return today.plus(Duration.ofDays(dayOffset)).plus(Duration.ofHours(hour));
    }

    public static ObjectNode event(String summary, Instant start, Instant end) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("summary", summary);
        event.set("start", dateTime(start));
        event.set("end", dateTime(end));
        return event;
    }

    public static ObjectNode dateTime(Instant instant) {
        ObjectNode time = JsonNodeFactory.instance.objectNode();
        time.put("dateTime", instant.toString());
        time.put("timeZone", "UTC");
        return time;
    }

    /** Every live calsync block on a calendar, as stored by the emulator. */
    public List<ObjectNode> blocksOn(CalendarRef calendar) {
        return emulator.userListAll(calendar.calendarId(), false).stream()
                .filter(e -> "1".equals(e.path("extendedProperties").path("private").path("calsync").asText()))
                .toList();
    }

    /** Every live event on a calendar that calsync did not write. */
    public List<ObjectNode> ownEventsOn(CalendarRef calendar) {
        return emulator.userListAll(calendar.calendarId(), false).stream()
                .filter(e -> !"1".equals(e.path("extendedProperties").path("private").path("calsync").asText()))
                .toList();
    }

    public long writes() {
        var snapshot = calls.snapshot();
        return snapshot.entrySet().stream()
                .filter(e -> switch (e.getKey()) {
                    case INSERT, UPDATE, PATCH, DELETE -> true;
                    default -> false;
                })
                .mapToLong(Map.Entry::getValue).sum();
    }

    @Override
    public void close() {
        emulator.close();
        if (dataSource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
