package dev.calsync.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import javax.sql.DataSource;

/** Connections, transactions and the few binding helpers every table class needs. */
final class Jdbc {

    /** Work on one connection; may throw SQLException, which the helpers turn into {@link StoreException}. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    interface SqlAction {
        void run(Connection connection) throws SQLException;
    }

    /**
     * SQL states after which running the whole transaction again can succeed: a concurrent insert of the same
     * key (H2's MERGE is not atomic against it), serialization failures, deadlocks, H2's concurrent-update
     * and lock-timeout errors. Every store transaction is idempotent, so replaying it is safe.
     */
    static final Set<String> RETRYABLE = Set.of("23505", "40001", "40P01", "90131", "HYT00");

    private static final int ATTEMPTS = 5;

    /** How many rows go into one executeBatch: large enough to save round trips, small enough for memory. */
    static final int BATCH = 500;

    private final DataSource dataSource;
    private final Dialect dialect;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
        this.dialect = autoCommit(Dialect::of);
    }

    Dialect dialect() {
        return dialect;
    }

    /**
     * Runs {@code work} in auto-commit mode, each statement its own transaction: for reads and for single
     * statements whose outcome must be final at once (leases). Set explicitly, since a data source handed in
     * by a framework may not default to auto-commit.
     */
    <T> T autoCommit(Work<T> work) {
        Connection connection = connect("statement");
        try (connection) {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.setAutoCommit(true);
            }
            try {
                return work.run(connection);
            } finally {
                restoreQuietly(connection, autoCommit);
            }
        } catch (SQLException e) {
            throw StoreException.of(operation(), "statement", false, e);
        }
    }

    /** Runs {@code work} as one transaction: all of it is committed, or none of it. */
    <T> T inTransaction(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            Connection connection = connect("transaction");
            try (connection) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(connection, e);
                    throw e;
                } finally {
                    restoreQuietly(connection, autoCommit);
                }
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && RETRYABLE.contains(e.getSQLState())) {
                    continue;
                }
                throw StoreException.of(operation(), "transaction", false, e);
            }
        }
    }

    /** A connection from the pool; none (the pool timed out, the database refused) means the database is unreachable. */
    private Connection connect(String statement) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw StoreException.of(operation(), statement, true, e);
        }
    }

    /** The store method that called in here, for the failure's message: {@code JdbcSyncStore.commit}. */
    private static String operation() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> f.getClassName().startsWith("dev.calsync.store.")
                        && !f.getClassName().equals(Jdbc.class.getName())
                        && !f.getClassName().startsWith(Jdbc.class.getName() + "$"))
                .findFirst()
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
                .orElse("the store"));
    }

    /** {@link #inTransaction} for work without a result. */
    void inTransactionDo(SqlAction action) {
        inTransaction(connection -> {
            action.run(connection);
            return null;
        });
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private static void restoreQuietly(Connection connection, boolean autoCommit) {
        try {
            if (!connection.isClosed()) {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException ignored) {
            // the pool validates and resets connections it gets back
        }
    }

    // --- binding -----------------------------------------------------------------------------------------

    /** Binds a moment for a TIMESTAMP WITH TIME ZONE column (see {@link #timestamp(Instant)}). */
    static void setTimestamp(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, timestamp(value));
        }
    }

    /** The JDBC value of a TIMESTAMP WITH TIME ZONE, cut to microseconds as both databases keep. */
    static OffsetDateTime timestamp(Instant value) {
        return OffsetDateTime.ofInstant(value.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
