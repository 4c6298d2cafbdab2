package dev.calsync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code group_last_passes} table: each group's last pass, whichever node ran it, for the dashboard. A row goes
 * with its group.
 */
public final class LastPasses {

    /** What the dashboard shows of a pass: when it ended, how, what it wrote and how long it took. */
    public record LastPass(String groupId, Instant finished, String outcome, int inserted, int updated, int deleted,
                           long millis) {
    }

    private final Jdbc jdbc;
    private final Upsert.Statement upsert;

    public LastPasses(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        this.upsert = Upsert.into("group_last_passes")
                .key("group_id")
                .set("finished_at", "outcome", "inserted", "updated", "deleted", "took_ms")
                .build(jdbc.dialect());
    }

    /** Replaces the group's last pass; a pass that ended before the stored one (another node's, late) is kept out. */
    public void record(LastPass pass) {
        Optional<LastPass> stored = find(pass.groupId());
        if (stored.isPresent() && stored.get().finished().isAfter(pass.finished())) {
            return;
        }
        jdbc.inTransactionDo(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(upsert.sql())) {
                upsert.bind(ps, pass.groupId(), Jdbc.timestamp(pass.finished()), pass.outcome(), pass.inserted(),
                        pass.updated(), pass.deleted(), pass.millis());
                ps.executeUpdate();
            }
        });
    }

    public Optional<LastPass> find(String groupId) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT finished_at, outcome, inserted, updated,"
                    + " deleted, took_ms FROM group_last_passes WHERE group_id = ?")) {
                ps.setString(1, groupId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new LastPass(groupId, rs.getObject(1, OffsetDateTime.class).toInstant(),
                            rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getLong(6)));
                }
            }
        });
    }
}
