package microblog.db.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import microblog.db.ConstraintKind;

/** PostgreSQL, through pgJDBC. */
public final class Postgres implements DatabaseDialect {
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
