package microblog.db.testing;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The cluster topologies {@code cluster/} starts (a 3-node Galera cluster, PgBouncer in transaction
 * pooling), found through the variables {@code cluster/env} prints. Each test gets a database of
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
