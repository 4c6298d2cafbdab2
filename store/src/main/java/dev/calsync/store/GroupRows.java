package dev.calsync.store;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.ManualEditPolicy;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.SyncMode;
import dev.calsync.core.group.Window;
import dev.calsync.core.rules.BlockColor;
import dev.calsync.core.rules.BusyRules;
import dev.calsync.core.rules.CalendarRole;
import dev.calsync.core.rules.GroupRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The {@code sync_groups} and {@code group_calendars} tables: groups with their member calendars in order. */
final class GroupRows {

    private static final String GROUP_COLUMNS =
            "id, owner, busy_title, past_days, future_days, sync_mode, manual_edits, "
                    + String.join(", ", RuleColumns.NAMES);

    private final Upsert.Statement upsert;

    GroupRows(Dialect dialect) {
        // paused is not part of SyncGroup: saving a group must not resume it, so the upsert leaves it alone.
        this.upsert = Upsert.into("sync_groups")
                .key("id")
                .set(Stream.concat(Stream.of("owner", "busy_title", "past_days", "future_days", "sync_mode",
                        "manual_edits", "updated_at"), RuleColumns.NAMES.stream()).toArray(String[]::new))
                .insertOnly("created_at")
                .build(dialect);
    }

    void save(Connection connection, SyncGroup group, Instant now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(upsert.sql())) {
            Object[] fixed = {group.id(), group.owner(), group.busyTitle(), group.window().pastDays(),
                group.window().futureDays(), group.mode().name(), group.manualEdits().name(), Jdbc.timestamp(now)};
            Object[] rules = RuleColumns.values(group.rules().busy(), group.rules().color());
            Object[] values = Stream.of(Stream.of(fixed), Stream.of(rules), Stream.of(Jdbc.timestamp(now)))
                    .flatMap(s -> s).toArray();
            upsert.bind(ps, values);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM group_calendars WHERE group_id = ?")) {
            ps.setString(1, group.id());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO group_calendars (group_id, position_no, account_id, calendar_id, calendar_role,"
                        + " display_name) VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (CalendarRef calendar : group.calendars()) {
                ps.setString(1, group.id());
                ps.setInt(2, position++);
                ps.setString(3, calendar.accountId());
                ps.setString(4, calendar.calendarId());
                ps.setString(5, group.rules().roleOf(calendar).name());
                ps.setString(6, group.rules().names().get(calendar));
                ps.addBatch();
            }
            if (position > 0) {
                ps.executeBatch();
            }
        }
    }

    /** Which groups {@link #read} returns. */
    enum Filter {
        ALL(""), BY_ID(" WHERE id = ?"), BY_OWNER(" WHERE owner = ?");

        private final String where;

        Filter(String where) {
            this.where = where;
        }
    }

    /**
     * The groups that pass {@code filter} (with {@code value} for its parameter), ordered by id, each with its
     * calendars in saved order. Two queries whatever the number of groups.
     */
    List<SyncGroup> read(Connection connection, Filter filter, String value) throws SQLException {
        return read(connection, filter.where, filter == Filter.ALL ? List.of() : List.of(value));
    }

    /**
     * The groups that have at least one of {@code calendars} (none for none), ordered by id: two queries on the
     * calendar index, whatever the number of groups in the store.
     */
    List<SyncGroup> readSharing(Connection connection, Collection<CalendarRef> calendars) throws SQLException {
        if (calendars.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder(" WHERE id IN (SELECT group_id FROM group_calendars WHERE ");
        List<String> params = new ArrayList<>();
        for (CalendarRef calendar : new LinkedHashSet<>(calendars)) {
            if (!params.isEmpty()) {
                where.append(" OR ");
            }
            where.append("(account_id = ? AND calendar_id = ?)");
            params.add(calendar.accountId());
            params.add(calendar.calendarId());
        }
        return read(connection, where.append(")").toString(), params);
    }

    private List<SyncGroup> read(Connection connection, String where, List<String> params) throws SQLException {
        Map<String, GroupRow> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT " + GROUP_COLUMNS + " FROM sync_groups" + where)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    GroupRow row = new GroupRow(rs.getString("id"), rs.getString("owner"), rs.getString("busy_title"),
                            new Window(rs.getInt("past_days"), rs.getInt("future_days")),
                            SyncMode.valueOf(rs.getString("sync_mode")),
                            ManualEditPolicy.valueOf(rs.getString("manual_edits")), new ArrayList<>(),
                            RuleColumns.busy(rs), RuleColumns.color(rs), new HashMap<>(), new HashMap<>());
                    rows.put(row.id, row);
                }
            }
        }
        String members = where.isEmpty() ? "" : " WHERE group_id IN (SELECT id FROM sync_groups" + where + ")";
        try (PreparedStatement ps = connection.prepareStatement("SELECT group_id, account_id, calendar_id, calendar_role, display_name"
                + " FROM group_calendars" + members + " ORDER BY group_id, position_no")) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    GroupRow row = rows.get(rs.getString("group_id"));
                    if (row != null) {
                        CalendarRef calendar = new CalendarRef(rs.getString("account_id"), rs.getString("calendar_id"));
                        row.calendars.add(calendar);
                        CalendarRole role = CalendarRole.valueOf(rs.getString("calendar_role"));
                        if (role != CalendarRole.BOTH) {
                            row.roles.put(calendar, role);
                        }
                        String name = rs.getString("display_name");
                        if (name != null) {
                            row.names.put(calendar, name);
                        }
                    }
                }
            }
        }
        // Sorted here, not by ORDER BY: PostgreSQL sorts text by the database's collation, H2 by code point,
        // and callers should see the same order on both.
        return rows.values().stream()
                .sorted(Comparator.comparing(GroupRow::id))
                .map(GroupRow::toGroup)
                .toList();
    }

    /** Returns false when no such group exists. */
    boolean setPaused(Connection connection, String groupId, boolean paused, Instant now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE sync_groups SET paused = ?, updated_at = ? WHERE id = ?")) {
            ps.setBoolean(1, paused);
            Jdbc.setTimestamp(ps, 2, now);
            ps.setString(3, groupId);
            return ps.executeUpdate() == 1;
        }
    }

    boolean paused(Connection connection, String groupId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT paused FROM sync_groups WHERE id = ?")) {
            ps.setString(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private record GroupRow(String id, String owner, String busyTitle, Window window, SyncMode mode,
                            ManualEditPolicy manualEdits, List<CalendarRef> calendars, BusyRules busy,
                            BlockColor color, Map<CalendarRef, CalendarRole> roles, Map<CalendarRef, String> names) {
        SyncGroup toGroup() {
            return new SyncGroup(id, owner, busyTitle, window, mode, manualEdits, calendars,
                    new GroupRules(busy, color, roles, names));
        }
    }
}
