package dev.calsync.store;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A data source that fails the first statement whose SQL mentions {@code table}, when executed, in one of two
 * ways: as the database refusing it (like a constraint violation), or by closing the physical connection
 * under the open transaction (like a crashed network or database). Everything else passes through.
 */
final class FailingDataSource {

    enum Failure { STATEMENT_REJECTED, CONNECTION_LOST }

    private static final Set<String> EXECUTE = Set.of("execute", "executeUpdate", "executeBatch", "executeLargeUpdate",
            "executeLargeBatch");

    private FailingDataSource() {
    }

    static DataSource failingOn(DataSource real, String table, Failure failure) {
        return proxy(DataSource.class, real, (target, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection c ? connection(real, c, table, failure) : result;
        });
    }

    private static Connection connection(DataSource pool, Connection real, String table, Failure failure) {
        return proxy(Connection.class, real, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof PreparedStatement ps && method.getName().equals("prepareStatement")
                    && ((String) args[0]).contains(table)) {
                return statement(ps, pool, real, failure);
            }
            return result;
        });
    }

    private static PreparedStatement statement(PreparedStatement real, DataSource pool, Connection connection,
                                               Failure failure) {
        return proxy(PreparedStatement.class, real, (target, method, args) -> {
            if (EXECUTE.contains(method.getName())) {
                if (failure == Failure.CONNECTION_LOST) {
                    connection.unwrap(Connection.class).close();
                    // A real pool notices a dead connection by its SQL state; an embedded H2 session closed
                    // by hand does not look dead, so tell the pool, as it would find out by itself.
                    if (pool instanceof HikariDataSource hikari) {
                        hikari.evictConnection(connection);
                    }
                    throw new SQLException("simulated: connection lost", "08006");
                }
                throw new SQLException("simulated: check constraint violated", "23514");
            }
            return invoke(target, method, args);
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler h = (p, method, args) -> handler.handle(target, method, args);
        return (T) Proxy.newProxyInstance(FailingDataSource.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }
}
