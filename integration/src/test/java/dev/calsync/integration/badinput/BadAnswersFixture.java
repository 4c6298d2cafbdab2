package dev.calsync.integration.badinput;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.ManualEditPolicy;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.SyncMode;
import dev.calsync.core.group.Window;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.google.GoogleCalendarProvider;
import dev.calsync.google.RetryPolicy;
import dev.calsync.core.provider.StaticAccessTokens;
import dev.calsync.integration.TestDatabase;
import dev.calsync.recurrence.LibRecurRecurrences;
import dev.calsync.store.JdbcSyncStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** Two people's groups on one emulator and one store, to see one group's bad answers stay in that group. */
final class BadAnswersFixture implements AutoCloseable {
    static final CalendarRef WORK = new CalendarRef("work", "alice@work.example");
    static final CalendarRef HOME = new CalendarRef("home", "alice@home.example");
    static final CalendarRef BOB_WORK = new CalendarRef("bob", "bob@work.example");
    static final CalendarRef BOB_HOME = new CalendarRef("bob", "bob@home.example");

    final GoogleCalendarEmulator emulator = GoogleCalendarEmulator.start(0);
    final DataSource dataSource;
    final JdbcSyncStore store;
    final SyncGroup alice;
    final SyncGroup bob;
    final Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
    private final Map<String, String> tokens = new HashMap<>(Map.of("work", "t-work", "home", "t-home", "bob", "t-bob"));

    BadAnswersFixture(TestDatabase database) {
        tokens.forEach(emulator::addAccount);
        emulator.addCalendar("work", WORK.calendarId(), "Work", true);
        emulator.addCalendar("home", HOME.calendarId(), "Home", true);
        emulator.addCalendar("bob", BOB_WORK.calendarId(), "Bob work", true);
        emulator.addCalendar("bob", BOB_HOME.calendarId(), "Bob home", false);
        dataSource = database.open();
        store = new JdbcSyncStore(dataSource);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        alice = group("alice-" + suffix, WORK, HOME);
        bob = group("bob-" + suffix, BOB_WORK, BOB_HOME);
    }

    private SyncGroup group(String id, CalendarRef... calendars) {
        SyncGroup group = new SyncGroup(id, id, "Busy", new Window(30, 90), SyncMode.INCREMENTAL,
                ManualEditPolicy.RESTORE, List.of(calendars));
        store.saveGroup(group);
        return group;
    }

    /** An engine whose provider presents these tokens (a wrong one makes its account's calls 401). */
    SyncEngine engine(Map<String, String> presentedTokens) {
        GoogleCalendarProvider provider = GoogleCalendarProvider.builder(new StaticAccessTokens(presentedTokens))
                .rootUrl(emulator.rootUrl())
                .retryPolicy(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .build();
        return new SyncEngine(provider, store, new LibRecurRecurrences(), java.time.Clock.systemUTC(),
                "worker-" + UUID.randomUUID(), Duration.ofSeconds(30));
    }

    SyncEngine engine() {
        return engine(tokens);
    }

    String create(CalendarRef calendar, int day, int hour, boolean free) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("summary", "private " + day + "/" + hour);
        Instant start = today.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour));
        event.set("start", time(start));
        event.set("end", time(start.plus(Duration.ofMinutes(30))));
        if (free) {
            event.put("transparency", "transparent");
        }
        return emulator.userInsert(calendar.calendarId(), event).get("id").asText();
    }

    private static ObjectNode time(Instant instant) {
        return JsonNodeFactory.instance.objectNode().put("dateTime", instant.toString()).put("timeZone", "UTC");
    }

    List<ObjectNode> blocksOn(CalendarRef calendar) {
        return emulator.userListAll(calendar.calendarId(), false).stream()
                .filter(e -> "1".equals(e.path("extendedProperties").path("private").path("calsync").asText()))
                .toList();
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
