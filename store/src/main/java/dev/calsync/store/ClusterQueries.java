package dev.calsync.store;

import dev.calsync.core.calendar.CalendarRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Read-only questions the clustered scheduler and the metrics ask of the shared database: which calendars and
 * groups exist (to plan tasks), which groups hold a calendar (a notification or a poll arrives per calendar), and
 * how far db-scheduler is behind.
 */
public final class ClusterQueries {

    /** Due executions nobody has picked yet, and the execution time of the oldest of them. */
    public record Backlog(long due, Optional<Instant> oldestDue) {
    }

    private final Jdbc jdbc;

    public ClusterQueries(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Every calendar of every group, each once (the source calendars: every member is a source). */
    public Set<CalendarRef> calendarsInGroups() {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT DISTINCT account_id, calendar_id FROM group_calendars ORDER BY account_id, calendar_id");
                 ResultSet rs = ps.executeQuery()) {
                Set<CalendarRef> calendars = new LinkedHashSet<>();
                while (rs.next()) {
                    calendars.add(new CalendarRef(rs.getString(1), rs.getString(2)));
                }
                return calendars;
            }
        });
    }

    public List<String> groupIds() {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM sync_groups ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        });
    }

    /**
     * Groups no longer in the database whose blocks are still recorded (taken out of the configuration file), ordered
     * by id: their safety reconcile task stays until their blocks are removed.
     */
    public List<String> retiredGroupIds() {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT DISTINCT group_id FROM blocks"
                    + " WHERE group_id NOT IN (SELECT id FROM sync_groups) ORDER BY group_id");
                 ResultSet rs = ps.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        });
    }

    /** The groups that hold {@code calendar} (uses the group_calendars_by_calendar index). */
    public List<String> groupsWith(CalendarRef calendar) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT DISTINCT group_id FROM group_calendars"
                    + " WHERE account_id = ? AND calendar_id = ? ORDER BY group_id")) {
                ps.setString(1, calendar.accountId());
                ps.setString(2, calendar.calendarId());
                try (ResultSet rs = ps.executeQuery()) {
                    List<String> ids = new ArrayList<>();
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                    return ids;
                }
            }
        });
    }

    /** Accounts marked "reconnect needed" that hold up at least one paused group: the ones to probe. */
    public List<String> accountsHoldingUpPausedGroups() {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT DISTINCT gc.account_id"
                    + " FROM group_calendars gc JOIN sync_groups g ON g.id = gc.group_id"
                    + " JOIN accounts a ON a.id = gc.account_id"
                    + " WHERE g.paused = TRUE AND a.status = 'RECONNECT_NEEDED' ORDER BY gc.account_id");
                 ResultSet rs = ps.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        });
    }

    /** An account with ACTIVE status, for a cheap provider health check; empty when there is none. */
    public Optional<String> anyActiveAccount() {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT MIN(id) FROM accounts WHERE status = 'ACTIVE'");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        });
    }

    /** db-scheduler's backlog in {@code table}: executions due at {@code now} that no node has picked. */
    public Backlog schedulerBacklog(String table, Instant now) {
        checkTableName(table);
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*), MIN(execution_time) FROM "
                    + table + " WHERE picked = FALSE AND execution_time <= ?")) {
                Jdbc.setTimestamp(ps, 1, now);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                    return new Backlog(rs.getLong(1), Optional.ofNullable(oldest).map(OffsetDateTime::toInstant));
                }
            }
        });
    }

    /** When each execution of {@code taskName} in db-scheduler's {@code table} is next due (picked ones included). */
    public List<Instant> executionTimes(String table, String taskName) {
        checkTableName(table);
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT execution_time FROM " + table
                    + " WHERE task_name = ?")) {
                ps.setString(1, taskName);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Instant> times = new ArrayList<>();
                    while (rs.next()) {
                        times.add(rs.getObject(1, OffsetDateTime.class).toInstant());
                    }
                    return times;
                }
            }
        });
    }

    private static void checkTableName(String table) {
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
    }
}
