package dev.calsync.store;

import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.store.BlockRowWrites;
import dev.calsync.core.store.CalendarCommit;
import dev.calsync.core.store.GroupSyncStates;
import dev.calsync.core.store.ProjectionValidity;
import dev.calsync.core.store.SyncStore;
import dev.calsync.core.store.CalendarSyncState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * {@link SyncStore} on plain JDBC, for H2 and PostgreSQL (schema: {@code db/migration}, applied by
 * {@link Databases#migrate}). Thread-safe and safe across processes: it keeps no state but the data source,
 * every multi-row change is one transaction, and leases are decided by single conditional statements.
 */
public final class JdbcSyncStore implements SyncStore {

    /** Every table holding rows of a group; deleteGroup empties them all. Children before sync_groups. */
    private static final List<String> GROUP_TABLES = List.of(
            "group_calendars", "source_events", "blocks", "calendar_sync_state", "group_leases");

    private final Jdbc jdbc;
    private final Clock clock;
    private final GroupRows groups;
    private final SourceEventRows events;
    private final BlockRows blocks;
    private final SyncStateRows states;
    private final LeaseTable leases;
    /** Made once per database; read once per store. */
    private volatile String installationId;

    /** @param clock stamps created/updated columns only; lease times come from the callers' {@code now} */
    public JdbcSyncStore(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
        Dialect dialect = jdbc.dialect();
        this.groups = new GroupRows(dialect);
        this.events = new SourceEventRows(dialect);
        this.blocks = new BlockRows(dialect);
        this.states = new SyncStateRows(dialect);
        this.leases = new LeaseTable(jdbc);
    }

    public JdbcSyncStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    // --- groups ---------------------------------------------------------------------------------------------

    @Override
    public void saveGroup(SyncGroup group) {
        Instant now = clock.instant();
        jdbc.inTransactionDo(connection -> groups.save(connection, group, now));
    }

    @Override
    public List<SyncGroup> groups() {
        return jdbc.autoCommit(connection -> groups.read(connection, GroupRows.Filter.ALL, null));
    }

    @Override
    public List<SyncGroup> groupsSharing(Collection<CalendarRef> calendars) {
        return jdbc.autoCommit(connection -> groups.readSharing(connection, calendars));
    }

    /** The groups of one owner, ordered by id: what a signed-in person may see. */
    public List<SyncGroup> groupsOf(String owner) {
        return jdbc.autoCommit(connection -> groups.read(connection, GroupRows.Filter.BY_OWNER, owner));
    }

    @Override
    public Optional<SyncGroup> group(String groupId) {
        return jdbc.autoCommit(connection -> groups.read(connection, GroupRows.Filter.BY_ID, groupId)).stream()
                .findFirst();
    }

    @Override
    public void deleteGroup(String groupId) {
        jdbc.inTransactionDo(connection -> deleteRows(connection, groupId, true));
    }

    @Override
    public void retireGroup(String groupId) {
        jdbc.inTransactionDo(connection -> retire(connection, groupId));
    }

    /**
     * The groups of a configuration file, saved and marked as the file's; a group an earlier run saved from a file
     * that this file no longer has is retired ({@link #retireGroup}) when one of its calendars belongs to an account
     * of this file (another file on the same database, with other accounts, keeps its groups). Groups made in the
     * web UI are left alone. Ids of the groups retired now are returned.
     */
    public List<String> saveFileGroups(List<SyncGroup> fileGroups, Set<String> fileAccounts) {
        return saveFileGroups(fileGroups, fileGroups.stream().map(SyncGroup::id).collect(Collectors.toSet()),
                fileAccounts);
    }

    /**
     * As {@link #saveFileGroups(List, Set)}, for a file some of whose groups cannot be used now ({@code serve}
     * starting while a calendar list cannot be read): a group in {@code declared} but not in {@code fileGroups}
     * keeps its stored version and is not retired.
     *
     * @param declared the ids of every group the file has
     */
    public List<String> saveFileGroups(List<SyncGroup> fileGroups, Set<String> declared, Set<String> fileAccounts) {
        Instant now = clock.instant();
        return jdbc.inTransaction(connection -> {
            Set<String> ids = new HashSet<>(declared);
            for (SyncGroup group : fileGroups) {
                groups.save(connection, group, now);
                ids.add(group.id());
                try (PreparedStatement ps = connection.prepareStatement(
                        "UPDATE sync_groups SET from_file = TRUE WHERE id = ?")) {
                    ps.setString(1, group.id());
                    ps.executeUpdate();
                }
            }
            List<String> gone = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM sync_groups WHERE from_file = TRUE");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!ids.contains(rs.getString(1))) {
                        gone.add(rs.getString(1));
                    }
                }
            }
            List<String> retired = new ArrayList<>();
            for (String groupId : gone) {
                boolean ours = groups.read(connection, GroupRows.Filter.BY_ID, groupId).stream()
                        .flatMap(g -> g.calendars().stream()).anyMatch(c -> fileAccounts.contains(c.accountId()));
                if (ours) {
                    retire(connection, groupId);
                    retired.add(groupId);
                }
            }
            return retired;
        });
    }

    /** The ids of the groups saved from a configuration file ({@link #saveFileGroups}), in no order. */
    public Set<String> fileGroupIds() {
        return jdbc.autoCommit(connection -> {
            Set<String> ids = new HashSet<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM sync_groups WHERE from_file = TRUE");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    /**
     * Every group, of whatever owner and whether from a file or the web UI, that holds one of {@code calendars},
     * ordered by id: the groups a new or changed group could repeat a pair of (uses the group_calendars_by_calendar
     * index).
     */
    public List<SyncGroup> groupsHolding(Collection<CalendarRef> calendars) {
        return jdbc.autoCommit(connection -> {
            Set<String> ids = new TreeSet<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT DISTINCT group_id FROM group_calendars WHERE account_id = ? AND calendar_id = ?")) {
                for (CalendarRef calendar : new HashSet<>(calendars)) {
                    ps.setString(1, calendar.accountId());
                    ps.setString(2, calendar.calendarId());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getString(1));
                        }
                    }
                }
            }
            List<SyncGroup> holding = new ArrayList<>();
            for (String id : ids) {
                holding.addAll(groups.read(connection, GroupRows.Filter.BY_ID, id));
            }
            return holding;
        });
    }

    /** A retired group keeps its block rows: they are how its blocks are found and removed later. */
    private static void retire(Connection connection, String groupId) throws SQLException {
        deleteRows(connection, groupId, false);
    }

    private static void deleteRows(Connection connection, String groupId, boolean withBlocks) throws SQLException {
        for (String table : GROUP_TABLES) {
            if (!withBlocks && table.equals("blocks")) {
                continue;
            }
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + table + " WHERE group_id = ?")) {
                ps.setString(1, groupId);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM sync_groups WHERE id = ?")) {
            ps.setString(1, groupId);
            ps.executeUpdate();
        }
    }

    @Override
    public String installationId() {
        String known = installationId;
        if (known == null) {
            known = jdbc.autoCommit(connection -> {
                String id = InstallationRow.read(connection);
                if (id == null) {
                    InstallationRow.tryCreate(connection, clock.instant());
                    id = InstallationRow.read(connection);
                }
                return id;
            });
            installationId = known;
        }
        return known;
    }

    /** Pauses or resumes a group (not part of {@link SyncGroup}; saveGroup keeps it). False if no such group. */
    public boolean setPaused(String groupId, boolean paused) {
        Instant now = clock.instant();
        return jdbc.inTransaction(connection -> groups.setPaused(connection, groupId, paused, now));
    }

    public boolean isPaused(String groupId) {
        return jdbc.autoCommit(connection -> groups.paused(connection, groupId));
    }

    // --- per calendar of a group ----------------------------------------------------------------------------

    @Override
    public CalendarSyncState syncState(String groupId, CalendarRef calendar) {
        return jdbc.autoCommit(connection -> states.read(connection, groupId, calendar));
    }

    @Override
    public GroupSyncStates syncStates(String groupId, List<CalendarRef> calendars) {
        return jdbc.autoCommit(connection -> states.readGroup(connection, groupId, calendars));
    }

    /**
     * One statement: the states are written only while {@code owner} holds the lease (it is not extended; the
     * pass releases it next). The lease is checked inside the statement, so no other worker can have taken it
     * between the check and the write.
     */
    @Override
    public boolean commitIdle(String groupId, String owner, Instant now, Duration ttl, List<CalendarCommit> commits) {
        if (commits.isEmpty()) {
            return true;
        }
        return jdbc.autoCommit(connection -> states.writeIfLeased(connection, groupId, owner, commits)) > 0;
    }

    /** One transaction: the lease, then block rows, the cache and states, and the validity (cleared with null). */
    @Override
    public boolean commitPass(String groupId, String owner, Instant now, Duration ttl, BlockRowWrites rows,
                              List<CalendarCommit> commits, ProjectionValidity validity) {
        checkGroup(groupId, rows.saved());
        return jdbc.inTransaction(connection -> {
            if (!LeaseTable.renew(connection, groupId, owner, now, ttl)) {
                return false;
            }
            if (rows.replaceAll()) {
                deleteBlocks(connection, groupId);
            }
            blocks.upsert(connection, rows.saved());
            for (BlockRowWrites.Removal removal : rows.removed()) {
                blocks.delete(connection, groupId, removal.target(), removal.blockId());
            }
            commitCalendars(connection, groupId, commits);
            states.writeValidity(connection, groupId, validity);
            return true;
        });
    }

    @Override
    public void saveProjectionValidity(String groupId, ProjectionValidity validity) {
        jdbc.inTransactionDo(connection -> states.writeValidity(connection, groupId, validity));
    }

    @Override
    public List<SourceEvent> cachedEvents(String groupId, CalendarRef calendar) {
        return jdbc.autoCommit(connection -> events.read(connection, groupId, calendar));
    }

    /**
     * One transaction for all calendars: a replace-all commit first empties the calendar's cache, then the
     * events are upserted, then the new state (token) is written. If anything fails, nothing is kept, so the
     * next pass replays from the old token.
     */
    @Override
    public void commit(String groupId, List<CalendarCommit> commits) {
        jdbc.inTransactionDo(connection -> commitCalendars(connection, groupId, commits));
    }

    private void commitCalendars(Connection connection, String groupId, List<CalendarCommit> commits)
            throws SQLException {
        for (CalendarCommit commit : commits) {
            if (commit.replaceAll()) {
                events.deleteCalendar(connection, groupId, commit.calendar());
            }
            events.upsert(connection, groupId, commit.calendar(), commit.events());
            states.write(connection, groupId, commit.calendar(), commit.state());
        }
    }

    @Override
    public void recordFailure(String groupId, CalendarRef calendar, String error, Instant at) {
        jdbc.inTransactionDo(connection -> states.writeFailure(connection, groupId, calendar, error, at));
    }

    // --- blocks ---------------------------------------------------------------------------------------------

    @Override
    public List<KnownBlock> blocks(String groupId) {
        return jdbc.autoCommit(connection -> blocks.read(connection, groupId));
    }

    @Override
    public List<KnownBlock> retiredBlocks() {
        return jdbc.autoCommit(connection -> {
            List<String> retired = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT DISTINCT group_id FROM blocks"
                    + " WHERE group_id NOT IN (SELECT id FROM sync_groups)");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    retired.add(rs.getString(1));
                }
            }
            retired.sort(Comparator.naturalOrder());
            List<KnownBlock> rows = new ArrayList<>();
            for (String groupId : retired) {
                rows.addAll(blocks.read(connection, groupId));
            }
            return rows;
        });
    }

    @Override
    public void saveBlock(KnownBlock block) {
        saveBlocks(List.of(block));
    }

    @Override
    public void saveBlocks(List<KnownBlock> rows) {
        jdbc.inTransactionDo(connection -> {
            blocks.upsert(connection, rows);
            for (String groupId : rows.stream().map(KnownBlock::groupId).distinct().toList()) {
                states.writeValidity(connection, groupId, null);
            }
        });
    }

    /** Also forgets the group's projection validity: rows changed outside a pass's commit must be planned again. */
    @Override
    public void removeBlock(String groupId, CalendarRef target, String blockId) {
        jdbc.inTransactionDo(connection -> {
            blocks.delete(connection, groupId, target, blockId);
            states.writeValidity(connection, groupId, null);
        });
    }

    @Override
    public void replaceBlocks(String groupId, List<KnownBlock> rows) {
        checkGroup(groupId, rows);
        jdbc.inTransactionDo(connection -> {
            deleteBlocks(connection, groupId);
            blocks.upsert(connection, rows);
            states.writeValidity(connection, groupId, null);
        });
    }

    private static void checkGroup(String groupId, List<KnownBlock> rows) {
        for (KnownBlock block : rows) {
            if (!groupId.equals(block.groupId())) {
                throw new IllegalArgumentException("block " + block.blockId() + " belongs to group "
                        + block.groupId() + ", not " + groupId);
            }
        }
    }

    private static void deleteBlocks(Connection connection, String groupId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM blocks WHERE group_id = ?")) {
            ps.setString(1, groupId);
            ps.executeUpdate();
        }
    }

    // --- leases ---------------------------------------------------------------------------------------------

    @Override
    public boolean tryAcquireLease(String groupId, String owner, Instant now, Duration ttl) {
        return leases.tryAcquire(groupId, owner, now, ttl);
    }

    @Override
    public boolean renewLease(String groupId, String owner, Instant now, Duration ttl) {
        return leases.renew(groupId, owner, now, ttl);
    }

    @Override
    public void releaseLease(String groupId, String owner) {
        leases.release(groupId, owner);
    }
}
