package microblog.db.url;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import microblog.db.ConstraintKind;
import microblog.db.DatabaseException;
import microblog.db.dialect.DatabaseDialect;
import microblog.db.dialect.H2;
import microblog.db.dialect.Mysql;
import microblog.db.dialect.Postgres;
import microblog.db.dialect.Sqlite;

/**
 * The database products this project supports. What each one needs said about it lives in its
 * {@link DatabaseDialect}; this list is the only place that names them all.
 */
public enum DatabaseKind {
    SQLITE(new Sqlite()),
    POSTGRESQL(new Postgres()),
    MYSQL(new Mysql()),
    H2(new H2());

    private final DatabaseDialect dialect;

    DatabaseKind(DatabaseDialect dialect) {
        this.dialect = dialect;
    }

    /** Everything this project knows about the database. */
    public DatabaseDialect dialect() {
        return dialect;
    }

    /** The Maven coordinates of the JDBC driver this kind is used with; the application depends on it. */
    public String driverArtifact() {
        return dialect.driverArtifact();
    }

    public String displayName() {
        return dialect.displayName();
    }

    public String hibernateDialect() {
        return dialect.hibernateDialect();
    }

    /** The kind a {@code jdbc:} sub-protocol ({@code postgresql}, {@code h2}) names, if any. */
    public static Optional<DatabaseKind> ofJdbcSubprotocol(String subprotocol) {
        String name = subprotocol.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(kind -> kind.dialect.jdbcSubprotocols().contains(name))
                .findFirst();
    }

    /**
     * The kind a JDBC driver's product name ({@code DatabaseMetaData.getDatabaseProductName()})
     * stands for, as when a database is reached through an application's own DataSource.
     *
     * @throws DatabaseException naming the product, for a database not supported here
     */
    public static DatabaseKind ofProductName(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(kind -> kind.dialect.isProduct(name))
                .findFirst()
                .orElseThrow(() -> new DatabaseException(
                        "the DataSource connects to " + productName + ", which is not supported: use " + supported()));
    }

    /** The {@code jdbc:} URL beginnings supported, for messages: {@code jdbc:sqlite:, ... or jdbc:h2:}. */
    public static String jdbcPrefixes() {
        return listed(Arrays.stream(values())
                .flatMap(kind -> kind.dialect.jdbcSubprotocols().stream().sorted())
                .map(sub -> "jdbc:" + sub + ":")
                .toList());
    }

    /** The supported products, for messages: {@code SQLite, PostgreSQL, MySQL/MariaDB or H2}. */
    public static String supported() {
        return listed(Arrays.stream(values()).map(DatabaseKind::displayName).toList());
    }

    private static String listed(List<String> items) {
        String all = String.join(", ", items);
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }

    /** See {@link DatabaseDialect#metadataCatalog}. */
    public String metadataCatalog(Connection connection) throws SQLException {
        return dialect.metadataCatalog(connection);
    }

    /** See {@link DatabaseDialect#metadataSchema}. */
    public String metadataSchema(Connection connection) throws SQLException {
        return dialect.metadataSchema(connection);
    }

    /** See {@link DatabaseDialect#unstorableValue}. */
    public String unstorableValue(SQLException e) {
        return dialect.unstorableValue(e);
    }

    /** Whether {@code e} says a lock wait ran out. */
    public boolean isLockTimeout(SQLException e) {
        return dialect.isLockTimeout(e);
    }

    /** Whether {@code e} says the transaction was aborted for a conflict with another. */
    public boolean isTransactionConflict(SQLException e) {
        return dialect.isTransactionConflict(e);
    }

    /** Whether {@code e} says the connection to the database was lost. */
    public boolean isConnectionLost(SQLException e) {
        return dialect.isConnectionLost(e);
    }

    /** Whether {@code e} comes from a broken constraint. */
    public boolean isConstraintViolation(SQLException e) {
        return dialect.isConstraintViolation(e);
    }

    /** Which kind of constraint {@code e} says was broken, from the driver alone. */
    public ConstraintKind constraintKind(SQLException e) {
        return dialect.constraintKind(e);
    }

    /** Whether schema changes roll back with the transaction they ran in. */
    public boolean hasTransactionalDdl() {
        return dialect.hasTransactionalDdl();
    }
}
