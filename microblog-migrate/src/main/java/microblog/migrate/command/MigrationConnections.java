package microblog.migrate.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;
import java.util.Properties;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.url.DatabaseKind;
import microblog.db.url.DatabaseUrl;
import microblog.migrate.MigrationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the connections the commands work on: for writing, or strictly for reading. */
final class MigrationConnections {
    private static final Logger log = LoggerFactory.getLogger(MigrationCommands.class);

    private MigrationConnections() {
    }

    static Connection openForWriting(DatabaseUrl url) {
        logContext(url);
        Properties extra = new Properties();
        if (url.kind() == DatabaseKind.SQLITE) {
            extra.setProperty("transaction_mode", "IMMEDIATE"); // take the write lock at BEGIN
            url.sqliteDatabaseFile().map(Path::getParent).ifPresent(MigrationConnections::requireDirectory);
        }
        return new ConnectionFactory(url).open(extra);
    }

    /** A read-only connection, or none for a SQLite file that does not exist yet (an empty database). */
    static Optional<Connection> openReadOnly(DatabaseUrl url) {
        logContext(url);
        if (url.sqliteDatabaseFile().filter(file -> !Files.exists(file)).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new ConnectionFactory(url).openReadOnly());
    }

    private static void logContext(DatabaseUrl url) {
        log.info("Context impl {}.", url.kind().displayName());
        log.info("Will assume {}transactional DDL.", url.kind().hasTransactionalDdl() ? "" : "non-");
    }

    /** SQLite makes the file, not the directories above it: a missing one is most likely a typo in the URL. */
    private static void requireDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new MigrationException("the directory " + dir + " of the SQLite database in DATABASE_URL does not "
                    + "exist: create it, or correct DATABASE_URL");
        }
    }
}
