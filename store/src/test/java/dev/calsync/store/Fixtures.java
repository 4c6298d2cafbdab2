package dev.calsync.store;

import dev.calsync.core.event.EventKind;
import dev.calsync.core.block.BlockState;
import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.ResponseStatus;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.store.CalendarCommit;
import dev.calsync.core.store.CalendarSyncState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/** Ids, sample records and raw row counts shared by the store tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2025-03-10T09:00:00Z");
    static final CalendarRef WORK = new CalendarRef("work", "primary");
    static final CalendarRef HOME = new CalendarRef("home", "alice@example.com");
    static final CalendarRef CLIENT = new CalendarRef("client", "alice@client.example");

    private static final AtomicLong COUNTER = new AtomicLong();

    private Fixtures() {
    }

    /** An id no other test (or earlier run on a kept database) uses. */
    static String unique(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static SyncGroup group(String id, CalendarRef... calendars) {
        return new SyncGroup(id, "alice", null, null, null, null, List.of(calendars));
    }

    static SourceEvent timed(String id, int startHour) {
        return SourceEvent.timed(id, T0.plusSeconds(3600L * startHour), T0.plusSeconds(3600L * startHour + 1800));
    }

    static SourceEvent series(String id) {
        return new SourceEvent(id, EventStatus.CONFIRMED, EventTime.at(T0, "Europe/Berlin"),
                EventTime.at(T0.plusSeconds(3600), "Europe/Berlin"), false, EventKind.DEFAULT, ResponseStatus.ACCEPTED,
                List.of("RRULE:FREQ=WEEKLY;BYDAY=MO", "EXDATE;TZID=Europe/Berlin:20250317T100000"), null, null,
                "Weekly sync", Map.of("origin", "planner"), T0, null);
    }

    static SourceEvent exception(String id, String seriesId) {
        return new SourceEvent(id, EventStatus.CONFIRMED, EventTime.at(T0.plusSeconds(7 * 86400 + 7200), "Europe/Berlin"),
                EventTime.at(T0.plusSeconds(7 * 86400 + 10800), "Europe/Berlin"), false, EventKind.DEFAULT, null, List.of(),
                seriesId, EventTime.at(T0.plusSeconds(7 * 86400), "Europe/Berlin"), "Moved occurrence", Map.of(),
                T0.plusSeconds(60), null);
    }

    static SourceEvent allDay(String id, LocalDate day) {
        return new SourceEvent(id, EventStatus.CONFIRMED, EventTime.on(day), EventTime.on(day.plusDays(1)), true,
                EventKind.OUT_OF_OFFICE, ResponseStatus.DECLINED, List.of(), null, null, null, Map.of(), null, null);
    }

    static CalendarCommit incremental(CalendarRef calendar, String token, SourceEvent... events) {
        return new CalendarCommit(calendar, false, List.of(events),
                CalendarSyncState.NEW.afterSuccess(token, false, T0));
    }

    static CalendarCommit full(CalendarRef calendar, String token, SourceEvent... events) {
        return new CalendarCommit(calendar, true, List.of(events), CalendarSyncState.NEW.afterSuccess(token, true, T0));
    }

    static KnownBlock block(String groupId, CalendarRef target, String blockId, String sourceEventId) {
        return new KnownBlock(groupId, target, blockId, WORK.key(), sourceEventId, "hash-" + sourceEventId,
                BlockState.SYNCED);
    }

    /** Rows of {@code table} whose {@code column} equals {@code value}: looks past the store API. */
    static int rows(DataSource dataSource, String table, String column, String value) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
