package microblog.migrate.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import microblog.migrate.MigrationException;
import microblog.migrate.dialect.MigrationDialect;
import microblog.migrate.dialect.SessionLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps two processes from migrating one database at once. PostgreSQL and
 * MySQL/MariaDB have named session locks for this (each database's own SQL is
 * its {@link SessionLock}). SQLite needs none here: its migration transactions
 * start IMMEDIATE (taking the write lock, waited for up to {@code lock_timeout})
 * and re-check the version table inside, so a second process waits and then
 * sees the work done. H2 has none either: an embedded H2 database is open in one
 * process at a time, so a lock in the process serves (on an H2 server, nothing
 * keeps two processes from migrating at once).
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
    private final SessionLock lock; // null where the database has none
    private final Runnable release; // what the database's own way of waiting holds, if anything

    private MigrationLock(Connection connection, SessionLock lock, Runnable release) {
        this.connection = connection;
        this.lock = lock;
        this.release = release;
    }

    /** Takes the lock for migrating the version table {@code versionTable} of this connection's database. */
    public static MigrationLock acquire(
            Connection connection, MigrationDialect ddl, Duration timeout, String versionTable) {
        try {
            Optional<SessionLock> named = ddl.sessionLock(connection, versionTable);
            if (named.isEmpty()) {
                return new MigrationLock(connection, null, ddl.awaitWriters(connection, timeout, versionTable));
            }
            MigrationLock lock = new MigrationLock(connection, named.get(), () -> {});
            lock.waitFor(timeout);
            return lock;
        } catch (SQLException e) {
            throw new MigrationException("cannot take the migration lock: " + e.getMessage(), e);
        }
    }

    private void waitFor(Duration timeout) throws SQLException {
        long start = System.nanoTime();
        boolean told = false;
        try {
            while (!tryLock()) {
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                if (waited.compareTo(timeout) >= 0) {
                    throw new MigrationException(holder().orElse("another process") + " has held the migration "
                            + "lock for longer than " + timeout.toSeconds() + " s (lock_timeout in migrate.yaml); "
                            + "try again when it is done, or, if that process is gone, free its lock with: "
                            + freeing());
                }
                if (!told) {
                    log.info("Waiting for the migration lock, held by {}", holder().orElse("another process"));
                    told = true;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("interrupted while waiting for the migration lock", e);
        }
    }

    private boolean tryLock() throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(lock.tryLockSql())) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Who holds the lock, as the database describes its session; empty if it cannot tell. */
    private Optional<String> holder() {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(lock.holderSql())) {
            return rs.next() ? Optional.of(lock.describeHolder(rs)) : Optional.empty();
        } catch (SQLException e) {
            return Optional.empty(); // not allowed to look: the wait is still reported
        }
    }

    /**
     * The statement that ends the holder's session. Looked up on its own, from
     * what any user may read (pg_locks, IS_USED_LOCK), as the description above
     * may need rights the user lacks.
     */
    private String freeing() {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(lock.holderIdSql())) {
            if (rs.next() && rs.getObject(1) != null) {
                return lock.terminateSql(rs.getLong(1));
            }
        } catch (SQLException e) {
            // fall through to the general advice
        }
        return lock.terminateSql(null);
    }

    @Override
    public void close() {
        try (Statement st = connection.createStatement()) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            if (lock != null) {
                st.execute(lock.releaseSql());
            }
        } catch (SQLException ignored) {
            // Closing the connection releases the lock anyway.
        } finally {
            release.run();
        }
    }
}
