package microblog.db.dialect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import microblog.db.ConstraintKind;
import microblog.db.url.InvalidDatabaseUrlException;

/**
 * Everything the session side of the project knows about one database product. Each method
 * answers for that product alone, so that no caller has to ask which database it is talking to.
 */
public interface DatabaseDialect {

    /** The name users know the product by, as in messages: {@code PostgreSQL}. */
    String displayName();

    /** The Hibernate dialect class that speaks to it. */
    String hibernateDialect();

    /**
     * The product name Hibernate picks its own dialect by, without a connection
     * ({@code jakarta.persistence.database-product-name}); empty where this project names the
     * dialect class itself.
     */
    default Optional<String> hibernateProductName() {
        return Optional.empty();
    }

    /** Adds the Hibernate settings this database needs to {@code settings}. */
    default void addHibernateSettings(Map<String, Object> settings) {}

    /** The Maven coordinates of its JDBC driver, which the application depends on. */
    String driverArtifact();

    /** The {@code jdbc:} sub-protocols that name it, as in {@code jdbc:postgresql:}. */
    Set<String> jdbcSubprotocols();

    /** Whether a driver's product name ({@code DatabaseMetaData.getDatabaseProductName()}) is this one's. */
    boolean isProduct(String lowerCaseProductName);

    /**
     * Adds the settings every connection to the database {@code jdbcUrl} names relies on to
     * {@code properties} (the credentials are there already).
     */
    default void addConnectionSettings(String jdbcUrl, Properties properties) {}

    /**
     * How long a connection may take to open before the database counts as unreachable: the
     * driver's own connect timeout, as {@link #addConnectionSettings} sets it or the URL overrides
     * it. The pool waits no longer for a connection, so that a page whose server is down fails in
     * that time rather than the pool's 30 s. Empty for an embedded database, which has no server
     * to lose (its pool keeps its own default).
     */
    default Optional<Duration> connectTimeout(String jdbcUrl) {
        return Optional.empty();
    }

    /**
     * Whether {@code e} says the server refused a write because it is read-only (a replica, or a
     * database set read-only).
     */
    default boolean isReadOnlyRefusal(SQLException e) {
        return false;
    }

    /**
     * Whether {@code connection} is to a server that takes no writes: a replica, or a database
     * whose sessions are read-only by default.
     */
    default boolean isReadOnlyServer(Connection connection) throws SQLException {
        return false;
    }

    /**
     * Whether {@code e} is what a driver's server-side prepared statements meet behind a
     * transaction pooler, which hands each transaction another server session.
     */
    default boolean isPreparedStatementLostToPooler(SQLException e) {
        return false;
    }

    /** Adds what makes a connection read-only to {@code properties}, where the driver offers it. */
    default void addReadOnlySettings(Properties properties) {}

    /**
     * Adds what a connection that writes (the ORM's pool, a migration's) needs beyond {@link
     * #addConnectionSettings}.
     */
    default void addWriterSettings(Properties properties) {}

    /**
     * Adds what a short-lived connection (a migration's, a command's) needs to work through a
     * transaction pooler such as PgBouncer, where each transaction may run in another server
     * session, without the user saying a pooler is there: it would gain nothing from what the
     * pooler breaks.
     */
    default void addPoolerSafeSettings(Properties properties) {}

    /** The most connections a pool should hold; empty for the pool's own default. */
    default Optional<Integer> maximumPoolSize() {
        return Optional.empty();
    }

    /**
     * Whether Hibernate should read the dialect's version from a live connection when one is at
     * hand (the servers); false where this project supplies the dialect itself.
     */
    default boolean detectsDialectVersion() {
        return true;
    }

    /**
     * Fails, with what to change, if a connection reached through an application's own
     * DataSource lacks a setting this project relies on.
     */
    default void requireSettings(Connection connection) throws SQLException {}

    /**
     * The catalog to name in JDBC metadata calls ({@code getTables} and the like) for the
     * connection's own tables; null where none is needed.
     */
    default String metadataCatalog(Connection connection) throws SQLException {
        return null;
    }

    /** The schema pattern for the same calls; null where none is needed. */
    default String metadataSchema(Connection connection) throws SQLException {
        return null;
    }

    /** Whether {@code e} says a lock wait ran out. */
    boolean isLockTimeout(SQLException e);

    /**
     * Whether {@code e} says the database aborted the transaction because it conflicted with
     * another (a deadlock, a serialization failure), so that running it again may succeed: SQL
     * state 40001 ({@code serialization_failure}) by default.
     */
    default boolean isTransactionConflict(SQLException e) {
        return StandardSqlStates.isSerializationFailure(e);
    }

    /**
     * Whether {@code e} says the connection to the database was lost: SQL state class 08
     * ({@code connection_exception}) by default.
     */
    default boolean isConnectionLost(SQLException e) {
        return StandardSqlStates.isConnectionException(e);
    }

    /**
     * What to do about a value the database cannot store for a reason of its own rather than
     * the column's size or type (so not "does not fit its column"), where {@code e} says so; null
     * otherwise, as by default.
     */
    default String unstorableValue(SQLException e) {
        return null;
    }

    /** Whether {@code e} comes from a broken constraint: SQL state class 23 on most databases. */
    default boolean isConstraintViolation(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("23");
    }

    /** Which kind of constraint {@code e} says was broken, from the driver's error alone. */
    ConstraintKind constraintKind(SQLException e);

    /** The constraint's own name in what the driver reported as its name. */
    default String constraintName(String reported) {
        return reported;
    }

    /**
     * Fails, saying what to change, if {@code jdbcUrl} names a database this project cannot use
     * as it stands.
     *
     * @throws InvalidDatabaseUrlException naming the setting
     */
    default void checkUrl(String jdbcUrl) {}

    /** Whether {@code e}, failing to connect, says the database named in the URL does not exist. */
    default boolean isUnknownDatabase(SQLException e) {
        return false;
    }

    /** How a user creates a database that does not exist yet, as in {@code createdb <name>}. */
    default String createDatabaseHint() {
        return "CREATE DATABASE <name>";
    }

    /** Whether schema changes roll back with the transaction they ran in. */
    default boolean hasTransactionalDdl() {
        return true;
    }

    /** The JDBC URL of an embedded database kept in {@code file}; empty for a server database. */
    default Optional<String> fileJdbcUrl(Path file) {
        return Optional.empty();
    }

    /**
     * Whether the database {@code jdbcUrl} names lives in the application's process or files,
     * with no server to set up.
     */
    default boolean isEmbedded(String jdbcUrl) {
        return false;
    }
}
