package microblog.migrate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import microblog.db.DatabaseException;
import microblog.db.url.DatabaseKind;
import microblog.db.url.DatabaseUrl;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;

/**
 * A database reached through the application's own {@link DataSource}. Its
 * connections are borrowed and given back as they came: a setting changed for
 * the migration (read-only, SQLite's transaction mode) is restored on close.
 */
final class DataSourceTarget implements TargetDatabase {
    private final DataSource dataSource;
    private volatile DatabaseKind kind;

    DataSourceTarget(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public DatabaseKind kind() {
        DatabaseKind known = kind;
        if (known == null) {
            try (Connection connection = borrow()) {
                known = kindOf(connection.getMetaData().getDatabaseProductName());
                known.dialect().requireSettings(connection);
            } catch (DatabaseException e) {
                throw new MigrationException(e.getMessage(), e);
            } catch (SQLException e) {
                throw new MigrationException(
                        "cannot read which database the DataSource connects to: " + e.getMessage(), e);
            }
            kind = known;
        }
        return known;
    }

    /** The kind a product name, as JDBC metadata gives it, stands for. */
    static DatabaseKind kindOf(String productName) {
        try {
            return DatabaseKind.ofProductName(productName);
        } catch (DatabaseException unsupported) {
            throw new MigrationException(unsupported.getMessage(), unsupported);
        }
    }

    @Override
    public Connection openForWriting() {
        Connection connection = borrow();
        if (kind() != DatabaseKind.SQLITE) {
            return connection;
        }
        try {
            return SqliteWrites.immediate(connection);
        } catch (SQLException e) {
            close(connection);
            throw new MigrationException(
                    "the DataSource's SQLite connections are not sqlite-jdbc's: " + e.getMessage(), e);
        }
    }

    /**
     * The one use of sqlite-jdbc's own classes, in a class of its own, so that an
     * application without that driver never loads it.
     */
    private static final class SqliteWrites {
        /**
         * {@code connection}, its transactions taking the write lock at BEGIN until it is
         * closed. A migration also switches foreign keys off and on around each revision and
         * waits for the lock as long as {@code lock_timeout} says: the pool's own settings of
         * those come back too, or its other users would find them changed.
         */
        static Connection immediate(Connection connection) throws SQLException {
            // The mode BEGIN uses lives on the connection; the pool's other users keep theirs.
            SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
            TransactionMode before = sqlite.getConnectionConfig().getTransactionMode();
            long foreignKeys = pragma(connection, "foreign_keys");
            long busyTimeout = pragma(connection, "busy_timeout");
            sqlite.getConnectionConfig().setTransactionMode(TransactionMode.IMMEDIATE);
            return onClose(connection, () -> {
                sqlite.getConnectionConfig().setTransactionMode(before);
                try (Statement st = connection.createStatement()) {
                    st.execute("PRAGMA foreign_keys = " + foreignKeys);
                    st.execute("PRAGMA busy_timeout = " + busyTimeout);
                }
            });
        }

        private static long pragma(Connection connection, String name) throws SQLException {
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("PRAGMA " + name)) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    @Override
    public Optional<Connection> openReadOnly() {
        Connection connection = borrow();
        if (kind() == DatabaseKind.SQLITE) {
            return Optional.of(connection); // sqlite-jdbc fixes read-only when it opens; the callers only read
        }
        try {
            boolean before = connection.isReadOnly();
            connection.setReadOnly(true);
            return Optional.of(onClose(connection, () -> connection.setReadOnly(before)));
        } catch (SQLException e) {
            return Optional.of(connection); // only a hint to the driver
        }
    }

    @Override
    public Optional<DatabaseUrl> url() {
        return Optional.empty();
    }

    private Connection borrow() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new MigrationException("cannot get a connection from the DataSource: " + e.getMessage(), e);
        }
    }

    /** What restores a borrowed connection's setting before it goes back to the pool. */
    @FunctionalInterface
    private interface Restore {
        void run() throws SQLException;
    }

    /** {@code connection}, running {@code restore} before it is closed. */
    private static Connection onClose(Connection connection, Restore restore) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        try {
                            restore.run();
                        } finally {
                            connection.close();
                        }
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing; the first error is the one to report
        }
    }

    @Override
    public String toString() {
        return "the application's DataSource (" + dataSource.getClass().getSimpleName() + ")";
    }
}
