package microblog.migrate.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import microblog.migrate.MigrationException;
import microblog.migrate.dialect.MigrationDialect;

/**
 * Keeps two processes from migrating one database at once. On PostgreSQL and MySQL/MariaDB it is a
 * {@link MigrationLease} on a row of the database, which holds across Galera nodes and through
 * poolers such as PgBouncer. SQLite needs none: its migration transactions start IMMEDIATE (taking
 * the write lock, waited for up to {@code lock_timeout}) and re-check the version table inside, so
 * a second process waits and then sees the work done. H2 has none either: an embedded H2 database
 * is open in one process at a time, so a lock in the process serves (on an H2 server, nothing
 * keeps two processes from migrating at once).
 *
 * <p>A process that has to wait says so, naming the holder (host, process id, since when), and
 * gives up after the repository's {@code lock_timeout}.
 */
public final class MigrationLock implements AutoCloseable {
    private final Connection connection;
    private final LockHolder holder;
    private final MigrationLease lease; // null where the database keeps migrations apart by other means
    private final Runnable release; // what the database's own way of waiting holds, if anything

    private MigrationLock(Connection connection, LockHolder holder, MigrationLease lease, Runnable release) {
        this.connection = connection;
        this.holder = holder;
        this.lease = lease;
        this.release = release;
    }

    /**
     * Takes the lock for migrating the version table {@code versionTable} of {@code connection}'s
     * database. Where the lock is a lease, it is kept on a connection of its own, opened by {@code
     * leaseConnection}, so that it is renewed while a long statement runs on {@code connection}.
     */
    public static MigrationLock acquire(
            Connection connection,
            Supplier<Connection> leaseConnection,
            MigrationDialect ddl,
            Duration timeout,
            Duration leaseTerm,
            String versionTable) {
        LockHolder holder = LockHolder.thisProcess();
        try {
            if (ddl.leaseClockSql().isEmpty()) {
                return new MigrationLock(connection, holder, null, ddl.awaitWriters(connection, timeout, versionTable));
            }
            MigrationLease lease = MigrationLease.take(
                    secondConnection(leaseConnection), ddl, versionTable, holder, leaseTerm, timeout);
            try (Statement st = connection.createStatement()) {
                for (String sql : ddl.readYourWritesSql(connection)) {
                    st.execute(sql);
                }
            } catch (SQLException e) {
                lease.close();
                throw e;
            }
            return new MigrationLock(connection, holder, lease, () -> {});
        } catch (SQLException e) {
            throw new MigrationException("cannot take the migration lock: " + e.getMessage(), e);
        }
    }

    private static Connection secondConnection(Supplier<Connection> leaseConnection) {
        try {
            return leaseConnection.get();
        } catch (MigrationException e) {
            throw new MigrationException(
                    "the migration lock needs a connection of its own beside the migration's, " + "and none came ("
                            + e.getMessage() + "); a pool given to Migrations must allow two",
                    e);
        }
    }

    /** The live holder of the lock on {@code versionTable}, where the database tells; for the commands that only report. */
    public static Optional<LockHolder> liveHolder(Connection connection, MigrationDialect ddl, String versionTable) {
        try {
            return MigrationLease.liveHolder(connection, ddl, versionTable);
        } catch (SQLException e) {
            return Optional.empty(); // not allowed to look: nothing more is said
        }
    }

    /** This process, as the lock and the progress record name it. */
    public LockHolder holder() {
        return holder;
    }

    /** Fails if this process may no longer hold the lock, before it changes anything more. */
    public void checkHeld() {
        if (lease != null) {
            lease.checkHeld();
        }
    }

    @Override
    public void close() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the lease is handed back all the same
        } finally {
            try {
                if (lease != null) {
                    lease.close();
                }
            } finally {
                release.run();
            }
        }
    }
}
