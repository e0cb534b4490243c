package microblog.migrate.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import microblog.migrate.MigrationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * H2 has no named lock a session can hold across the commits its schema changes make. An
 * embedded H2 database is open in one process at a time, so the migration lock is one in this
 * process, per database (its file, however the URL spells the path), schema and version table. (On an H2 server, other processes are not
 * kept out: run one migration at a time there.) A semaphore rather than a lock, so that the
 * thread that releases it need not be the one that took it.
 */
final class H2ProcessLock {
    private static final Logger log = LoggerFactory.getLogger("microblog.migrate.runtime.MigrationLock");
    private static final Map<String, Semaphore> LOCKS = new ConcurrentHashMap<>();

    private H2ProcessLock() {}

    static Runnable acquire(Connection connection, Duration timeout, String versionTable) throws SQLException {
        String key = databaseOf(connection) + "|" + connection.getSchema() + "|" + versionTable;
        Semaphore lock = LOCKS.computeIfAbsent(key, k -> new Semaphore(1));
        try {
            if (!lock.tryAcquire()) {
                log.info("Waiting for the migration lock, held by another migration in this process");
                if (!lock.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new MigrationException("another migration in this process has held the migration lock for "
                            + "longer than " + timeout.toSeconds() + " s (lock_timeout in migrate.yaml); try again "
                            + "when it is done");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("interrupted while waiting for the migration lock", e);
        }
        return lock::release;
    }

    /** The database's file, however the URL spelled its path; an in-memory one's name. */
    private static String databaseOf(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(DATABASE_PATH(), 'mem:' || DATABASE())")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
