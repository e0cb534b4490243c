import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import microblog.db.Database;
import microblog.db.RetryPolicy;
import microblog.db.url.DatabaseUrl;

/**
 * The cluster soak: writers that each, in one db.runTransaction, add 1 to one of 10 shared counters
 * and insert a row naming the write, so that the counters' sum must equal the rows stored and
 * every acknowledged write must have its row. Run by soak/cluster; prints one line per figure.
 *
 * <pre>
 *   galera ROOT SECONDS URL_1 URL_2 URL_3   writers through node 3 (then node 1: sequential) and
 *                                           node 2; node 3 killed at a third, restarted at two thirds
 *   pooled ROOT SECONDS URL                 writers through one URL (PgBouncer, or the server itself)
 * </pre>
 */
public final class Cluster {
    static final int WRITERS_PER_DATABASE = 4;
    static final int COUNTERS = 10;

    final AtomicLong attempts = new AtomicLong();
    final AtomicLong committed = new AtomicLong();
    final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    final AtomicLong ids = new AtomicLong();
    volatile long killedAt;
    final AtomicLong firstAfterKill = new AtomicLong();

    public static void main(String[] args) throws Exception {
        // The launcher compiles this file into a class loader of its own: Hibernate finds Tally through it.
        Thread.currentThread().setContextClassLoader(Cluster.class.getClassLoader());
        Path root = Path.of(args[1]);
        int seconds = Integer.parseInt(args[2]);
        if (args[0].equals("galera")) {
            new Cluster().galera(root, seconds, List.of(args[3], args[4], args[5]));
        } else {
            new Cluster().pooled(seconds, args[3]);
        }
    }

    void galera(Path root, int seconds, List<String> nodes) throws Exception {
        URI n1 = URI.create(nodes.get(0));
        URI n3 = URI.create(nodes.get(2));
        String throughNode3 = "mariadb://root@" + n3.getHost() + ":" + n3.getPort() + "," + n1.getHost() + ":"
                + n1.getPort() + n1.getPath();
        createTables(nodes.get(0), "ENGINE=InnoDB");
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        try (Database a = open(throughNode3);
                Database b = open(nodes.get(1))) {
            List<Thread> threads = writers(List.of(a, b), deadline);
            Thread.sleep(seconds * 1000L / 3);
            galera(root, "kill-node", "3");
            killedAt = System.nanoTime();
            System.out.println("node 3 killed at " + (killedAt - start) / 1_000_000_000 + " s");
            Thread.sleep(seconds * 1000L / 3);
            long restart = System.nanoTime();
            galera(root, "restart-node", "3");
            System.out.printf(
                    "node 3 restarted at %d s, rejoined in %.1f s%n",
                    (restart - start) / 1_000_000_000, (System.nanoTime() - restart) / 1e9);
            for (Thread t : threads) {
                t.join();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            while (galera(root, "status") != 0) {
                Thread.sleep(250);
            }
            report(elapsed);
            System.out.println(firstAfterKill.get() == 0
                    ? "failover: no write begun after the kill succeeded"
                    : String.format(
                            "failover: first write begun after the kill acknowledged %.0f ms after it",
                            (firstAfterKill.get() - killedAt) / 1e6));
            boolean ok = true;
            for (String node : nodes) {
                ok &= check(node + "?wsrep_sync_wait=1", node.replaceFirst(".*@([^/]*)/.*", "$1"));
            }
            System.exit(ok ? 0 : 1);
        }
    }

    void pooled(int seconds, String url) throws Exception {
        createTables(url, "");
        long start = System.nanoTime();
        try (Database db = open(url)) {
            for (Thread t : writers(List.of(db, db), start + seconds * 1_000_000_000L)) {
                t.join();
            }
        }
        report((System.nanoTime() - start) / 1e9);
        System.exit(check(url, "the database") ? 0 : 1);
    }

    List<Thread> writers(List<Database> databases, long deadline) {
        List<Thread> threads = new ArrayList<>();
        for (Database db : databases) {
            for (int w = 0; w < WRITERS_PER_DATABASE; w++) {
                Thread t = new Thread(() -> {
                    while (System.nanoTime() < deadline) {
                        long id = ids.incrementAndGet();
                        int counter = ThreadLocalRandom.current().nextInt(1, COUNTERS + 1);
                        long begun = System.nanoTime();
                        try {
                            db.runTransaction(RetryPolicy.attempts(10), session -> {
                                attempts.incrementAndGet();
                                session.execute("UPDATE tally SET n = n + 1 WHERE id = ?", counter);
                                session.execute("INSERT INTO written (id) VALUES (?)", id);
                            });
                            committed.incrementAndGet();
                            acknowledged.add(id);
                            if (killedAt != 0 && begun > killedAt) {
                                firstAfterKill.compareAndSet(0, System.nanoTime());
                            }
                        } catch (RuntimeException e) {
                            String message = String.valueOf(e.getMessage())
                                    .lines()
                                    .findFirst()
                                    .orElse("")
                                    .replaceAll("\"S_[0-9]+\"", "\"S_n\""); // one line per kind of failure
                            failures.computeIfAbsent(
                                            e.getClass().getSimpleName() + ": "
                                                    + message.substring(0, Math.min(message.length(), 200)),
                                            k -> new AtomicLong())
                                    .incrementAndGet();
                            pause();
                        } finally {
                            db.session().close();
                        }
                    }
                });
                t.start();
                threads.add(t);
            }
        }
        return threads;
    }

    void report(double seconds) {
        long failed = failures.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf(
                "%d writers, %.1f s: %d commits (%.0f/s), %d conflicts retried, %d failures surfaced%n",
                WRITERS_PER_DATABASE * 2,
                seconds,
                committed.get(),
                committed.get() / seconds,
                attempts.get() - committed.get() - failed,
                failed);
        failures.forEach((message, count) -> System.out.println("  failure x" + count + ": " + message));
    }

    /** Whether {@code url} has every acknowledged write once, and counters summing to its rows. */
    boolean check(String url, String name) throws SQLException {
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
        long lost = acknowledged.stream().filter(id -> !stored.contains(id)).count();
        System.out.printf(
                "%s: %d rows stored, counters sum %d, acknowledged rows lost: %d%n", name, stored.size(), sum, lost);
        return lost == 0 && sum == stored.size();
    }

    static void createTables(String url, String options) throws SQLException {
        try (Connection c = connect(url);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE tally (id INTEGER NOT NULL PRIMARY KEY, n INTEGER NOT NULL) " + options);
            st.execute("CREATE TABLE written (id BIGINT NOT NULL PRIMARY KEY) " + options);
            for (int i = 1; i <= COUNTERS; i++) {
                st.execute("INSERT INTO tally (id, n) VALUES (" + i + ", 0)");
            }
        }
    }

    static Database open(String url) {
        return Database.open(DatabaseUrl.parse(url, Path.of(".")), List.of(Tally.class));
    }

    /** A counter (the writers change it by SQL: a Database maps one entity at least). */
    @Entity(name = "tally")
    public static class Tally {
        @Id
        Integer id;

        int n;
    }

    static Connection connect(String url) throws SQLException {
        DatabaseUrl parsed = DatabaseUrl.parse(url, Path.of("."));
        return DriverManager.getConnection(
                parsed.jdbcUrl(), parsed.username(), parsed.password() == null ? "" : parsed.password());
    }

    static int galera(Path root, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(root.resolve("cluster/galera").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        return p.waitFor();
    }

    static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
