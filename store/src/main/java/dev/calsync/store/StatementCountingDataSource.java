package dev.calsync.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that counts the statements run through it: every {@code execute}, {@code executeQuery},
 * {@code executeUpdate} and {@code executeLargeUpdate} is one, and an {@code executeBatch} counts as many as
 * it carries (a batch is as many statements as its rows, even if it is one round trip). For measuring what a
 * pass costs the database (bench, tests).
 */
public final class StatementCountingDataSource implements DataSource {
    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate");

    private final DataSource delegate;
    private final AtomicLong statements = new AtomicLong();

    public StatementCountingDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /** Statements run so far. */
    public long statements() {
        return statements.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connection(delegate.getConnection(username, password));
    }

    private Connection connection(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    if (result instanceof CallableStatement callable) {
                        return statement(callable, CallableStatement.class);
                    }
                    if (result instanceof PreparedStatement prepared) {
                        return statement(prepared, PreparedStatement.class);
                    }
                    if (result instanceof Statement plain) {
                        return statement(plain, Statement.class);
                    }
                    return result;
                });
    }

    private Object statement(Statement statement, Class<? extends Statement> type) {
        int[] batched = {0};
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (EXECUTES.contains(name)) {
                statements.incrementAndGet();
            } else if (name.equals("addBatch")) {
                batched[0]++;
            } else if (name.equals("clearBatch")) {
                batched[0] = 0;
            } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                statements.addAndGet(batched[0]);
                batched[0] = 0;
            }
            return invoke(statement, method, args);
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate.isWrapperFor(iface);
    }
}
