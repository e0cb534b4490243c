package microblog.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
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
 * Writers through PgBouncer in transaction pooling whose URL does not say {@code ?pgbouncer=true}:
 * no write is acknowledged unless it is stored. With pgJDBC's own prepareThreshold (5) a COMMIT
 * prepared as {@code S_n} ran as another client's {@code S_n}, a ROLLBACK, and was reported as a
 * commit (see {@code Postgres.addConnectionSettings}). Needs {@code cluster/pgbouncer start}.
 */
@Tag("cluster")
class PgBouncerWritesTest {
    private static final Logger log = LoggerFactory.getLogger(PgBouncerWritesTest.class);
    private static final int WRITERS = 8;
    private static final int COUNTERS = 10;
    private static final long SECONDS = 8;

    @Test
    void everyAcknowledgedWriteThroughAPoolerWithoutTheFlagIsStoredAndNothingElse() throws Exception {
        try (ClusterDatabase pooled = ClusterServers.pgbouncer()) {
            String url = pooled.urls().get(0); // no ?pgbouncer=true
            try (Connection c = connect(url);
                    Statement st = c.createStatement()) {
                st.execute("CREATE TABLE tally (id INTEGER NOT NULL PRIMARY KEY, n INTEGER NOT NULL)");
                st.execute("CREATE TABLE written (id BIGINT NOT NULL PRIMARY KEY)");
                st.execute("INSERT INTO tally (id, n) SELECT i, 0 FROM generate_series(1, " + COUNTERS + ") i");
            }
            Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
            Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
            AtomicLong ids = new AtomicLong();
            long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
            try (Database db = Database.open(DatabaseUrl.parse(url, Path.of(".")), List.of(Author.class))) {
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    Thread writer = new Thread(() -> {
                        while (System.nanoTime() < deadline) {
                            long id = ids.incrementAndGet();
                            int counter = ThreadLocalRandom.current().nextInt(1, COUNTERS + 1);
                            try {
                                db.runTransaction(session -> {
                                    session.execute("UPDATE tally SET n = n + 1 WHERE id = ?", counter);
                                    session.execute("INSERT INTO written (id) VALUES (?)", id);
                                });
                                acknowledged.add(id);
                            } catch (RuntimeException e) {
                                String line = String.valueOf(e.getMessage())
                                        .lines()
                                        .findFirst()
                                        .orElse("");
                                failures.computeIfAbsent(
                                                e.getClass().getSimpleName() + ": " + line, k -> new AtomicLong())
                                        .incrementAndGet();
                            } finally {
                                db.session().close();
                            }
                        }
                    });
                    writer.start();
                    writers.add(writer);
                }
                for (Thread writer : writers) {
                    writer.join();
                }
            }
            Set<Long> stored = new TreeSet<>();
            long sum;
            try (Connection c = connect(url);
                    Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT id FROM written")) {
                    while (rs.next()) {
                        stored.add(rs.getLong(1));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT SUM(n) FROM tally")) {
                    rs.next();
                    sum = rs.getLong(1);
                }
            }
            log.info(
                    "{} writers through PgBouncer without ?pgbouncer=true, {} s: {} acknowledged, {} stored, "
                            + "failures {}",
                    WRITERS,
                    SECONDS,
                    acknowledged.size(),
                    stored.size(),
                    failures);
            Set<Long> lost = new TreeSet<>(acknowledged);
            lost.removeAll(stored);
            Set<Long> unacknowledged = new TreeSet<>(stored);
            unacknowledged.removeAll(acknowledged);
            assertThat(lost).as("acknowledged writes not stored").isEmpty();
            assertThat(unacknowledged).as("writes stored but not acknowledged").isEmpty();
            assertThat(sum).as("each stored write's increment, once").isEqualTo(stored.size());
            assertThat(acknowledged).as("writes went through").isNotEmpty();
            assertThat(failures).as("failures surfaced").isEmpty();
        }
    }

    private static Connection connect(String url) {
        return new ConnectionFactory(DatabaseUrl.parse(url, Path.of("."))).open();
    }
}
