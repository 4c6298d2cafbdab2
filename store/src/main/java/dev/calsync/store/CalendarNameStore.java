package dev.calsync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code calendar_names} table: the calendar id a name of a group resolved to in its account's calendar list.
 * A name met once needs no calendar-list read again; {@link #forget} makes the next use read the list afresh.
 */
public final class CalendarNameStore {

    private final Jdbc jdbc;
    private final Clock clock;
    private final Upsert.Statement upsert;

    public CalendarNameStore(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
        this.upsert = Upsert.into("calendar_names")
                .key("account_id", "name")
                .set("calendar_id", "resolved_at")
                .build(jdbc.dialect());
    }

    public Optional<String> calendarId(String accountId, String name) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT calendar_id FROM calendar_names WHERE account_id = ? AND name = ?")) {
                ps.setString(1, accountId);
                ps.setString(2, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    public void remember(String accountId, String name, String calendarId) {
        jdbc.inTransactionDo(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(upsert.sql())) {
                upsert.bind(ps, accountId, name, calendarId, Jdbc.timestamp(clock.instant()));
                ps.executeUpdate();
            }
        });
    }

    /** Every name of the account: they are resolved again on their next use. */
    public void forget(String accountId) {
        jdbc.inTransactionDo(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM calendar_names WHERE account_id = ?")) {
                ps.setString(1, accountId);
                ps.executeUpdate();
            }
        });
    }
}
