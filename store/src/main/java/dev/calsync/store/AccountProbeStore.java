package dev.calsync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
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
