package microblog.db.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import microblog.db.ConstraintKind;

/**
 * MySQL and MariaDB, as one: MariaDB Connector/J talks to both, and MySQL Connector/J would
 * make Hibernate pick an unsupported dialect.
 */
public final class Mysql implements DatabaseDialect {
    /**
     * How long opening a connection to one host may take, the handshake included, in
     * milliseconds (the driver's default is 30 s): a node that is down counts as down after this,
     * and the next host of the URL is tried.
     */
    static final int CONNECT_TIMEOUT_MILLIS = 2000;

    @Override
    public void addConnectionSettings(String jdbcUrl, Properties properties) {
        UrlParameters.setUnlessInUrl(jdbcUrl, properties, "connectTimeout", CONNECT_TIMEOUT_MILLIS);
    }

    /** The driver's connectTimeout, in milliseconds; 0 means none, for which the pool keeps its own 30 s. */
    @Override
    public Optional<Duration> connectTimeout(String jdbcUrl) {
        return Optional.of(UrlParameters.timeout(jdbcUrl, "connectTimeout", CONNECT_TIMEOUT_MILLIS, ChronoUnit.MILLIS));
    }

    /**
     * ER_OPTION_PREVENTS_STATEMENT (1290) for the server's --read-only (it names other options
     * too, such as --secure-file-priv), or ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION (1792).
     */
    @Override
    public boolean isReadOnlyRefusal(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return e.getErrorCode() == 1792 || e.getErrorCode() == 1290 && message.contains("read-only");
    }

    /** A server started (or set) read-only, as a replica is. */
    @Override
    public boolean isReadOnlyServer(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT @@global.read_only")) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    @Override
    public String displayName() {
        return "MySQL/MariaDB";
    }

    @Override
    public String hibernateDialect() {
        return "org.hibernate.dialect.MariaDBDialect";
    }

    @Override
    public Optional<String> hibernateProductName() {
        return Optional.of("MariaDB");
    }

    @Override
    public String driverArtifact() {
        return "org.mariadb.jdbc:mariadb-java-client";
    }

    @Override
    public Set<String> jdbcSubprotocols() {
        return Set.of("mariadb", "mysql");
    }

    @Override
    public boolean isProduct(String lowerCaseProductName) {
        return lowerCaseProductName.contains("mysql") || lowerCaseProductName.contains("mariadb");
    }

    /** MySQL keeps a database per catalog. */
    @Override
    public String metadataCatalog(Connection connection) throws SQLException {
        return connection.getCatalog();
    }

    /**
     * ER_LOCK_WAIT_TIMEOUT (1205). InnoDB rolls back only the statement that waited ({@code
     * innodb_rollback_on_timeout} is off by default) and leaves the transaction open with its
     * earlier changes; the session rolls back the rest, so that, as after a deadlock, nothing of
     * the transaction is written. It is reported as a busy database, not as a conflict: see
     * {@code TransientDatabaseException} for why it is not run again by itself.
     */
    @Override
    public boolean isLockTimeout(SQLException e) {
        return e.getErrorCode() == 1205;
    }

    /**
     * ER_LOCK_DEADLOCK (1213, SQL state 40001), which is also how Galera reports a transaction
     * that failed certification against another node's, at a statement or at the commit; and
     * ER_CHECKREAD (1020), MariaDB's "record has changed since last read" under {@code
     * innodb_snapshot_isolation}. InnoDB has rolled back the whole transaction for each.
     */
    @Override
    public boolean isTransactionConflict(SQLException e) {
        return e.getErrorCode() == 1213 || e.getErrorCode() == 1020 || StandardSqlStates.isSerializationFailure(e);
    }

    /**
     * Class 08; 25S03, with which MariaDB Connector/J reports a connection it lost and replaced
     * by one to the next host of a URL of several (a Galera node killed with the COMMIT in flight:
     * "Driver has reconnect connection after a communications failure with ... during a COMMIT
     * statement"), its transaction lost with it; and ER_CONNECTION_KILLED (1927).
     */
    @Override
    public boolean isConnectionLost(SQLException e) {
        return StandardSqlStates.isConnectionException(e)
                || "25S03".equals(e.getSQLState())
                || e.getErrorCode() == 1927;
    }

    @Override
    public ConstraintKind constraintKind(SQLException e) {
        return switch (e.getErrorCode()) {
            case 1062 -> ConstraintKind.UNIQUE;
            case 1451, 1452 -> ConstraintKind.FOREIGN_KEY;
            case 1048 -> ConstraintKind.NOT_NULL;
            case 3819, 4025 -> ConstraintKind.CHECK;
            default -> ConstraintKind.OTHER;
        };
    }

    /** ER_BAD_DB_ERROR (1049). */
    @Override
    public boolean isUnknownDatabase(SQLException e) {
        return e.getErrorCode() == 1049;
    }

    /** Each DDL statement commits the transaction it runs in. */
    @Override
    public boolean hasTransactionalDdl() {
        return false;
    }
}
