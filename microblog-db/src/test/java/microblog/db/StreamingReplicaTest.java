package microblog.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.testing.ClusterServers;
import microblog.db.testing.ClusterServers.ClusterDatabase;
import microblog.db.testmodels.Author;
import microblog.db.testmodels.BlogEntry;
import microblog.db.testmodels.ServerRole;
import microblog.db.url.DatabaseUrl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL hot standby, fed by streaming replication, as {@code DATABASE_REPLICA_URL}:
 * detached reads are answered by the standby itself (a view of {@code pg_is_in_recovery()} says
 * so), writes by the primary, and a write sent to the standby fails in one line. Needs {@code
 * cluster/replica start}.
 */
@Tag("cluster")
class StreamingReplicaTest {
    private static final Logger log = LoggerFactory.getLogger(StreamingReplicaTest.class);

    @Test
    void detachedReadsAreAnsweredByTheStandbyAndWritesByThePrimary() throws Exception {
        try (ClusterDatabase pair = ClusterServers.replica()) {
            DatabaseUrl primary = DatabaseUrl.parse(pair.urls().get(0), Path.of("."));
            DatabaseUrl replica = DatabaseUrl.parse(pair.urls().get(1), Path.of("."));
            createSchema(primary, replica);
            try (Database db = Database.open(
                    primary,
                    List.of(replica),
                    List.of(Author.class, BlogEntry.class, ServerRole.class),
                    SessionScope.THREAD)) {
                assertThat(db.query(ServerRole.class).one().inRecovery())
                        .as("an attached read: the primary")
                        .isFalse();
                assertThat(db.query(ServerRole.class).detached().one().inRecovery())
                        .as("a detached read: a server in recovery, the standby")
                        .isTrue();
                try (Connection c = db.replicaDataSources().get(0).getConnection();
                        Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT pg_is_in_recovery()")) {
                    rs.next();
                    assertThat(rs.getBoolean(1)).isTrue();
                }

                long start = System.nanoTime();
                db.runTransaction(session -> session.add(new Author("written")));
                db.session().close();
                int polls = 0;
                while (db.query(Author.class).detached().all().stream()
                        .noneMatch(a -> a.getName().equals("written"))) {
                    assertThat(System.nanoTime() - start)
                            .as("the write streamed to the standby within 10 s")
                            .isLessThan(10_000_000_000L);
                    polls++;
                    Thread.sleep(5);
                }
                log.info(
                        "a row committed on the primary was read on the standby {} ms later ({} detached reads "
                                + "missed it first)",
                        String.format("%.1f", (System.nanoTime() - start) / 1e6),
                        polls);
                assertThat(db.query(Author.class).all())
                        .extracting(Author::getName)
                        .containsExactly("written");
            }
        }
    }

    @Test
    void aWriteSentToTheStandbySaysItIsAReadOnlyReplicaInOneLine() throws Exception {
        try (ClusterDatabase pair = ClusterServers.replica()) {
            createSchema(
                    DatabaseUrl.parse(pair.urls().get(0), Path.of(".")),
                    DatabaseUrl.parse(pair.urls().get(1), Path.of(".")));
            try (Database standby = Database.open(
                    DatabaseUrl.parse(pair.urls().get(1), Path.of(".")), List.of(Author.class, BlogEntry.class))) {
                assertThatThrownBy(() -> standby.runTransaction(session -> session.add(new Author("lost"))))
                        .isInstanceOf(ReadOnlyReplicaException.class)
                        .hasMessageStartingWith("the server refused a write: it is a read-only replica (")
                        .hasMessageNotContaining("\n");
            }
        }
    }

    /**
     * The test models' tables and the {@link ServerRole} view, made on the primary; returns once
     * the replica has replayed them.
     */
    private static void createSchema(DatabaseUrl primary, DatabaseUrl replica) throws Exception {
        ReplicasTest.createTables(primary, ServerRole.VIEW);
        long end = System.nanoTime() + 10_000_000_000L;
        try (Connection c = new ConnectionFactory(replica).open();
                Statement st = c.createStatement()) {
            while (true) {
                try (ResultSet rs = st.executeQuery("SELECT to_regclass('server_role') IS NOT NULL")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() > end) {
                    throw new AssertionError("the replica has not replayed the schema after 10 s");
                }
                Thread.sleep(10);
            }
        }
    }
}
