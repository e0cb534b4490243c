package microblog.migrate.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import microblog.migrate.MigrationException;
import microblog.migrate.dialect.MigrationDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migration lock of a server database: a lease on the one row of {@code <version table>_lock},
 * taken and renewed by single-statement transactions on a connection of its own.
 *
 * <p>A row rather than the server's session lock ({@code pg_advisory_lock}, {@code GET_LOCK})
 * because those hold only where one server sees every session: {@code GET_LOCK} is local to a
 * Galera node, and behind PgBouncer's transaction pooling a session lock stays with whichever
 * server connection ran it. A row update is decided by the data itself: on one server by its row
 * lock, on Galera by certification (the second of two concurrent takers fails to commit), and
 * through any pooler alike.
 *
 * <p>Its statements are plain, never prepared: behind PgBouncer's transaction pooling a statement
 * prepared on one server connection is missing on the next.
 *
 * <p>The lease is dated by the database's clock. Its holder renews it every third of its term from
 * a thread of its own, even while a long statement runs on the migration's connection; a holder
 * that stops renewing (killed, cut off) loses it when the term runs out, and the next process
 * takes it over. A holder that could not renew in time stops before its next statement ({@link
 * #checkHeld}), as another process may have taken over.
 */
final class MigrationLease implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MigrationLock.class);
    private static final int LOCK_ROW = 1;

    private final Connection connection; // the lease's own, in autocommit
    private final MigrationDialect ddl;
    private final String table;
    private final LockHolder holder;
    private final Duration term;
    private final String now;
    private boolean autoCommitBefore = true; // a pool's connection goes back as it came
    private ScheduledExecutorService renewer;
    private volatile long renewedAt; // System.nanoTime() when the last successful renewal was sent
    private volatile boolean lost;

    private MigrationLease(
            Connection connection, MigrationDialect ddl, String versionTable, LockHolder holder, Duration term) {
        this.connection = connection;
        this.ddl = ddl;
        this.table = tableName(versionTable);
        this.holder = holder;
        this.term = term;
        this.now = ddl.leaseClockSql().orElseThrow();
    }

    private static String literal(String value) {
        return BookkeepingTables.literal(value);
    }

    static String tableName(String versionTable) {
        return versionTable + "_lock";
    }

    /**
     * Takes the lease for {@code holder}, waiting as long as {@code timeout} for another holder;
     * {@code connection} becomes the lease's, and is closed with it.
     */
    static MigrationLease take(
            Connection connection,
            MigrationDialect ddl,
            String versionTable,
            LockHolder holder,
            Duration term,
            Duration timeout) {
        MigrationLease lease = new MigrationLease(connection, ddl, versionTable, holder, term);
        try {
            lease.autoCommitBefore = connection.getAutoCommit();
            connection.setAutoCommit(true);
            lease.prepareTable();
            lease.waitFor(timeout);
            lease.startRenewing();
            return lease;
        } catch (SQLException e) {
            lease.closeConnection();
            throw new MigrationException("cannot take the migration lock in " + lease.table + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            lease.closeConnection();
            throw e;
        }
    }

    /**
     * The live holder of the lease for {@code versionTable}, read on {@code connection}; empty if
     * free, expired, or never taken. For the commands that only report.
     */
    static Optional<LockHolder> liveHolder(Connection connection, MigrationDialect ddl, String versionTable)
            throws SQLException {
        if (ddl.leaseClockSql().isEmpty()
                || !BookkeepingTables.exists(connection, ddl.kind(), tableName(versionTable))) {
            return Optional.empty();
        }
        return new MigrationLease(connection, ddl, versionTable, null, Duration.ZERO)
                .read()
                .filter(row -> !row.expired())
                .map(Row::holder);
    }

    LockHolder holder() {
        return holder;
    }

    /** Fails if this process can no longer be sure it holds the lease: it must not change the schema any further. */
    void checkHeld() {
        long sinceRenewal = System.nanoTime() - renewedAt;
        if (lost || sinceRenewal > term.toNanos() - term.toNanos() / 6) {
            throw new MigrationException("this process lost the migration lock: "
                    + (lost
                            ? "another process took it over"
                            : "it could not renew its lease for "
                                    + Duration.ofNanos(sinceRenewal).toSeconds()
                                    + " s (the database unreachable, or this process paused)")
                    + "; it stopped before its next statement, as another process may be migrating now");
        }
    }

    private void prepareTable() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + ddl.quote(table) + " (" + ddl.quote("lock_id")
                    + " INTEGER NOT NULL PRIMARY KEY, " + ddl.quote("holder") + " VARCHAR(255), "
                    + ddl.quote("host") + " VARCHAR(255), " + ddl.quote("pid") + " BIGINT, "
                    + ddl.quote("taken_at") + " BIGINT, " + ddl.quote("expires_at") + " BIGINT)"
                    + ddl.bookkeepingTableOptions());
        } catch (SQLException e) {
            if (!SqlErrors.isDuplicate(e)) { // PostgreSQL: another process created it at the same moment
                throw e;
            }
        }
        if (read().isPresent()) {
            return;
        }
        try (Statement st = connection.createStatement()) {
            st.executeUpdate(
                    "INSERT INTO " + ddl.quote(table) + " (" + ddl.quote("lock_id") + ") VALUES (" + LOCK_ROW + ")");
        } catch (SQLException e) {
            if (!SqlErrors.isDuplicate(e)
                    && !SqlErrors.isConflict(e, ddl.kind())) { // another process made the row first
                throw e;
            }
        }
    }

    private void waitFor(Duration timeout) throws SQLException {
        long start = System.nanoTime();
        boolean told = false;
        try {
            while (true) {
                Optional<Row> before = read();
                if (tryTake()) {
                    before.filter(row -> row.holder() != null)
                            .ifPresent(row -> log.warn(
                                    "Took over the migration lock from {}, whose lease ran out: it stopped renewing "
                                            + "it (killed, or cut off from the database)",
                                    row.holder().describe()));
                    return;
                }
                String current = read().map(Row::describe).orElse("another process");
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                if (waited.compareTo(timeout) >= 0) {
                    throw new MigrationException(current + " has held the migration lock for longer than "
                            + timeout.toSeconds() + " s (lock_timeout in migrate.yaml); try again when it is done. "
                            + "If that process is gone, its lease runs out by itself " + term.toSeconds()
                            + " s after its last renewal (lock_lease in migrate.yaml)");
                }
                if (!told) {
                    log.info("Waiting for the migration lock, held by {}", current);
                    told = true;
                }
                Thread.sleep(200 + ThreadLocalRandom.current().nextInt(200));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("interrupted while waiting for the migration lock", e);
        }
    }

    /** One statement: takes the row if free or expired. On Galera, a concurrent taker's commit fails instead. */
    private boolean tryTake() throws SQLException {
        long sent = System.nanoTime();
        try (Statement st = connection.createStatement()) {
            boolean taken = st.executeUpdate("UPDATE " + ddl.quote(table) + " SET " + ddl.quote("holder") + " = "
                            + literal(holder.id()) + ", " + ddl.quote("host") + " = " + literal(holder.host()) + ", "
                            + ddl.quote("pid") + " = " + holder.pid() + ", " + ddl.quote("taken_at") + " = " + now
                            + ", " + ddl.quote("expires_at") + " = " + now + " + " + term.toMillis() + " WHERE "
                            + ddl.quote("lock_id") + " = " + LOCK_ROW + " AND (" + ddl.quote("holder") + " IS NULL OR "
                            + ddl.quote("expires_at") + " < " + now + ")")
                    == 1;
            renewedAt = sent;
            return taken;
        } catch (SQLException e) {
            if (SqlErrors.isConflict(e, ddl.kind())) {
                return false; // another process took it in the same instant
            }
            throw e;
        }
    }

    private void startRenewing() {
        renewer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "migration-lease");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(term.toMillis() / 3, 100);
        renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    private void renew() {
        long sent = System.nanoTime();
        try (Statement st = connection.createStatement()) {
            if (st.executeUpdate("UPDATE " + ddl.quote(table) + " SET " + ddl.quote("expires_at") + " = " + now
                            + " + " + term.toMillis() + " WHERE " + ddl.quote("lock_id") + " = " + LOCK_ROW + " AND "
                            + ddl.quote("holder") + " = " + literal(holder.id()))
                    == 1) {
                renewedAt = sent;
            } else {
                lost = true;
            }
        } catch (SQLException e) {
            log.debug("Could not renew the migration lease: {}", e.getMessage()); // tried again; checkHeld decides
        }
    }

    private Optional<Row> read() throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + ddl.quote("holder") + ", " + ddl.quote("host") + ", "
                        + ddl.quote("pid") + ", " + ddl.quote("taken_at") + ", " + ddl.quote("expires_at") + ", "
                        + now + " FROM " + ddl.quote(table) + " WHERE " + ddl.quote("lock_id") + " = " + LOCK_ROW)) {
            if (!rs.next()) {
                return Optional.empty();
            }
            String id = rs.getString(1);
            LockHolder holder = id == null
                    ? null
                    : new LockHolder(rs.getString(2), rs.getLong(3), id.substring(id.lastIndexOf(':') + 1));
            return Optional.of(new Row(holder, rs.getLong(4), rs.getLong(5), rs.getLong(6)));
        }
    }

    /** The lock row as read, with the database's clock at the time. */
    private record Row(LockHolder holder, long takenAt, long expiresAt, long now) {
        boolean expired() {
            return holder == null || expiresAt < now;
        }

        String describe() {
            return holder == null
                    ? "another process"
                    : holder.describe() + " (since " + Instant.ofEpochMilli(takenAt) + ")";
        }
    }

    /** Hands the lease back; a holder that cannot leaves it to run out. */
    @Override
    public void close() {
        if (renewer != null) {
            renewer.shutdownNow();
            try {
                renewer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("UPDATE " + ddl.quote(table) + " SET " + ddl.quote("holder") + " = NULL, "
                    + ddl.quote("host") + " = NULL, " + ddl.quote("pid") + " = NULL, " + ddl.quote("taken_at")
                    + " = NULL, " + ddl.quote("expires_at") + " = NULL WHERE " + ddl.quote("lock_id") + " = "
                    + LOCK_ROW + " AND " + ddl.quote("holder") + " = " + literal(holder.id()));
        } catch (SQLException e) {
            log.debug("Could not hand back the migration lease; it runs out by itself: {}", e.getMessage());
        } finally {
            closeConnection();
        }
    }

    private void closeConnection() {
        try {
            connection.setAutoCommit(autoCommitBefore);
        } catch (SQLException ignored) {
            // closed below all the same
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing is left to release
        }
    }
}
