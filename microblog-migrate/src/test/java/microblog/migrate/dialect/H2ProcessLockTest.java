package microblog.migrate.dialect;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import microblog.migrate.MigrationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H2's migration lock: one per database, schema and version table, in the process. */
class H2ProcessLockTest {
    private static Connection open(String name) throws Exception {
        return DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");
    }

    @Test
    void aSecondMigrationWaitsAndGivesUpInTimeWhileTheFirstHoldsTheLock() throws Exception {
        String name = "lock_" + System.nanoTime();
        try (Connection first = open(name);
                Connection second = open(name)) {
            Runnable release = H2ProcessLock.acquire(first, Duration.ZERO, "alembic_version");
            assertThatThrownBy(() -> H2ProcessLock.acquire(second, Duration.ofMillis(50), "alembic_version"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith("another migration in this process has held the migration lock");
            Runnable other = H2ProcessLock.acquire(second, Duration.ZERO, "other_app_version");
            other.run(); // another version table is another lock
            release.run();
            H2ProcessLock.acquire(second, Duration.ZERO, "alembic_version").run();
        }
    }

    @Test
    void oneFileNamedTwoWaysIsOneLock(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shop").toAbsolutePath();
        Path relative = Path.of("").toAbsolutePath().relativize(file);
        try (Connection absolute = DriverManager.getConnection("jdbc:h2:" + file + ";DATABASE_TO_LOWER=TRUE");
                Connection other = DriverManager.getConnection("jdbc:h2:./" + relative + ";DATABASE_TO_LOWER=TRUE")) {
            Runnable release = H2ProcessLock.acquire(absolute, Duration.ZERO, "alembic_version");
            assertThatThrownBy(() -> H2ProcessLock.acquire(other, Duration.ZERO, "alembic_version"))
                    .isInstanceOf(MigrationException.class);
            release.run();
        }
    }

    @Test
    void anotherDatabaseIsNotKeptWaiting() throws Exception {
        try (Connection one = open("lock_a_" + System.nanoTime());
                Connection two = open("lock_b_" + System.nanoTime())) {
            Runnable release = H2ProcessLock.acquire(one, Duration.ZERO, "alembic_version");
            // With no time to wait, this throws unless the lock is free.
            H2ProcessLock.acquire(two, Duration.ZERO, "alembic_version").run();
            release.run();
        }
    }
}
