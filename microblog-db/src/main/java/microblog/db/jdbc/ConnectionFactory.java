package microblog.db.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import microblog.db.url.DatabaseKind;
import microblog.db.url.DatabaseUrl;

/**
 * Opens plain JDBC connections, with the per-database settings every part of
 * the project relies on. Used directly by the migration commands, which must
 * start fast and so never boot the ORM, and by the pool behind the ORM.
 */
public final class ConnectionFactory {
    /** How long a SQLite connection waits for another's write lock before it gives up. */
    public static final int BUSY_TIMEOUT_MILLIS = 30_000;

    private final DatabaseUrl url;

    public ConnectionFactory(DatabaseUrl url) {
        this.url = url;
    }

    public DatabaseUrl url() {
        return url;
    }

    /** Driver properties: credentials plus the settings the project depends on. */
    public Properties driverProperties() {
        Properties props = new Properties();
        if (url.username() != null) {
            props.setProperty("user", url.username());
        }
        if (url.password() != null) {
            props.setProperty("password", url.password());
        }
        if (url.kind() == DatabaseKind.SQLITE) {
            // SQLite checks foreign keys only when each connection asks it to.
            props.setProperty("foreign_keys", "true");
            // Write-ahead logging: readers never wait for a writer, nor a writer for readers.
            props.setProperty("journal_mode", "WAL");
            // A writer waits its turn rather than failing: long enough for any ordinary write,
            // unless the URL sets its own (jdbc:sqlite:app.db?busy_timeout=...).
            if (!url.jdbcUrl().contains("busy_timeout=")) {
                props.setProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT_MILLIS));
            }
        }
        return props;
    }

    /**
     * Opens a connection.
     *
     * @throws DatabaseConnectionException with a one-line explanation if the database cannot be used
     */
    public Connection open() {
        return open(new Properties());
    }

    /**
     * Opens a read-only connection: it never creates a SQLite file or changes
     * anything. Where the driver cannot enforce it, the connection is still marked.
     */
    public Connection openReadOnly() {
        Properties props = driverProperties();
        if (url.kind() == DatabaseKind.SQLITE) {
            props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
            props.remove("journal_mode"); // setting it is a write; a WAL database is read as such anyway
        }
        Connection connection = connect(props);
        try {
            connection.setReadOnly(true);
        } catch (SQLException e) {
            // Only a hint to the driver; the callers issue no writes anyway.
        }
        return connection;
    }

    /**
     * Fails unless a JDBC driver for the URL is on the class path: the drivers are the
     * application's dependencies, not this library's.
     *
     * @throws DatabaseConnectionException naming the driver to add
     */
    public void requireDriver() {
        try {
            DriverManager.getDriver(url.jdbcUrl());
        } catch (SQLException e) {
            throw new DatabaseConnectionException(ConnectionErrors.explain(url, e), e);
        }
    }

    /** Opens a connection with {@code extra} driver properties on top of the usual ones. */
    public Connection open(Properties extra) {
        Properties props = driverProperties();
        props.putAll(extra);
        return connect(props);
    }

    private Connection connect(Properties props) {
        try {
            return DriverManager.getConnection(url.jdbcUrl(), props);
        } catch (SQLException e) {
            throw new DatabaseConnectionException(ConnectionErrors.explain(url, e), e);
        }
    }
}
