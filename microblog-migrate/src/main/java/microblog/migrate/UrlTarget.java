package microblog.migrate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;
import java.util.Properties;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.url.DatabaseKind;
import microblog.db.url.DatabaseUrl;

/** A database given by its URL: each command opens its own connection and closes it. */
final class UrlTarget implements TargetDatabase {
    private final DatabaseUrl url;

    UrlTarget(DatabaseUrl url) {
        this.url = url;
    }

    @Override
    public DatabaseKind kind() {
        return url.kind();
    }

    @Override
    public Connection openForWriting() {
        Properties extra = new Properties();
        url.kind().dialect().addWriterSettings(extra); // SQLite: take the write lock at BEGIN
        url.kind().dialect().addPoolerSafeSettings(extra); // PgBouncer needs no ?pgbouncer=true for migrations
        url.sqliteDatabaseFile().map(Path::getParent).ifPresent(this::requireDirectory);
        return new ConnectionFactory(url).open(extra);
    }

    @Override
    public Optional<Connection> openReadOnly() {
        if (url.sqliteDatabaseFile().filter(file -> !Files.exists(file)).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new ConnectionFactory(url).openReadOnly());
    }

    @Override
    public Optional<DatabaseUrl> url() {
        return Optional.of(url);
    }

    /** SQLite makes the file, not the directories above it: a missing one is most likely a typo in the URL. */
    private void requireDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new MigrationException("the directory " + dir + " of the SQLite database " + url + " does not "
                    + "exist: create it, or correct the database URL");
        }
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
