package microblog.migrate.engine;

import java.sql.Connection;
import java.util.Optional;
import microblog.migrate.Migrations;
import microblog.migrate.TargetDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the connections the migrations work on, saying first, as Alembic does, what it assumes of the database. */
public final class MigrationConnections {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private MigrationConnections() {}

    public static Connection openForWriting(TargetDatabase database) {
        logContext(database);
        return database.openForWriting();
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
