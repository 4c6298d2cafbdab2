package dev.calsync.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The {@code group_leases} table: one writer per group. Every decision is a single conditional statement in
 * auto-commit mode, so the database's row lock decides races between threads and processes. Times come from
 * the caller (the engine's clock), never from the database, so tests can move time.
 */
final class LeaseTable {

    /** A lease that ended at the epoch is free for anyone at any "now". */
    private static final Instant RELEASED = Instant.EPOCH;

    /**
     * Failures that mean "someone else got there at the same moment": a concurrent insert of the row, H2's
     * concurrent-update and lock-timeout errors, serialization failures. Refusing is always the safe answer.
     */
    private static final Set<String> LOST_RACE = Set.of("23505", "90131", "HYT00", "40001", "40P01");

    private final Jdbc jdbc;

    LeaseTable(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    boolean tryAcquire(String groupId, String owner, Instant now, Duration ttl) {
        Instant until = now.plus(ttl);
        return jdbc.autoCommit(connection -> {
            try {
                if (takeOver(connection, groupId, owner, now, until)) {
                    return true;
                }
                // No row yet (or held by someone else): the insert succeeds only for the very first taker.
                return insert(connection, groupId, owner, until);
            } catch (SQLException e) {
                if (LOST_RACE.contains(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    private static boolean takeOver(Connection connection, String groupId, String owner, Instant now, Instant until)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE group_leases SET lease_owner = ?, lease_until = ?"
                + " WHERE group_id = ? AND (lease_until < ? OR lease_owner = ?)")) {
            ps.setString(1, owner);
            Jdbc.setTimestamp(ps, 2, until);
            ps.setString(3, groupId);
            Jdbc.setTimestamp(ps, 4, now);
            ps.setString(5, owner);
            return ps.executeUpdate() == 1;
        }
    }

    private static boolean insert(Connection connection, String groupId, String owner, Instant until)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO group_leases (group_id, lease_owner, lease_until) VALUES (?, ?, ?)")) {
            ps.setString(1, groupId);
            ps.setString(2, owner);
            Jdbc.setTimestamp(ps, 3, until);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Extends the lease while {@code owner} still holds the row. An owner whose lease ran out but was not taken
     * by anyone may renew it: nobody else can have written in between, since taking over changes the owner.
     */
    boolean renew(String groupId, String owner, Instant now, Duration ttl) {
        return jdbc.autoCommit(connection -> renew(connection, groupId, owner, now, ttl));
    }

    /**
     * The same inside the caller's transaction: the row stays locked until it ends, so nobody can take the lease
     * over between this check and the writes that follow it.
     */
    static boolean renew(Connection connection, String groupId, String owner, Instant now, Duration ttl)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE group_leases SET lease_until = ? WHERE group_id = ? AND lease_owner = ?")) {
            Jdbc.setTimestamp(ps, 1, now.plus(ttl));
            ps.setString(2, groupId);
            ps.setString(3, owner);
            return ps.executeUpdate() == 1;
        }
    }

    /** Ends the lease at once if {@code owner} holds it; the row stays, showing who held it last. */
    void release(String groupId, String owner) {
        jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE group_leases SET lease_until = ? WHERE group_id = ? AND lease_owner = ?")) {
                Jdbc.setTimestamp(ps, 1, RELEASED);
                ps.setString(2, groupId);
                ps.setString(3, owner);
                return ps.executeUpdate();
            }
        });
    }
}
