package dev.calsync.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The two databases calsync runs on. The schema and almost all SQL are shared; only upserts differ,
 * because neither database accepts the other's form (see {@link Upsert}).
 */
enum Dialect {
    H2,
    POSTGRESQL;

    static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String name = product.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("unsupported database '" + product + "' (H2 or PostgreSQL)");
    }
}
