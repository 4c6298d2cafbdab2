package dev.calsync.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;

/** The {@code installation} table: one row, this installation's id, made by whichever process asks first. */
final class InstallationRow {
    private static final SecureRandom RANDOM = new SecureRandom();

    private InstallationRow() {
    }

    static String read(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM installation WHERE singleton = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Inserts a fresh id; false when another process inserted one first (then read theirs). */
    static boolean tryCreate(Connection connection, Instant now) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO installation (singleton, id, created_at) VALUES (1, ?, ?)")) {
            ps.setString(1, HexFormat.of().formatHex(bytes));
            ps.setObject(2, Jdbc.timestamp(now));
            ps.executeUpdate();
            return true;
        } catch (SQLException duplicate) {
            return false;
        }
    }
}
