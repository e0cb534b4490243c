package microblog.migrate.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import microblog.migrate.MigrationException;
import microblog.migrate.Migrations;
import microblog.migrate.TargetDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the connections the migrations work on, saying first, as Alembic does, what it assumes of the database. */
public final class MigrationConnections {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private MigrationConnections() {}

    /**
     * A connection to apply revisions on.
     *
     * @throws MigrationException at once, before any lock or change, if the server takes no writes
     *     (a replica, or a database whose sessions are read-only)
     */
    public static Connection openForWriting(TargetDatabase database) {
        logContext(database);
        Connection connection = database.openForWriting();
        try {
            if (database.kind().dialect().isReadOnlyServer(connection)) {
                throw new MigrationException("the database " + database + " is a read-only replica: migrations "
                        + "write, so point the database URL at the primary");
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            close(connection);
            throw e instanceof MigrationException m
                    ? m
                    : new MigrationException("cannot tell whether " + database + " takes writes: " + e.getMessage(), e);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // The failure that made us close it is the one to report.
        }
    }

    /** A read-only connection, or none where there is no database yet (an empty one). */
    public static Optional<Connection> openReadOnly(TargetDatabase database) {
        logContext(database);
        return database.openReadOnly();
    }

    private static void logContext(TargetDatabase database) {
        log.info("Context impl {}.", database.kind().displayName());
        log.info("Will assume {}transactional DDL.", database.kind().hasTransactionalDdl() ? "" : "non-");
    }
}
