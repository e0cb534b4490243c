package microblog.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import microblog.db.testing.ClusterServers;
import microblog.db.testing.ClusterServers.ClusterDatabase;
import microblog.db.url.DatabaseUrl;
import microblog.migrate.testing.LogCapture;
import microblog.migrate.testing.UpgradeInAnotherProcess;
import microblog.migrate.testmodels.Measurement;
import microblog.migrate.testmodels.NoteCard;
import microblog.migrate.testmodels.Writer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly one migration runs whatever sits between the processes and the data: the nodes of a
 * Galera cluster (where GET_LOCK was local to each node), PgBouncer in transaction pooling (where
 * an advisory lock stayed with a pooled server connection); and none starts on a streaming standby.
 * Needs the topologies of {@code cluster/}.
 */
@Tag("cluster")
class ClusterMigrationTest {
    @TempDir
    Path project;

    @Test
    void eightUpgradesSpreadOverTheGaleraNodesAllSucceedAndRunEachRevisionOnce() throws Exception {
        try (ClusterDatabase db = ClusterServers.galera()) {
            List<String> revisions = twoRevisions(db.urls().get(0));
            upgradeAtOnce(8, db.urls());
            for (String node : db.urls()) {
                assertThat(rows(node, "SELECT version_num FROM alembic_version"))
                        .containsExactly(revisions.get(1));
                assertThat(rows(node, "SELECT revision FROM alembic_version_applied"))
                        .containsExactlyInAnyOrderElementsOf(revisions);
                assertThat(rows(
                                node,
                                "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + db.name()
                                        + "' AND table_name NOT LIKE 'alembic%'"))
                        .containsExactlyInAnyOrder("writer", "note_card", "measurement");
            }
        }
    }

    @Test
    void sixUpgradesThroughPgBouncerInTransactionPoolingAllSucceedAndRunEachRevisionOnce() throws Exception {
        try (ClusterDatabase db = ClusterServers.pgbouncer()) {
            String pooled = db.urls().get(0); // migrations need no ?pgbouncer=true
            List<String> revisions = twoRevisions(pooled);
            upgradeAtOnce(6, List.of(pooled));
            assertThat(rows(pooled, "SELECT version_num FROM alembic_version")).containsExactly(revisions.get(1));
            assertThat(rows(pooled, "SELECT revision FROM alembic_version_applied"))
                    .containsExactlyInAnyOrderElementsOf(revisions);
            assertThat(rows(pooled, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"))
                    .containsExactly("0"); // nothing left held by a pooled server connection
        }
    }

    @Test
    void aRunnerKilledMidRevisionOnOneNodeIsTakenOverAndFinishedFromAnother() throws Exception {
        try (ClusterDatabase db = ClusterServers.galera()) {
            Migrations.createRepository(project.resolve("migrations"));
            Path config = project.resolve("migrations/migrate.yaml");
            Files.writeString(config, Files.readString(config) + "lock_lease: 3\n");
            Files.writeString(
                    project.resolve("migrations/versions/5105eb1c0a11_slow.yaml"),
                    """
                    revision: 5105eb1c0a11
                    down_revision: null
                    message: slow
                    upgrade:
                      - create_table: {name: first_t, columns: [{name: id, type: Integer, primary_key: true}]}
                      - execute: {sql: "SELECT SLEEP(4)"}
                      - create_table: {name: second_t, columns: [{name: id, type: Integer, primary_key: true}]}
                    downgrade:
                      - drop_table: {name: second_t}
                      - drop_table: {name: first_t}
                    """);
            Process runner = UpgradeInAnotherProcess.start(
                    project.resolve("migrations"), db.urls().get(0), project.resolve("runner.log"));
            try {
                waitUntil(Duration.ofSeconds(60), () -> tableExists(db, "first_t"));
            } finally {
                runner.destroyForcibly().waitFor(); // SIGKILL, in the middle of the SLEEP
            }
            try (LogCapture log = new LogCapture()) {
                MigrationResult finished = Migrations.builder()
                        .directory(project.resolve("migrations"))
                        .url(db.urls().get(1))
                        .build()
                        .upgrade();
                assertThat(finished.to()).containsExactly("5105eb1c0a11");
                assertThat(log.messages())
                        .anyMatch(
                                m -> m.startsWith("Took over the migration lock from process " + runner.pid() + " on "))
                        .anyMatch(m -> m.startsWith(
                                "The upgrade of revision 5105eb1c0a11 (slow) stopped after 1 of 3 operation(s)"))
                        .anyMatch(m -> m.startsWith("Finishing the upgrade of revision 5105eb1c0a11 (slow)"));
            }
            for (String node : db.urls()) {
                assertThat(rows(
                                node,
                                "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + db.name()
                                        + "' AND table_name NOT LIKE 'alembic%'"))
                        .containsExactlyInAnyOrder("first_t", "second_t");
                assertThat(rows(node, "SELECT count(*) FROM alembic_version_progress"))
                        .containsExactly("0");
            }
        }
    }

    @Test
    void anUpgradePointedAtTheStreamingStandbyStopsAtOnceSayingItIsAReadOnlyReplica() throws Exception {
        try (ClusterDatabase pair = ClusterServers.replica()) {
            String standby = pair.urls().get(1);
            Migrations.createRepository(project.resolve("migrations"));
            migrations(pair.urls().get(0), List.of(Writer.class)).generate("writers");
            assertThatThrownBy(() -> migrations(standby, List.of()).upgrade())
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining(
                            " is a read-only replica: migrations write, so point the database URL at " + "the primary")
                    .hasMessageNotContaining("\n");
            assertThat(rows(
                            pair.urls().get(0),
                            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
                    .as("nothing made on the primary either: no version table, no lock row")
                    .isEmpty();
        }
    }

    /** Two revisions made on {@code url}, which is left at base; their ids, oldest first. */
    private List<String> twoRevisions(String url) {
        Migrations.createRepository(project.resolve("migrations"));
        List<String> ids = new ArrayList<>();
        ids.add(migrations(url, List.of(Writer.class))
                .generate("writers")
                .orElseThrow()
                .id());
        migrations(url, List.of()).upgrade("head");
        ids.add(migrations(url, List.of(Writer.class, NoteCard.class, Measurement.class))
                .generate("notes")
                .orElseThrow()
                .id());
        migrations(url, List.of()).downgrade("base");
        return ids;
    }

    private void upgradeAtOnce(int processes, List<String> urls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        try {
            List<Future<MigrationResult>> runs = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                String url = urls.get(i % urls.size());
                runs.add(pool.submit(() -> {
                    start.await();
                    return migrations(url, List.of()).upgrade("head");
                }));
            }
            start.countDown();
            int moved = 0;
            for (Future<MigrationResult> run : runs) {
                moved += run.get().steps().size(); // each exits without an exception
            }
            assertThat(moved).isEqualTo(2); // each revision ran once, whoever ran it
        } finally {
            pool.shutdownNow();
        }
    }

    private Migrations migrations(String url, List<Class<?>> models) {
        return Migrations.builder()
                .directory(project.resolve("migrations"))
                .url(url)
                .entities(models)
                .build();
    }

    /** Whether node 2 has {@code table} yet: DDL applies everywhere at once under Galera's TOI. */
    private static boolean tableExists(ClusterDatabase db, String table) throws Exception {
        return !rows(
                        db.urls().get(1),
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + db.name()
                                + "' AND table_name = '" + table + "'")
                .isEmpty();
    }

    private static Set<String> rows(String url, String sql) throws Exception {
        DatabaseUrl parsed = DatabaseUrl.parse(url, Path.of("."));
        try (Connection c = DriverManager.getConnection(
                        parsed.jdbcUrl(), parsed.username(), parsed.password() == null ? "" : parsed.password());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            Set<String> values = new TreeSet<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitUntil(Duration limit, Condition condition) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + limit.toSeconds() + " s in vain");
            }
            Thread.sleep(100);
        }
    }
}
