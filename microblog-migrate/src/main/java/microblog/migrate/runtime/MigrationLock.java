package microblog.migrate.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import microblog.db.url.DatabaseKind;
import microblog.migrate.MigrationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps two processes from migrating one database at once. PostgreSQL and
 * MySQL/MariaDB have named session locks for this. SQLite needs none here: its
 * migration transactions start IMMEDIATE (taking the write lock, waited for up
 * to {@code lock_timeout}) and re-check the version table inside, so a second
 * process waits and then sees the work done.
 *
 * <p>A process that has to wait says so, naming who holds the lock as far as
 * the database tells (process id, client, since when), and gives up after the
 * repository's {@code lock_timeout} with the statement that frees a lock whose
 * holder is gone. The lock is tried rather than waited on inside the database,
 * so that the wait can be reported while it lasts.
 */
public final class MigrationLock implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MigrationLock.class);
    private static final Duration POLL = Duration.ofMillis(250);

    private final Connection connection;
    private final DatabaseKind kind;
    /**
     * The lock's name: one per version table, schema and database, as Flyway derives its own,
     * so that applications sharing a server (MySQL's GET_LOCK names are server-wide) or a
     * database (each with its own version table) never wait for each other. A SQL expression
     * for MySQL; PostgreSQL's key is computed from it once, as its advisory locks take numbers.
     */
    private final String name;

    private MigrationLock(Connection connection, DatabaseKind kind, String name) {
        this.connection = connection;
        this.kind = kind;
        this.name = name;
    }

    /** Takes the lock for migrating the version table {@code versionTable} of this connection's database. */
    public static MigrationLock acquire(Connection connection, DatabaseKind kind, Duration timeout,
                                        String versionTable) {
        if (kind == DatabaseKind.SQLITE) {
            waitForSqliteWriters(connection, timeout);
            return new MigrationLock(connection, kind, null); // see the class comment
        }
        String table = "'" + versionTable.replace("'", "''") + "'";
        long start = System.nanoTime();
        boolean told = false;
        try {
            MigrationLock lock = new MigrationLock(connection, kind, kind == DatabaseKind.POSTGRESQL
                    ? postgresKey(connection, table)
                    : "CONCAT('migrate_', MD5(CONCAT(DATABASE(), '.', " + table + ")))");
            while (!lock.tryLock()) {
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                if (waited.compareTo(timeout) >= 0) {
                    String holder = lock.holder().orElse("another process");
                    throw new MigrationException(holder + " has held the migration lock for longer than "
                            + timeout.toSeconds() + " s (lock_timeout in migrate.yaml); try again when it is done, "
                            + "or, if that process is gone, free its lock with: " + lock.freeing());
                }
                if (!told) {
                    log.info("Waiting for the migration lock, held by {}",
                            lock.holder().orElse("another process"));
                    told = true;
                }
                Thread.sleep(POLL.toMillis());
            }
            return lock;
        } catch (SQLException e) {
            throw new MigrationException("cannot take the migration lock: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("interrupted while waiting for the migration lock", e);
        }
    }

    /** PostgreSQL's advisory lock key for {@code table} (a SQL literal) in the current schema. */
    private static String postgresKey(Connection connection, String table) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT hashtextextended('migrate:' || current_schema() || '.' || " + table + ", 0)")) {
            rs.next();
            return String.valueOf(rs.getLong(1));
        }
    }

    /**
     * SQLite's write lock is the migration lock (see the class comment): a
     * revision's transaction waits for it as long as {@code timeout}, however
     * long another process's revision runs, rather than the connection's usual
     * busy timeout; and if it is taken now, the wait is announced.
     */
    private static void waitForSqliteWriters(Connection connection, Duration timeout) {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA busy_timeout = 0");
            try {
                st.execute("BEGIN IMMEDIATE");
                st.execute("ROLLBACK");
            } catch (SQLException busy) {
                log.info("Waiting for the database's write lock, held by another process (a migration or a writer)");
            }
            st.execute("PRAGMA busy_timeout = " + timeout.toMillis());
        } catch (SQLException e) {
            throw new MigrationException("cannot prepare the SQLite database for migrating: " + e.getMessage(), e);
        }
    }

    private boolean tryLock() throws SQLException {
        String sql = kind == DatabaseKind.POSTGRESQL ? "SELECT pg_try_advisory_lock(" + name + ")"
                : "SELECT GET_LOCK(" + name + ", 0)";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() && (kind == DatabaseKind.POSTGRESQL ? rs.getBoolean(1) : rs.getInt(1) == 1);
        }
    }

    /** Who holds the lock, as the database describes its session; empty if it cannot tell. */
    private Optional<String> holder() {
        String sql = kind == DatabaseKind.POSTGRESQL
                ? "SELECT a.pid, coalesce(host(a.client_addr), 'local socket'), a.application_name, a.backend_start, "
                + "a.state FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' "
                + "AND l.granted AND ((l.classid::bigint << 32) | l.objid::bigint) = " + name
                : "SELECT p.ID, p.HOST, p.USER, p.TIME, p.COMMAND FROM information_schema.PROCESSLIST p "
                + "WHERE p.ID = IS_USED_LOCK(" + name + ")";
        try (PreparedStatement st = connection.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(kind == DatabaseKind.POSTGRESQL
                    ? "session " + rs.getLong(1) + " (from " + rs.getString(2) + nameOf(rs.getString(3))
                    + ", connected since " + rs.getTimestamp(4).toInstant() + ", " + rs.getString(5) + ")"
                    : "connection " + rs.getLong(1) + " (" + rs.getString(3) + " from " + rs.getString(2) + ", "
                    + rs.getString(5) + " for " + rs.getLong(4) + " s)");
        } catch (SQLException e) {
            return Optional.empty(); // not allowed to look: the wait is still reported
        }
    }

    private static String nameOf(String application) {
        return application == null || application.isBlank() ? "" : ", " + application;
    }

    /**
     * The statement that ends the holder's session. Looked up on its own, from
     * what any user may read (pg_locks, IS_USED_LOCK), as the description above
     * may need rights the user lacks.
     */
    private String freeing() {
        String session = kind == DatabaseKind.POSTGRESQL
                ? "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND "
                + "((classid::bigint << 32) | objid::bigint) = " + name
                : "SELECT IS_USED_LOCK(" + name + ")";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(session)) {
            if (rs.next() && rs.getObject(1) != null) {
                long id = rs.getLong(1);
                return kind == DatabaseKind.POSTGRESQL ? "SELECT pg_terminate_backend(" + id + ")" : "KILL " + id;
            }
        } catch (SQLException e) {
            // fall through to the general advice
        }
        return kind == DatabaseKind.POSTGRESQL ? "SELECT pg_terminate_backend(<pid>)" : "KILL <connection id>";
    }

    @Override
    public void close() {
        try (Statement st = connection.createStatement()) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            switch (kind) {
                case POSTGRESQL -> st.execute("SELECT pg_advisory_unlock(" + name + ")");
                case MYSQL -> st.execute("SELECT RELEASE_LOCK(" + name + ")");
                case SQLITE -> {
                    // Nothing held.
                }
            }
        } catch (SQLException ignored) {
            // Closing the connection releases the lock anyway.
        }
    }
}
