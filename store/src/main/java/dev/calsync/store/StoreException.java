package dev.calsync.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * A database failure, unchecked because the store ports do not declare checked exceptions. It says whether the
 * database could not be reached at all (an outage: nothing a retry of the statement fixes) and which store
 * operation failed, so a log line can name the cause without a stack trace.
 */
public class StoreException extends RuntimeException {
    private final boolean unreachable;
    private final String operation;

    public StoreException(String message, Throwable cause) {
        this(message, cause, false, null);
    }

    private StoreException(String message, Throwable cause, boolean unreachable, String operation) {
        super(message, cause);
        this.unreachable = unreachable;
        this.operation = operation;
    }

    /**
     * @param operation the store operation, e.g. {@code JdbcSyncStore.commit}
     * @param statement "statement" or "transaction"
     * @param connecting whether the failure came while getting a connection
     */
    public static StoreException of(String operation, String statement, boolean connecting, SQLException e) {
        boolean unreachable = connecting || unreachable(e);
        String what = unreachable ? "database unreachable" : "database " + statement + " failed";
        String state = e.getSQLState() == null ? "" : e.getSQLState() + " ";
        return new StoreException(what + " in " + operation + " (" + state + rootMessage(e) + ")", e, unreachable,
                operation);
    }

    /** The database could not be reached (no connection, or the connection broke): an outage, not a bad statement. */
    public boolean unreachable() {
        return unreachable;
    }

    /** The store operation that failed ({@code Class.method}), or null when unknown. */
    public String operation() {
        return operation;
    }

    /** Connection exceptions: SQL state class 08, or the pool's timeout waiting for one. */
    private static boolean unreachable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message: the driver's own words (refused, timed out), not the pool's wrapper. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int line = message.indexOf('\n');
        return line < 0 ? message : message.substring(0, line);
    }
}
