package microblog.db.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import microblog.db.ConstraintKind;

/**
 * MySQL and MariaDB, as one: MariaDB Connector/J talks to both, and MySQL Connector/J would
 * make Hibernate pick an unsupported dialect.
 */
public final class Mysql implements DatabaseDialect {
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
