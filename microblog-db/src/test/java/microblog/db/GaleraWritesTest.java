package microblog.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.testing.ClusterServers;
import microblog.db.testing.ClusterServers.ClusterDatabase;
import microblog.db.testmodels.Author;
import microblog.db.url.DatabaseUrl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes through two or three nodes of a real Galera cluster: a certification failure is a {@link
 * TransactionConflictException}, {@link Database#runTransaction} makes writers on two nodes that
 * update the same rows count each increment once, {@code ?wsrep_sync_wait=1} reads on one node what
 * was committed on another, and a writer whose node is killed goes on through the next host of its
 * URL with every acknowledged write kept. Needs {@code cluster/galera start}; the figures are logged.
 */
@Tag("cluster")
class GaleraWritesTest {
    private static final Logger log = LoggerFactory.getLogger(GaleraWritesTest.class);
    private static final String INCREMENT = "UPDATE tally SET n = n + 1 WHERE id = ?";

    @Test
    void aTransactionCertifiedAfterAnotherNodesCommitOnTheSameRowIsAConflict() throws Exception {
        try (ClusterDatabase cluster = ClusterServers.galera()) {
            createTally(cluster.urls().get(0), 1);
            try (Database node1 = open(cluster.urls().get(0))) {
                DbSession first = node1.session();
                first.execute(INCREMENT, 1); // open on node 1, not committed
                try (Connection other = connect(cluster.urls().get(1));
                        Statement st = other.createStatement()) {
                    st.executeUpdate("UPDATE tally SET n = n + 10 WHERE id = 1"); // committed on node 2
                }
                TransactionConflictException conflict =
                        catchThrowableOfType(TransactionConflictException.class, first::commit);
                assertThat(conflict)
                        .hasMessageStartingWith(
                                "the database aborted the transaction because it conflicted with another");
                assertThat(driverError(conflict).getErrorCode()).isEqualTo(1213);
                for (String node : cluster.urls()) {
                    assertThat(sum(node)).as("node 2's write alone, on " + node).isEqualTo(10);
                }
                node1.runTransaction(again -> again.execute(INCREMENT, 1));
                assertThat(sum(cluster.urls().get(2)))
                        .as("the session is usable again")
                        .isEqualTo(11);
            }
        }
    }

    @Test
    void writersOnTwoNodesUpdatingTheSameRowsCountEachAcknowledgedIncrementOnce() throws Exception {
        int writersPerNode = 2;
        int increments = 40;
        try (ClusterDatabase cluster = ClusterServers.galera()) {
            createTally(cluster.urls().get(0), 3);
            AtomicInteger attempts = new AtomicInteger();
            AtomicInteger acknowledged = new AtomicInteger();
            List<Throwable> failures = new ArrayList<>();
            long start = System.nanoTime();
            try (Database node1 = open(cluster.urls().get(0));
                    Database node2 = open(cluster.urls().get(1))) {
                List<Database> writers = new ArrayList<>();
                for (int i = 0; i < writersPerNode; i++) {
                    writers.add(node1);
                    writers.add(node2);
                }
                ExecutorService threads = Executors.newFixedThreadPool(writers.size());
                try {
                    List<Future<?>> running = new ArrayList<>();
                    for (Database db : writers) {
                        running.add(threads.submit(() -> {
                            try {
                                for (int i = 0; i < increments; i++) {
                                    int row = ThreadLocalRandom.current().nextInt(1, 4);
                                    try {
                                        db.runTransaction(RetryPolicy.attempts(20), session -> {
                                            attempts.incrementAndGet();
                                            session.execute(INCREMENT, row);
                                        });
                                        acknowledged.incrementAndGet();
                                    } catch (TransactionConflictException e) {
                                        synchronized (failures) {
                                            failures.add(e); // not acknowledged: must not be counted
                                        }
                                    }
                                }
                            } finally {
                                db.session().close();
                            }
                            return null;
                        }));
                    }
                    for (Future<?> writer : running) {
                        writer.get(60, TimeUnit.SECONDS);
                    }
                } finally {
                    threads.shutdownNow();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int retries = attempts.get() - acknowledged.get() - failures.size() * 20;
            log.info(
                    "{} writers on 2 Galera nodes, 3 shared rows: {} increments acknowledged in {} s ({} commits/s), "
                            + "{} conflicts retried, {} surfaced after 20 attempts",
                    2 * writersPerNode,
                    acknowledged.get(),
                    String.format("%.1f", seconds),
                    String.format("%.0f", acknowledged.get() / seconds),
                    retries,
                    failures.size());
            assertThat(acknowledged.get() + failures.size()).isEqualTo(2 * writersPerNode * increments);
            assertThat(acknowledged.get()).isPositive();
            for (String node : cluster.urls()) {
                assertThat(sum(node + "?wsrep_sync_wait=1"))
                        .as("the acknowledged increments on " + node + ", none lost, none twice")
                        .isEqualTo(acknowledged.get());
            }
        }
    }

    @Test
    void withWsrepSyncWaitAReadOnOneNodeSeesWhatWasJustCommittedOnAnother() throws Exception {
        int rounds = 200;
        try (ClusterDatabase cluster = ClusterServers.galera()) {
            createTally(cluster.urls().get(0), 1);
            try (Database node1 = open(cluster.urls().get(0));
                    Database synced = open(cluster.urls().get(1) + "?wsrep_sync_wait=1");
                    Database unsynced = open(cluster.urls().get(1))) {
                int syncedMisses = staleReads(node1, synced, rounds, 0);
                int unsyncedMisses = staleReads(node1, unsynced, rounds, rounds);
                log.info(
                        "read on node 2 right after a commit on node 1, {} times: {} stale with wsrep_sync_wait=1, "
                                + "{} stale without",
                        rounds,
                        syncedMisses,
                        unsyncedMisses);
                assertThat(syncedMisses).isZero();
            }
        }
    }

    @Test
    void aWriterWhoseNodeIsKilledGoesOnThroughTheNextHostAndKeepsEveryAcknowledgedWrite() throws Exception {
        try (ClusterDatabase cluster = ClusterServers.galera()) {
            try (Connection c = connect(cluster.urls().get(0));
                    Statement st = c.createStatement()) {
                st.execute("CREATE TABLE written (id INTEGER NOT NULL PRIMARY KEY, writer INTEGER NOT NULL)"
                        + " ENGINE=InnoDB");
            }
            URI node3 = URI.create(cluster.urls().get(2));
            URI node1 = URI.create(cluster.urls().get(0));
            String failover = "mariadb://root@" + node3.getHost() + ":" + node3.getPort() + "," + node1.getHost() + ":"
                    + node1.getPort() + "/" + cluster.name();
            Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
            Set<Integer> unknown = ConcurrentHashMap.newKeySet(); // failed: stored or not, either is right
            AtomicInteger ids = new AtomicInteger();
            AtomicLong killedAt = new AtomicLong();
            AtomicLong firstAfterKill = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            List<String> errors = new ArrayList<>();
            boolean killed = false;
            try (Database db = open(failover)) {
                ExecutorService threads = Executors.newFixedThreadPool(2);
                try {
                    List<Future<?>> writers = new ArrayList<>();
                    for (int w = 1; w <= 2; w++) {
                        int writer = w;
                        writers.add(threads.submit(() -> {
                            while (!stop.get()) {
                                int id = ids.incrementAndGet();
                                long started = System.nanoTime();
                                try {
                                    db.runTransaction(session -> session.execute(
                                            "INSERT INTO written (id, writer) VALUES (?, ?)", id, writer));
                                    acknowledged.add(id);
                                    long kill = killedAt.get();
                                    if (kill != 0 && started > kill) { // begun once node 3 was dead
                                        firstAfterKill.compareAndSet(0, System.nanoTime());
                                    }
                                } catch (RuntimeException e) {
                                    unknown.add(id);
                                    synchronized (errors) {
                                        errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                                    }
                                    pause(20);
                                } finally {
                                    db.session().close();
                                }
                            }
                            return null;
                        }));
                    }
                    Thread.sleep(1500);
                    int beforeKill = acknowledged.size();
                    assertThat(currentNode(db))
                            .as("sequential: the first host, node 3")
                            .isEqualTo(node3.getPort());
                    killed = true;
                    ClusterServers.galera("kill-node", "3"); // returns once kill -9 is sent
                    killedAt.set(System.nanoTime());
                    long end = System.nanoTime() + Duration.ofSeconds(12).toNanos();
                    while ((firstAfterKill.get() == 0
                                    || System.nanoTime() - firstAfterKill.get()
                                            < Duration.ofSeconds(2).toNanos())
                            && System.nanoTime() < end) {
                        Thread.sleep(50);
                    }
                    stop.set(true);
                    for (Future<?> writer : writers) {
                        writer.get(30, TimeUnit.SECONDS);
                    }
                    assertThat(firstAfterKill.get())
                            .as("a write succeeded after the kill, without reopening the Database")
                            .isPositive();
                    double failoverMs = (firstAfterKill.get() - killedAt.get()) / 1e6;
                    log.info(
                            "node 3 killed under 2 writers ({} writes acknowledged before): first write acknowledged "
                                    + "{} ms after the kill; {} acknowledged in all, {} failed ({})",
                            beforeKill,
                            String.format("%.0f", failoverMs),
                            acknowledged.size(),
                            unknown.size(),
                            errors.stream().distinct().limit(3).toList());
                    assertThat(failoverMs).as("failover time, ms").isLessThan(10_000);
                    assertThat(currentNode(db))
                            .as("now on the second host, node 1")
                            .isEqualTo(node1.getPort());
                } finally {
                    stop.set(true);
                    threads.shutdownNow();
                }
                for (String node : cluster.urls().subList(0, 2)) {
                    Set<Integer> stored = ids(node + "?wsrep_sync_wait=1");
                    assertThat(stored).as("every acknowledged write on " + node).containsAll(acknowledged);
                    assertThat(acknowledged.size() + unknown.size()).isGreaterThanOrEqualTo(stored.size());
                }
            } finally {
                if (killed) {
                    ClusterServers.galera("restart-node", "3");
                }
                ClusterServers.awaitGaleraSynced(Duration.ofSeconds(60));
            }
            assertThat(ids(cluster.urls().get(2) + "?wsrep_sync_wait=1"))
                    .as("node 3, rejoined, has every acknowledged write")
                    .containsAll(acknowledged)
                    .isEqualTo(ids(cluster.urls().get(0) + "?wsrep_sync_wait=1"));
        }
    }

    /**
     * Sets the tally to {@code offset + i} on {@code writer} and reads it at once on {@code reader},
     * {@code rounds} times; how many reads saw an older value.
     */
    private static int staleReads(Database writer, Database reader, int rounds, int offset) {
        int stale = 0;
        for (int i = 1; i <= rounds; i++) {
            int value = offset + i;
            writer.runTransaction(session -> session.execute("UPDATE tally SET n = ? WHERE id = 1", value));
            int seen = reader.transaction(session -> session.unwrap()
                    .createNativeQuery("SELECT n FROM tally WHERE id = 1", Integer.class)
                    .getSingleResult());
            if (seen != value) {
                stale++;
            }
        }
        writer.session().close();
        reader.session().close();
        return stale;
    }

    /** The port of the node the database's pool is connected to now. */
    private static int currentNode(Database db) {
        return db.transaction(session -> session.unwrap()
                .createNativeQuery("SELECT @@port", Integer.class)
                .getSingleResult());
    }

    private static Database open(String url) {
        return Database.open(DatabaseUrl.parse(url, Path.of(".")), List.of(Author.class));
    }

    private static Connection connect(String url) throws SQLException {
        return new ConnectionFactory(DatabaseUrl.parse(url, Path.of("."))).open();
    }

    /** A table of {@code rows} counters at 0. */
    private static void createTally(String url, int rows) throws SQLException {
        try (Connection c = connect(url);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE tally (id INTEGER NOT NULL PRIMARY KEY, n INTEGER NOT NULL) ENGINE=InnoDB");
            for (int i = 1; i <= rows; i++) {
                st.execute("INSERT INTO tally (id, n) VALUES (" + i + ", 0)");
            }
        }
    }

    private static int sum(String url) throws SQLException {
        try (Connection c = connect(url);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(n), 0) FROM tally")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Set<Integer> ids(String url) throws SQLException {
        try (Connection c = connect(url);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id FROM written")) {
            Set<Integer> ids = new TreeSet<>();
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
            return ids;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SQLException driverError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        throw new AssertionError("no driver error beneath " + e, e);
    }
}
