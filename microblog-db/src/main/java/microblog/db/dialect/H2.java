package microblog.db.dialect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import microblog.db.ConstraintKind;
import microblog.db.DatabaseException;
import microblog.db.url.InvalidDatabaseUrlException;
import org.hibernate.cfg.MappingSettings;

/**
 * H2, the usual Java test database, in memory, in a file or on a server. Its identifiers are
 * folded to lower case ({@code DATABASE_TO_LOWER}), as PostgreSQL folds them: the migrations
 * quote every name in lower case and Hibernate quotes none, so both must mean the same table.
 */
public final class H2 implements DatabaseDialect {
    private static final String TO_LOWER = "DATABASE_TO_LOWER";

    @Override
    public String displayName() {
        return "H2";
    }

    @Override
    public String hibernateDialect() {
        return "org.hibernate.dialect.H2Dialect";
    }

    /**
     * Dates and times go to the driver as java.time values, which H2 stores as they are; through
     * java.sql.Date they are shifted by the zone H2 saw when it first started.
     */
    @Override
    public void addHibernateSettings(Map<String, Object> settings) {
        settings.put(MappingSettings.JAVA_TIME_USE_DIRECT_JDBC, "true");
    }

    @Override
    public Optional<String> hibernateProductName() {
        return Optional.of("H2");
    }

    @Override
    public String driverArtifact() {
        return "com.h2database:h2";
    }

    @Override
    public Set<String> jdbcSubprotocols() {
        return Set.of("h2");
    }

    @Override
    public boolean isProduct(String lowerCaseProductName) {
        return lowerCaseProductName.equals("h2");
    }

    @Override
    public void addConnectionSettings(String jdbcUrl, Properties properties) {
        String url = jdbcUrl.toUpperCase(Locale.ROOT);
        if (!url.contains(TO_LOWER + "=")) {
            properties.setProperty(TO_LOWER, "TRUE");
        }
        // An in-memory database would vanish with its last connection, between two commands'
        // connections or when a pool lets its idle ones go; it lives as long as the process.
        if (url.startsWith("JDBC:H2:MEM:") && !url.contains("DB_CLOSE_DELAY=")) {
            properties.setProperty("DB_CLOSE_DELAY", "-1");
        }
    }

    /**
     * Refuses names kept in upper case (the migrations would write tables Hibernate cannot find)
     * and an unnamed in-memory database, which lasts one connection.
     */
    @Override
    public void checkUrl(String jdbcUrl) {
        String url = jdbcUrl.toUpperCase(Locale.ROOT).replace(" ", "");
        if (url.contains(";" + TO_LOWER + "=FALSE")) {
            throw new InvalidDatabaseUrlException("'" + jdbcUrl + "' sets " + TO_LOWER + "=FALSE, but the migrations "
                    + "write names in lower case, as Hibernate reads them: remove the setting");
        }
        if (url.startsWith("JDBC:H2:MEM:;") || url.equals("JDBC:H2:MEM:")) {
            throw new InvalidDatabaseUrlException("'" + jdbcUrl + "' is an unnamed in-memory H2 database, which lasts "
                    + "one connection: name it, as in jdbc:h2:mem:app");
        }
    }

    /** H2 names the index with the constraint: {@code public.uq_user_email INDEX public.uq_user_email_INDEX_2}. */
    @Override
    public String constraintName(String reported) {
        String name = reported.split(" INDEX ", 2)[0].strip();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    @Override
    public void requireSettings(Connection connection) throws SQLException {
        String sql = "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = '" + TO_LOWER + "'";
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            if (!rs.next() || !rs.getString(1).equalsIgnoreCase("TRUE")) {
                throw new DatabaseException("the H2 database must fold names to lower case, as the migrations"
                        + " write them: add ;" + TO_LOWER + "=TRUE to its JDBC URL");
            }
        }
    }

    /** The current schema ({@code public}), as on PostgreSQL. */
    @Override
    public String metadataSchema(Connection connection) throws SQLException {
        return connection.getSchema();
    }

    /** LOCK_TIMEOUT_1 (50200), SQL state HYT00. */
    @Override
    public boolean isLockTimeout(SQLException e) {
        return e.getErrorCode() == 50200;
    }

    /** DEADLOCK_1 (40001) and CONCURRENT_UPDATE_1 (90131), a row another transaction changed first. */
    @Override
    public boolean isTransactionConflict(SQLException e) {
        return StandardSqlStates.isSerializationFailure(e) || e.getErrorCode() == 90131;
    }

    @Override
    public ConstraintKind constraintKind(SQLException e) {
        return StandardSqlStates.constraintKind(e);
    }

    /** DATABASE_NOT_FOUND_1 (90013) and DATABASE_NOT_FOUND_WITH_IF_EXISTS_1 (90146). */
    @Override
    public boolean isUnknownDatabase(SQLException e) {
        return e.getErrorCode() == 90013 || e.getErrorCode() == 90146;
    }

    @Override
    public String createDatabaseHint() {
        return "open it once without IFEXISTS=TRUE";
    }

    /** Each DDL statement commits the transaction it runs in. */
    @Override
    public boolean hasTransactionalDdl() {
        return false;
    }

    /** In memory or in a file; not on a server ({@code jdbc:h2:tcp:} or {@code ssl:}). */
    @Override
    public boolean isEmbedded(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        return !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }

    @Override
    public Optional<String> fileJdbcUrl(Path file) {
        return Optional.of("jdbc:h2:" + file.toAbsolutePath());
    }
}
