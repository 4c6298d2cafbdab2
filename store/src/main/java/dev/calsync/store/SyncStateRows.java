package dev.calsync.store;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.store.CalendarCommit;
import dev.calsync.core.store.CalendarSyncState;
import dev.calsync.core.store.GroupSyncStates;
import dev.calsync.core.store.ProjectionValidity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Every state row of the group, and the projection validity that all {@code calendars} agree on. */
    GroupSyncStates readGroup(Connection connection, String groupId, List<CalendarRef> calendars) throws SQLException {
        String sql = "SELECT account_id, calendar_id, sync_token, last_full_sync, last_incremental_sync, last_error,"
                + " last_error_at, projection_valid_until, projection_digest FROM calendar_sync_state WHERE group_id = ?";
        Map<CalendarRef, CalendarSyncState> states = new LinkedHashMap<>();
        Map<CalendarRef, ProjectionValidity> validities = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    CalendarRef calendar = new CalendarRef(rs.getString("account_id"), rs.getString("calendar_id"));
                    states.put(calendar, new CalendarSyncState(
                            rs.getString("sync_token"),
                            TextColumns.instant(rs.getString("last_full_sync")),
                            TextColumns.instant(rs.getString("last_incremental_sync")),
                            rs.getString("last_error"),
                            TextColumns.instant(rs.getString("last_error_at"))));
                    Instant validUntil = TextColumns.instant(rs.getString("projection_valid_until"));
                    String digest = rs.getString("projection_digest");
                    if (validUntil != null && digest != null) {
                        validities.put(calendar, new ProjectionValidity(validUntil, digest));
                    }
                }
            }
        }
        Map<CalendarRef, CalendarSyncState> wanted = new LinkedHashMap<>();
        calendars.forEach(calendar -> wanted.put(calendar, states.getOrDefault(calendar, CalendarSyncState.NEW)));
        return new GroupSyncStates(wanted, agreed(calendars, validities));
    }

    private static ProjectionValidity agreed(List<CalendarRef> calendars, Map<CalendarRef, ProjectionValidity> validities) {
        ProjectionValidity agreed = null;
        for (CalendarRef calendar : calendars) {
            ProjectionValidity validity = validities.get(calendar);
            if (validity == null || agreed != null && !agreed.equals(validity)) {
                return null;
            }
            agreed = validity;
        }
        return agreed;
    }

    /** Sets (or with null clears) the projection validity on every state row of the group. */
    void writeValidity(Connection connection, String groupId, ProjectionValidity validity) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE calendar_sync_state"
                + " SET projection_valid_until = ?, projection_digest = ? WHERE group_id = ?")) {
            ps.setString(1, validity == null ? null : TextColumns.instant(validity.validUntil()));
            ps.setString(2, validity == null ? null : validity.groupDigest());
            ps.setString(3, groupId);
            ps.executeUpdate();
        }
    }

    /**
     * The states of an idle pass, as one statement that changes nothing unless {@code owner} holds the group's
     * lease. Only rows that exist are written (an idle pass follows a committed one, so they all do).
     *
     * @return the number of rows written: 0 when the lease was lost
     */
    int writeIfLeased(Connection connection, String groupId, String owner, List<CalendarCommit> commits)
            throws SQLException {
        String[] columns = {"sync_token", "last_full_sync", "last_incremental_sync", "last_error", "last_error_at"};
        StringBuilder sql = new StringBuilder("UPDATE calendar_sync_state SET ");
        List<String> values = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            sql.append(c == 0 ? "" : ", ").append(columns[c]).append(" = CASE");
            for (CalendarCommit commit : commits) {
                sql.append(" WHEN account_id = ? AND calendar_id = ? THEN ?");
                values.add(commit.calendar().accountId());
                values.add(commit.calendar().calendarId());
                values.add(column(commit.state(), c));
            }
            sql.append(" ELSE ").append(columns[c]).append(" END");
        }
        sql.append(" WHERE group_id = ? AND (");
        values.add(groupId);
        for (int i = 0; i < commits.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("(account_id = ? AND calendar_id = ?)");
            values.add(commits.get(i).calendar().accountId());
            values.add(commits.get(i).calendar().calendarId());
        }
        sql.append(") AND EXISTS (SELECT 1 FROM group_leases WHERE group_leases.group_id = ? AND lease_owner = ?)");
        values.add(groupId);
        values.add(owner);
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                ps.setString(i + 1, values.get(i));
            }
            return ps.executeUpdate();
        }
    }

    private static String column(CalendarSyncState state, int column) {
        return switch (column) {
            case 0 -> state.syncToken();
            case 1 -> TextColumns.instant(state.lastFullSync());
            case 2 -> TextColumns.instant(state.lastIncrementalSync());
            case 3 -> state.lastError();
            default -> TextColumns.instant(state.lastErrorAt());
        };
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
