package microblog.migrate.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose connections die, as a killed process's do, right after the {@code n}th
 * statement that changes a table whose name holds {@code marker}: the connection is closed at
 * once (the server rolls back what was not committed) and {@link Crash} is thrown, which no
 * migration code catches. The progress record then lags what ran, as after a kill -9.
 */
public final class CrashingDataSource implements DataSource {
    /** The simulated death of the process. */
    public static final class Crash extends Error {
        Crash(String sql) {
            super("crashed right after: " + sql);
        }
    }

    private final Supplier<Connection> connections;
    private final String marker;
    private int crashAfter = Integer.MAX_VALUE;
    private int seen;

    public CrashingDataSource(Supplier<Connection> connections, String marker) {
        this.connections = connections;
        this.marker = marker;
    }

    /** Crashes after the {@code n}th statement from now that changes a marked table; 0 for never. */
    public synchronized void crashAfter(int n) {
        crashAfter = n == 0 ? Integer.MAX_VALUE : n;
        seen = 0;
    }

    /** How many marked statements ran since {@link #crashAfter}. */
    public synchronized int seen() {
        return seen;
    }

    @Override
    public Connection getConnection() {
        Connection real = connections.get();
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    return result instanceof Statement statement ? watch(real, statement) : result;
                });
    }

    private Statement watch(Connection connection, Statement statement) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(statement, method, args);
            if (method.getName().startsWith("execute")
                    && args != null
                    && args.length > 0
                    && args[0] instanceof String sql) {
                afterStatement(connection, sql);
            }
            return result;
        };
        return (Statement)
                Proxy.newProxyInstance(Statement.class.getClassLoader(), jdbcInterfaces(statement.getClass()), handler);
    }

    /** The java.sql interfaces {@code type} implements (Statement, PreparedStatement, ...), all the way up. */
    private static Class<?>[] jdbcInterfaces(Class<?> type) {
        java.util.Set<Class<?>> found = new java.util.LinkedHashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                collect(i, found);
            }
        }
        return found.toArray(Class<?>[]::new);
    }

    private static void collect(Class<?> type, java.util.Set<Class<?>> found) {
        if (type.getName().startsWith("java.sql.") && found.add(type)) {
            for (Class<?> parent : type.getInterfaces()) {
                collect(parent, found);
            }
        }
    }

    private synchronized void afterStatement(Connection connection, String sql) throws SQLException {
        String text = sql.strip().toUpperCase(Locale.ROOT);
        if (text.startsWith("SELECT") || !sql.contains(marker)) {
            return;
        }
        if (++seen == crashAfter) {
            crashAfter = Integer.MAX_VALUE;
            connection.close();
            throw new Crash(sql);
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public Connection getConnection(String username, String password) {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
