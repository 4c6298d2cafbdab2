package dev.calsync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** The {@code account_probes} table: when a paused account is probed next, and how many probes failed in a row. */
public final class AccountProbeStore {

    /** @param failures probes in a row that found the grant still refused */
    public record Probe(String accountId, int failures, Instant next) {
    }

    private final Jdbc jdbc;
    private final Upsert.Statement upsert;

    public AccountProbeStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        this.upsert = Upsert.into("account_probes")
                .key("account_id")
                .set("failures", "next_probe_at")
                .build(jdbc.dialect());
    }

    public Optional<Probe> find(String accountId) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT failures, next_probe_at FROM account_probes WHERE account_id = ?")) {
                ps.setString(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Probe(accountId, rs.getInt(1),
                            rs.getObject(2, OffsetDateTime.class).toInstant())) : Optional.<Probe>empty();
                }
            }
        });
    }

    public void save(Probe probe) {
        jdbc.inTransactionDo(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(upsert.sql())) {
                upsert.bind(ps, probe.accountId(), probe.failures(), Jdbc.timestamp(probe.next()));
                ps.executeUpdate();
            }
        });
    }

    /** Someone else claimed the slot at the same moment (a concurrent first insert, H2's lock errors). */
    private static final Set<String> LOST_RACE = Set.of("23505", "90131", "HYT00", "40001", "40P01");

    /**
     * Takes the probe due at {@code now} for this caller alone: the next probe is moved to {@code until} only if it
     * was still due (or no row existed), in one conditional statement, so of two nodes that both found the probe
     * due exactly one gets true and probes. The failure count is left as it was.
     */
    public boolean claim(String accountId, Instant now, Instant until) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("UPDATE account_probes SET next_probe_at = ?"
                    + " WHERE account_id = ? AND next_probe_at <= ?")) {
                ps.setObject(1, Jdbc.timestamp(until));
                ps.setString(2, accountId);
                ps.setObject(3, Jdbc.timestamp(now));
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO account_probes"
                    + " (account_id, failures, next_probe_at) SELECT ?, 0, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM account_probes WHERE account_id = ?)")) {
                ps.setString(1, accountId);
                ps.setObject(2, Jdbc.timestamp(until));
                ps.setString(3, accountId);
                return ps.executeUpdate() == 1;
            } catch (SQLException e) {
                if (LOST_RACE.contains(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** The account works again (or is gone): its back-off starts afresh next time. */
    public void clear(String accountId) {
        jdbc.inTransactionDo(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM account_probes WHERE account_id = ?")) {
                ps.setString(1, accountId);
                ps.executeUpdate();
            }
        });
    }
}
