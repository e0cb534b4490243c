package microblog.db.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import microblog.db.ConstraintKind;

/** PostgreSQL, through pgJDBC. */
public final class Postgres implements DatabaseDialect {
    /**
     * How long opening a connection may take, the server's answers included. The driver bounds
     * the TCP connect alone (10 s) and would otherwise wait for ever on a server that accepts the
     * connection and never answers; the MariaDB driver has its own 30 s bound.
     */
    private static final int LOGIN_TIMEOUT_SECONDS = 30;

    @Override
    public void addConnectionSettings(String jdbcUrl, Properties properties) {
        if (!jdbcUrl.toLowerCase(Locale.ROOT).contains("logintimeout=")) {
            properties.setProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
        }
    }

    @Override
    public String displayName() {
        return "PostgreSQL";
    }

    @Override
    public String hibernateDialect() {
        return "org.hibernate.dialect.PostgreSQLDialect";
    }

    @Override
    public Optional<String> hibernateProductName() {
        return Optional.of("PostgreSQL");
    }

    @Override
    public String driverArtifact() {
        return "org.postgresql:postgresql";
    }

    @Override
    public Set<String> jdbcSubprotocols() {
        return Set.of("postgresql");
    }

    @Override
    public boolean isProduct(String lowerCaseProductName) {
        return lowerCaseProductName.contains("postgres");
    }

    /** The current schema, so that tables of the same name in other schemas are not read as the application's. */
    @Override
    public String metadataSchema(Connection connection) throws SQLException {
        return connection.getSchema();
    }

    /** lock_not_available (55P03). */
    @Override
    public boolean isLockTimeout(SQLException e) {
        return "55P03".equals(e.getSQLState());
    }

    /** serialization_failure (40001) and deadlock_detected (40P01). */
    @Override
    public boolean isTransactionConflict(SQLException e) {
        return StandardSqlStates.isSerializationFailure(e) || "40P01".equals(e.getSQLState());
    }

    /**
     * Class 08, and admin_shutdown (57P01) and crash_shutdown (57P02), which the server sends as
     * it ends the connection ({@code pg_terminate_backend}, a restart).
     */
    @Override
    public boolean isConnectionLost(SQLException e) {
        return StandardSqlStates.isConnectionException(e)
                || "57P01".equals(e.getSQLState())
                || "57P02".equals(e.getSQLState());
    }

    @Override
    public ConstraintKind constraintKind(SQLException e) {
        return StandardSqlStates.constraintKind(e);
    }

    /** invalid_catalog_name (3D000). */
    @Override
    public boolean isUnknownDatabase(SQLException e) {
        return "3D000".equals(e.getSQLState());
    }

    @Override
    public String createDatabaseHint() {
        return "createdb <name>";
    }
}
