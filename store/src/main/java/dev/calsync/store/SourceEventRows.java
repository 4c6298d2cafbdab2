package dev.calsync.store;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.ResponseStatus;
import dev.calsync.core.event.SourceEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The {@code source_events} table: the per-group cache of source events, cancelled ones and exceptions included. */
final class SourceEventRows {

    private static final String[] VALUE_COLUMNS = {
        "status", "start_instant", "start_zone", "start_date", "end_instant", "end_zone", "end_date",
        "transparent", "event_type", "self_response", "recurrence", "recurring_event_id",
        "original_start_instant", "original_start_zone", "original_start_date",
        "summary", "private_properties", "updated", "meeting_id", "start_local", "end_local", "original_start_local"};

    private final Upsert.Statement upsert;

    SourceEventRows(Dialect dialect) {
        this.upsert = Upsert.into("source_events")
                .key("group_id", "account_id", "calendar_id", "event_id")
                .set(VALUE_COLUMNS)
                .build(dialect);
    }

    /** Upserts the events in batches; an event already cached under the same id is replaced. */
    void upsert(Connection connection, String groupId, CalendarRef calendar, List<SourceEvent> events)
            throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(upsert.sql())) {
            int pending = 0;
            for (SourceEvent event : events) {
                upsert.bind(ps, values(groupId, calendar, event));
                ps.addBatch();
                if (++pending == Jdbc.BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** The row's values: the key, then {@code VALUE_COLUMNS} in order. */
    private static Object[] values(String groupId, CalendarRef calendar, SourceEvent event) {
        List<Object> values = new ArrayList<>(4 + VALUE_COLUMNS.length);
        values.add(groupId);
        values.add(calendar.accountId());
        values.add(calendar.calendarId());
        values.add(event.id());
        values.add(event.status().name());
        EventTimeColumns.addValues(values, event.start());
        EventTimeColumns.addValues(values, event.end());
        values.add(event.transparent());
        values.add(event.kind().name());
        values.add(event.selfResponse() == null ? null : event.selfResponse().name());
        values.add(TextColumns.lines(event.recurrence()));
        values.add(event.recurringEventId());
        EventTimeColumns.addValues(values, event.originalStartTime());
        values.add(TextColumns.text(event.summary()));
        values.add(TextColumns.properties(event.privateProperties()));
        values.add(TextColumns.instant(event.updated()));
        values.add(TextColumns.text(event.meetingId()));
        values.add(EventTimeColumns.local(event.start()));
        values.add(EventTimeColumns.local(event.end()));
        values.add(EventTimeColumns.local(event.originalStartTime()));
        return values.toArray();
    }

    List<SourceEvent> read(Connection connection, String groupId, CalendarRef calendar) throws SQLException {
        String sql = "SELECT event_id, " + String.join(", ", VALUE_COLUMNS) + " FROM source_events"
                + " WHERE group_id = ? AND account_id = ? AND calendar_id = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, groupId);
            ps.setString(2, calendar.accountId());
            ps.setString(3, calendar.calendarId());
            try (ResultSet rs = ps.executeQuery()) {
                List<SourceEvent> events = new ArrayList<>();
                while (rs.next()) {
                    events.add(event(rs));
                }
                // Sorted here rather than by ORDER BY, so both databases give the same (code point) order.
                events.sort(Comparator.comparing(SourceEvent::id));
                return events;
            }
        }
    }

    private static SourceEvent event(ResultSet rs) throws SQLException {
        String response = rs.getString("self_response");
        return new SourceEvent(
                rs.getString("event_id"),
                EventStatus.valueOf(rs.getString("status")),
                EventTimeColumns.readWithLocal(rs, "start"),
                EventTimeColumns.readWithLocal(rs, "end"),
                rs.getBoolean("transparent"),
                EventKinds.read(rs.getString("event_type")),
                response == null ? null : ResponseStatus.valueOf(response),
                TextColumns.unlines(rs.getString("recurrence")),
                rs.getString("recurring_event_id"),
                EventTimeColumns.readWithLocal(rs, "original_start"),
                TextColumns.untext(rs.getString("summary")),
                TextColumns.unproperties(rs.getString("private_properties")),
                TextColumns.instant(rs.getString("updated")),
                TextColumns.untext(rs.getString("meeting_id")));
    }

    /** Empties the calendar's cache in this group: the first step of a full (replace-all) commit. */
    void deleteCalendar(Connection connection, String groupId, CalendarRef calendar) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "DELETE FROM source_events WHERE group_id = ? AND account_id = ? AND calendar_id = ?")) {
            ps.setString(1, groupId);
            ps.setString(2, calendar.accountId());
            ps.setString(3, calendar.calendarId());
            ps.executeUpdate();
        }
    }
}
