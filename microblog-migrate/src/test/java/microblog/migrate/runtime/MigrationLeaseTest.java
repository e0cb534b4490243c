package microblog.migrate.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.migrate.MigrationException;
import microblog.migrate.dialect.MigrationDialect;
import microblog.migrate.testing.LogCapture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The migration lock as a lease on a row: one holder at a time, taken over once a holder stops renewing it. */
class MigrationLeaseTest {
    private static final String VERSIONS = "alembic_version";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(
            value = Backend.class,
            names = {"POSTGRESQL", "MARIADB"})
    void processesStartingTogetherOnAFreshDatabaseHoldTheLockOneAtATime(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, dir)) {
            ConnectionFactory connections = new ConnectionFactory(db.databaseUrl());
            MigrationDialect ddl = MigrationDialect.forKind(backend.kind());
            int processes = 6;
            AtomicInteger holding = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(processes);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int i = 0; i < processes; i++) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        try (Connection work = connections.open();
                                MigrationLock lock = MigrationLock.acquire(
                                        work,
                                        connections::open,
                                        ddl,
                                        Duration.ofSeconds(60),
                                        Duration.ofSeconds(30),
                                        VERSIONS)) {
                            most.accumulateAndGet(holding.incrementAndGet(), Math::max);
                            Thread.sleep(100);
                            lock.checkHeld();
                            holding.decrementAndGet();
                        }
                        return null;
                    }));
                }
                start.countDown(); // all at once, before the lock's table exists
                for (Future<?> run : runs) {
                    run.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(most.get()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Backend.class,
            names = {"POSTGRESQL", "MARIADB"})
    void aHolderThatStoppedRenewingIsNamedThenTakenOverWhenItsLeaseRunsOut(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, dir)) {
            ConnectionFactory connections = new ConnectionFactory(db.databaseUrl());
            MigrationDialect ddl = MigrationDialect.forKind(backend.kind());
            try (Connection work = connections.open();
                    MigrationLock first = MigrationLock.acquire(
                            work, connections::open, ddl, Duration.ZERO, Duration.ofSeconds(30), VERSIONS)) {
                // taken, so the table and row exist
            }
            String clock = ddl.leaseClockSql().orElseThrow();
            try (Connection crashed = connections.open();
                    Statement st = crashed.createStatement()) { // as a killed process leaves it: held, not renewed
                st.executeUpdate("UPDATE " + ddl.quote("alembic_version_lock") + " SET " + ddl.quote("holder")
                        + " = 'web-7:4242:dead', " + ddl.quote("host") + " = 'web-7', " + ddl.quote("pid")
                        + " = 4242, " + ddl.quote("taken_at") + " = " + clock + ", " + ddl.quote("expires_at")
                        + " = " + clock + " + 2500");
            }
            try (Connection work = connections.open()) {
                assertThatThrownBy(() -> MigrationLock.acquire(
                                work, connections::open, ddl, Duration.ofMillis(500), Duration.ofSeconds(30), VERSIONS))
                        .isInstanceOf(MigrationException.class)
                        .hasMessageStartingWith("process 4242 on web-7 (since ")
                        .hasMessageContaining("has held the migration lock for longer than 0 s");
                assertThat(MigrationLock.liveHolder(work, ddl, VERSIONS))
                        .map(LockHolder::describe)
                        .contains("process 4242 on web-7");
            }
            long started = System.nanoTime();
            try (LogCapture log = new LogCapture();
                    Connection work = connections.open();
                    MigrationLock taken = MigrationLock.acquire(
                            work, connections::open, ddl, Duration.ofSeconds(20), Duration.ofSeconds(30), VERSIONS)) {
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
                assertThat(log.messages())
                        .contains("Waiting for the migration lock, held by process 4242 on web-7 (since "
                                + log.messages().stream()
                                        .filter(m -> m.startsWith("Waiting"))
                                        .findFirst()
                                        .orElse("")
                                        .replaceFirst(".*\\(since ", ""))
                        .anyMatch(m -> m.startsWith("Took over the migration lock from process 4242 on web-7"));
                assertThat(MigrationLock.liveHolder(work, ddl, VERSIONS)).contains(taken.holder());
            }
            try (Connection work = connections.open()) {
                assertThat(MigrationLock.liveHolder(work, ddl, VERSIONS)).isEmpty(); // handed back
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Backend.class,
            names = {"POSTGRESQL", "MARIADB"})
    void aHolderWhoseLeaseWasTakenStopsBeforeItsNextStatement(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, dir)) {
            ConnectionFactory connections = new ConnectionFactory(db.databaseUrl());
            MigrationDialect ddl = MigrationDialect.forKind(backend.kind());
            try (Connection work = connections.open();
                    MigrationLock lock = MigrationLock.acquire(
                            work, connections::open, ddl, Duration.ZERO, Duration.ofSeconds(3), VERSIONS)) {
                lock.checkHeld();
                try (Connection other = connections.open();
                        Statement st = other.createStatement()) { // as if its lease had run out and been taken
                    st.executeUpdate("UPDATE " + ddl.quote("alembic_version_lock") + " SET " + ddl.quote("holder")
                            + " = 'web-8:77:new'");
                }
                Thread.sleep(1500); // the next renewal, a third of the term, finds the row taken
                assertThatThrownBy(lock::checkHeld)
                        .isInstanceOf(MigrationException.class)
                        .hasMessage("this process lost the migration lock: another process took it over; it stopped "
                                + "before its next statement, as another process may be migrating now");
            }
        }
    }
}
