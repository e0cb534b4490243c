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
            props.setProperty("busy_timeout", "5000");
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
        Properties extra = new Properties();
        if (url.kind() == DatabaseKind.SQLITE) {
            extra.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        }
        Connection connection = open(extra);
        try {
            connection.setReadOnly(true);
        } catch (SQLException e) {
            // Only a hint to the driver; the callers issue no writes anyway.
        }
        return connection;
    }

    /** Opens a connection with {@code extra} driver properties on top of the usual ones. */
    public Connection open(Properties extra) {
        Properties props = driverProperties();
        props.putAll(extra);
        try {
            return DriverManager.getConnection(url.jdbcUrl(), props);
        } catch (SQLException e) {
            throw new DatabaseConnectionException(ConnectionErrors.explain(url, e), e);
        }
    }
}
