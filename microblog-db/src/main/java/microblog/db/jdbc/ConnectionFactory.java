package microblog.db.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
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
        url.kind().dialect().addConnectionSettings(url.jdbcUrl(), props);
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
     * Being short-lived, it is made to work through a transaction pooler too.
     */
    public Connection openReadOnly() {
        Properties props = driverProperties();
        url.kind().dialect().addReadOnlySettings(props);
        url.kind().dialect().addPoolerSafeSettings(props);
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

    /** The one-line failure that {@code e}, a driver's error met opening a connection to this URL, stands for. */
    public DatabaseConnectionException failure(SQLException e) {
        return new DatabaseConnectionException(ConnectionErrors.explain(url, e), e);
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
