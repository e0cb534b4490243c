package microblog.db.dialect;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import microblog.db.ConstraintKind;

/** SQLite, through the xerial driver and this project's own Hibernate dialect. */
public final class Sqlite implements DatabaseDialect {
    /** How long a connection waits for another's write lock before it gives up. */
    static final int BUSY_TIMEOUT_MILLIS = 30_000;

    @Override
    public String displayName() {
        return "SQLite";
    }

    @Override
    public String hibernateDialect() {
        return "microblog.db.sqlite.SqliteDialect";
    }

    @Override
    public String driverArtifact() {
        return "org.xerial:sqlite-jdbc";
    }

    @Override
    public Set<String> jdbcSubprotocols() {
        return Set.of("sqlite");
    }

    @Override
    public boolean isProduct(String lowerCaseProductName) {
        return lowerCaseProductName.contains("sqlite");
    }

    @Override
    public void addConnectionSettings(String jdbcUrl, Properties properties) {
        // SQLite checks foreign keys only when each connection asks it to.
        properties.setProperty("foreign_keys", "true");
        // Write-ahead logging: readers never wait for a writer, nor a writer for readers.
        properties.setProperty("journal_mode", "WAL");
        // A writer waits its turn rather than failing: long enough for any ordinary write,
        // unless the URL sets its own (jdbc:sqlite:app.db?busy_timeout=...).
        if (!jdbcUrl.contains("busy_timeout=")) {
            properties.setProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT_MILLIS));
        }
    }

    @Override
    public void addReadOnlySettings(Properties properties) {
        properties.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        properties.remove("journal_mode"); // setting it is a write; a WAL database is read as such anyway
    }

    @Override
    public void addWriterSettings(Properties properties) {
        // Transactions are begun only to write (see DbSession): take the write
        // lock at BEGIN, so that no transaction ever has to upgrade a read lock.
        properties.setProperty("transaction_mode", "IMMEDIATE");
    }

    /** One writer at a time is all SQLite allows. */
    @Override
    public Optional<Integer> maximumPoolSize() {
        return Optional.of(4);
    }

    @Override
    public boolean detectsDialectVersion() {
        return false; // the dialect is this project's own
    }

    /** SQLITE_BUSY (5). */
    @Override
    public boolean isLockTimeout(SQLException e) {
        return e.getErrorCode() == 5;
    }

    /** SQL state class 23, or SQLITE_CONSTRAINT (19), which the xerial driver reports without a state. */
    @Override
    public boolean isConstraintViolation(SQLException e) {
        return DatabaseDialect.super.isConstraintViolation(e) || e.getErrorCode() == 19;
    }

    /** From the message ("UNIQUE constraint failed: ..."), which names no constraint. */
    @Override
    public ConstraintKind constraintKind(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toUpperCase(Locale.ROOT);
        if (message.contains("UNIQUE CONSTRAINT FAILED")) {
            return ConstraintKind.UNIQUE;
        }
        if (message.contains("FOREIGN KEY CONSTRAINT")) {
            return ConstraintKind.FOREIGN_KEY;
        }
        if (message.contains("NOT NULL CONSTRAINT FAILED")) {
            return ConstraintKind.NOT_NULL;
        }
        return message.contains("CHECK CONSTRAINT FAILED") ? ConstraintKind.CHECK : ConstraintKind.OTHER;
    }

    @Override
    public boolean isEmbedded(String jdbcUrl) {
        return true;
    }

    @Override
    public Optional<String> fileJdbcUrl(Path file) {
        return Optional.of("jdbc:sqlite:" + file.toAbsolutePath());
    }
}
