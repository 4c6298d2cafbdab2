package dev.calsync.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code accounts} table: connected accounts per owner. Not a core port: only the app uses it. */
public final class AccountStore {

    private static final String COLUMNS = "id, owner, provider, display_name, email, encrypted_credentials, status";

    private final Jdbc jdbc;
    private final Clock clock;
    private final Upsert.Statement upsert;

    public AccountStore(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
        this.upsert = Upsert.into("accounts")
                .key("id")
                .set("owner", "provider", "display_name", "email", "encrypted_credentials", "status", "updated_at")
                .insertOnly("created_at")
                .build(jdbc.dialect());
    }

    public AccountStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /** Creates or replaces the account. */
    public void save(Account account) {
        Instant now = clock.instant();
        jdbc.inTransactionDo(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(upsert.sql())) {
                upsert.bind(ps, account.id(), account.owner(), account.provider(), account.displayName(),
                        account.email(), account.encryptedCredentials(), account.status().name(),
                        Jdbc.timestamp(now), Jdbc.timestamp(now));
                ps.executeUpdate();
            }
        });
    }

    public Optional<Account> find(String id) {
        return jdbc.autoCommit(connection -> query(connection, "WHERE id = ?", id)).stream().findFirst();
    }

    /** The owner's accounts, ordered by id. */
    public List<Account> listByOwner(String owner) {
        List<Account> accounts = new ArrayList<>(jdbc.autoCommit(connection -> query(connection, "WHERE owner = ?", owner)));
        accounts.sort(Comparator.comparing(Account::id)); // code point order on both databases
        return accounts;
    }

    /** Returns false when no such account exists. */
    public boolean markStatus(String id, AccountStatus status) {
        Instant now = clock.instant();
        return jdbc.inTransaction(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE accounts SET status = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, status.name());
                Jdbc.setTimestamp(ps, 2, now);
                ps.setString(3, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Returns false when no such account exists. */
    public boolean delete(String id) {
        return jdbc.inTransaction(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM accounts WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static List<Account> query(Connection connection, String where, String parameter) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM accounts " + where)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                List<Account> accounts = new ArrayList<>();
                while (rs.next()) {
                    accounts.add(new Account(rs.getString("id"), rs.getString("owner"), rs.getString("provider"),
                            rs.getString("display_name"), rs.getString("email"),
                            rs.getBytes("encrypted_credentials"), AccountStatus.valueOf(rs.getString("status"))));
                }
                return accounts;
            }
        }
    }
}
