package microblog.migrate.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import microblog.db.url.DatabaseKind;
import microblog.migrate.MigrationException;

/**
 * Keeps two processes from migrating one database at once. PostgreSQL and
 * MySQL/MariaDB have named session locks for this. SQLite needs none here: its
 * migration transactions start IMMEDIATE (taking the write lock) and re-check
 * the version table inside, so a second process waits and then sees the work done.
 */
public final class MigrationLock implements AutoCloseable {
    private static final long POSTGRES_KEY = 0x6d6967726174654cL; // "migrateL"
    private static final String MYSQL_NAME = "microblog_migrate";
    private static final int WAIT_SECONDS = 60;

    private final Connection connection;
    private final DatabaseKind kind;

    private MigrationLock(Connection connection, DatabaseKind kind) {
        this.connection = connection;
        this.kind = kind;
    }

    public static MigrationLock acquire(Connection connection, DatabaseKind kind) {
        try (Statement st = connection.createStatement()) {
            switch (kind) {
                case POSTGRESQL -> st.execute("SELECT pg_advisory_lock(" + POSTGRES_KEY + ")");
                case MYSQL -> {
                    try (ResultSet rs = st.executeQuery("SELECT GET_LOCK('" + MYSQL_NAME + "', " + WAIT_SECONDS + ")")) {
                        if (!rs.next() || rs.getInt(1) != 1) {
                            throw new MigrationException("another process has been migrating this database for over "
                                    + WAIT_SECONDS + " s; try again when it is done");
                        }
                    }
                }
                case SQLITE -> {
                    // See the class comment.
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot take the migration lock: " + e.getMessage(), e);
        }
        return new MigrationLock(connection, kind);
    }

    @Override
    public void close() {
        try (Statement st = connection.createStatement()) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            switch (kind) {
                case POSTGRESQL -> st.execute("SELECT pg_advisory_unlock(" + POSTGRES_KEY + ")");
                case MYSQL -> st.execute("SELECT RELEASE_LOCK('" + MYSQL_NAME + "')");
                case SQLITE -> {
                    // Nothing held.
                }
            }
        } catch (SQLException ignored) {
            // Closing the connection releases the lock anyway.
        }
    }
}
