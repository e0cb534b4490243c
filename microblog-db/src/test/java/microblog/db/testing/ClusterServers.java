package microblog.db.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The cluster topologies {@code cluster/} starts (a 3-node Galera cluster, PgBouncer in transaction
 * pooling, a PostgreSQL primary with a streaming replica), found through the variables {@code cluster/env} prints. Each test gets a database of
 * its own, named for its run. Missing, they fail the test under {@code CI=true} and skip it
 * otherwise, saying how to start them.
 */
public final class ClusterServers {
    private ClusterServers() {}

    /** A database made for one test on a cluster, reached through each of {@link #urls()}. */
    public record ClusterDatabase(String name, List<String> urls, Runnable drop) implements AutoCloseable {
        @Override
        public void close() {
            drop.run();
        }
    }

    /** A new database on the Galera cluster, with a {@code mariadb://} URL for each node. */
    public static ClusterDatabase galera() {
        List<URI> nodes = endpoints("GALERA_URLS");
        String name =
                "mb_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        URI first = nodes.get(0);
        String admin = "jdbc:mariadb://" + first.getHost() + ":" + first.getPort() + "/test";
        execute(admin, "root", "CREATE DATABASE " + name); // replicated to every node
        List<String> urls = new ArrayList<>();
        for (URI node : nodes) {
            urls.add("mariadb://root@" + node.getHost() + ":" + node.getPort() + "/" + name);
        }
        return new ClusterDatabase(name, urls, () -> execute(admin, "root", "DROP DATABASE IF EXISTS " + name));
    }

    /** A new PostgreSQL database, reached through PgBouncer in transaction pooling. */
    public static ClusterDatabase pgbouncer() {
        URI bouncer = endpoints("PGBOUNCER_URL").get(0);
        String name =
                "mb_pooled_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String admin = "jdbc:postgresql://127.0.0.1:5432/test"; // the server behind it, directly
        execute(admin, "postgres", "CREATE DATABASE " + name);
        String url = "postgresql://postgres@" + bouncer.getHost() + ":" + bouncer.getPort() + "/" + name;
        return new ClusterDatabase(
                name,
                List.of(url),
                () -> execute(admin, "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    /**
     * A new database on the streaming pair, made on the primary: {@link ClusterDatabase#urls()} are
     * the primary's URL, then the replica's. Returns once the replica has replayed the database's
     * creation, so that it can be connected to.
     */
    public static ClusterDatabase replica() {
        URI primary = endpoints("REPLICA_PRIMARY_URL").get(0);
        URI standby = endpoints("REPLICA_URL").get(0);
        String name =
                "mb_replica_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String admin = "jdbc:postgresql://" + primary.getHost() + ":" + primary.getPort() + "/test";
        execute(admin, "postgres", "CREATE DATABASE " + name);
        String standbyAdmin = "jdbc:postgresql://" + standby.getHost() + ":" + standby.getPort() + "/test";
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!databaseExists(standbyAdmin, name)) {
            if (System.nanoTime() > end) {
                execute(admin, "postgres", "DROP DATABASE IF EXISTS " + name);
                throw new IllegalStateException("the replica at " + standby + " has not replayed CREATE DATABASE "
                        + name + " after 30 s: is it streaming? (cluster/replica status)");
            }
            sleep(50);
        }
        return new ClusterDatabase(
                name,
                List.of(
                        "postgresql://postgres@" + primary.getHost() + ":" + primary.getPort() + "/" + name,
                        "postgresql://postgres@" + standby.getHost() + ":" + standby.getPort() + "/" + name),
                () -> execute(admin, "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    /**
     * Runs {@code cluster/galera ARGS} (found upward from the working directory) on the state
     * directory of {@code CLUSTER_STATE_DIR}; returns its exit status, and its output in {@code
     * output} when given. As in {@code galera("kill-node", "3")}: whoever kills a node restarts it
     * ({@code galera("restart-node", "3")}) and waits for {@link #awaitGaleraSynced}, since other
     * tests use the cluster too.
     */
    public static int galera(String... args) {
        Path script = script("cluster/galera");
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not end in 120 s");
            }
            if (process.exitValue() != 0 && !"status".equals(args[0])) {
                throw new IllegalStateException(command + " exited " + process.exitValue() + ": " + output.strip());
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + command + " ran", e);
        }
    }

    /** Waits until {@code cluster/galera status} exits 0 (every node up and Synced), at most {@code limit}. */
    public static void awaitGaleraSynced(Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (galera("status") != 0) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the Galera cluster is not Synced after " + limit.toSeconds() + " s");
            }
            sleep(250);
        }
    }

    /** {@code relative} in the repository that holds the working directory (Maven runs a module's tests in it). */
    private static Path script(String relative) {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " is not in " + System.getProperty("user.dir") + " or above");
    }

    private static boolean databaseExists(String jdbcUrl, String name) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                PreparedStatement st = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_database on " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The hosts and ports of {@code variable}: URLs with or without {@code jdbc:}, separated by commas or spaces. */
    private static List<URI> endpoints(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            String message = variable + " is not set: start the cluster topologies with cluster/galera start, "
                    + "cluster/pgbouncer start, then eval \"$(cluster/env)\" (as .ci/run does)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message + " (CI=true: the cluster tests must run)");
            }
            Assumptions.abort(message);
        }
        List<URI> uris = new ArrayList<>();
        for (String part : value.strip().split("[,\\s]+")) {
            uris.add(URI.create(part.replaceFirst("^jdbc:", "")));
        }
        return uris;
    }

    private static void execute(String jdbcUrl, String user, String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }
}
