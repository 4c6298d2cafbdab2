package dev.calsync.store;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.store.CalendarSyncState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The {@code calendar_sync_state} table: token and last outcomes of one calendar inside one group. */
final class SyncStateRows {

    private final Upsert.Statement upsertState;
    private final Upsert.Statement upsertFailure;

    SyncStateRows(Dialect dialect) {
        this.upsertState = Upsert.into("calendar_sync_state")
                .key("group_id", "account_id", "calendar_id")
                .set("sync_token", "last_full_sync", "last_incremental_sync", "last_error", "last_error_at")
                .build(dialect);
        // A failure touches only the error columns: the token and the sync times stay as they were.
        this.upsertFailure = Upsert.into("calendar_sync_state")
                .key("group_id", "account_id", "calendar_id")
                .set("last_error", "last_error_at")
                .build(dialect);
    }

    CalendarSyncState read(Connection connection, String groupId, CalendarRef calendar) throws SQLException {
        String sql = "SELECT sync_token, last_full_sync, last_incremental_sync, last_error, last_error_at"
                + " FROM calendar_sync_state WHERE group_id = ? AND account_id = ? AND calendar_id = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bindKey(ps, groupId, calendar);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return CalendarSyncState.NEW;
                }
                return new CalendarSyncState(
                        rs.getString("sync_token"),
                        TextColumns.instant(rs.getString("last_full_sync")),
                        TextColumns.instant(rs.getString("last_incremental_sync")),
                        rs.getString("last_error"),
                        TextColumns.instant(rs.getString("last_error_at")));
            }
        }
    }

    void write(Connection connection, String groupId, CalendarRef calendar, CalendarSyncState state)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(upsertState.sql())) {
            upsertState.bind(ps, groupId, calendar.accountId(), calendar.calendarId(), state.syncToken(),
                    TextColumns.instant(state.lastFullSync()), TextColumns.instant(state.lastIncrementalSync()),
                    state.lastError(), TextColumns.instant(state.lastErrorAt()));
            ps.executeUpdate();
        }
    }

    void writeFailure(Connection connection, String groupId, CalendarRef calendar, String error, Instant at)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(upsertFailure.sql())) {
            upsertFailure.bind(ps, groupId, calendar.accountId(), calendar.calendarId(), error,
                    TextColumns.instant(at));
            ps.executeUpdate();
        }
    }

    private static void bindKey(PreparedStatement ps, String groupId, CalendarRef calendar) throws SQLException {
        ps.setString(1, groupId);
        ps.setString(2, calendar.accountId());
        ps.setString(3, calendar.calendarId());
    }
}
