package microblog.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.db.testmodels.Author;
import microblog.db.testmodels.BlogEntry;
import microblog.db.url.DatabaseKind;
import microblog.db.url.DatabaseUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detached reads on a read-only replica, writes on the primary. The replica is a second
 * PostgreSQL database set read-only ({@code default_transaction_read_only}), which refuses writes
 * as a standby does.
 */
class ReplicasTest {
    @TempDir
    Path dir;

    @Test
    void detachedReadsGoToTheReplicaAndWritesToThePrimary() throws Exception {
        try (TestDatabase primary = TestDatabases.create(Backend.POSTGRESQL, dir);
                TestDatabase replica = readOnlyCopy(dir)) {
            createAuthors(primary.databaseUrl(), "on-primary");
            try (Database db = Database.open(
                    primary.databaseUrl(),
                    List.of(replica.databaseUrl()),
                    List.of(Author.class, BlogEntry.class),
                    SessionScope.THREAD)) {
                db.session().add(new Author("written"));
                db.session().commit();
                assertThat(db.query(Author.class).all())
                        .extracting(Author::getName)
                        .containsExactlyInAnyOrder("on-primary", "written");
                assertThat(db.query(Author.class).detached().all())
                        .extracting(Author::getName)
                        .containsExactly("on-replica");
                assertThat(db.replicaDataSources()).hasSize(1);
            }
        }
    }

    @Test
    void aWriteOnAReplicaSaysSoInOneLine() throws Exception {
        try (TestDatabase replica = readOnlyCopy(dir);
                Database db = Database.open(replica.databaseUrl(), List.of(Author.class, BlogEntry.class))) {
            assertThatThrownBy(
                            () -> { // identity keys: the insert runs as the object is added
                                db.session().add(new Author("lost"));
                                db.session().commit();
                            })
                    .isInstanceOf(ReadOnlyReplicaException.class)
                    .hasMessageStartingWith("the server refused a write: it is a read-only replica (")
                    .hasMessageContaining("read-only transaction")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void aReplicaOfAnotherKindIsRefused() {
        DatabaseUrl sqlite = DatabaseUrl.parse("sqlite:///r.db", dir);
        assertThatThrownBy(() -> Replicas.open(List.of(sqlite), DatabaseKind.POSTGRESQL))
                .hasMessageContaining("is not a PostgreSQL server as the primary is");
    }

    @Test
    void mariadbsReadOnlyRefusalsAreTranslatedFromTheirErrorCodes() {
        SQLException readOnly = new SQLException(
                "The MariaDB server is running with the --read-only option so it cannot execute this statement",
                "HY000",
                1290);
        assertThat(ServerRefusals.explain(new RuntimeException(readOnly), DatabaseKind.MYSQL))
                .isInstanceOf(ReadOnlyReplicaException.class)
                .hasMessageContaining("read-only replica");
        assertThat(ServerRefusals.explain(
                        new SQLException("Cannot execute statement in a READ ONLY transaction", "25006", 1792),
                        DatabaseKind.MYSQL))
                .hasMessageContaining("read-only replica");
        SQLException filePriv = new SQLException(
                "The MariaDB server is running with the --secure-file-priv option so it cannot execute this statement",
                "HY000",
                1290);
        assertThat(ServerRefusals.explain(filePriv, DatabaseKind.MYSQL)).isNull();
    }

    @Test
    void aPreparedStatementLostToAPoolerSaysToAddPgbouncerTrue() {
        SQLException lost = new SQLException("ERROR: prepared statement \"S_2\" already exists", "42P05");
        assertThat(ServerRefusals.explain(new RuntimeException(lost), DatabaseKind.POSTGRESQL))
                .hasMessage("a transaction pooler (PgBouncer) stands before the server and lost the driver's prepared "
                        + "statement (ERROR: prepared statement \"S_2\" already exists): add ?pgbouncer=true to the "
                        + "database URL, and no prepareThreshold other than 0");
        assertThat(ServerRefusals.explain(
                        new SQLException(
                                "ERROR: bind message supplies 1 parameters, but prepared statement \"S_4\" requires 0",
                                "08P01"),
                        DatabaseKind.POSTGRESQL))
                .hasMessageContaining("?pgbouncer=true");
        assertThat(ServerRefusals.explain(
                        new SQLException("ERROR: insufficient data left in message", "08P01"), DatabaseKind.POSTGRESQL))
                .hasMessageContaining("?pgbouncer=true");
        assertThat(ServerRefusals.explain(new SQLException("An I/O error occurred", "08006"), DatabaseKind.POSTGRESQL))
                .isNull();
        assertThat(ServerRefusals.explain(
                        new SQLException("ERROR: prepared statement \"S_7\" does not exist", "26000"),
                        DatabaseKind.POSTGRESQL))
                .hasMessageContaining("?pgbouncer=true");
        assertThat(ServerRefusals.explain(
                        new SQLException("ERROR: prepared statement \"mine\" does not exist", "26000"),
                        DatabaseKind.POSTGRESQL))
                .isNull();
    }

    /** A PostgreSQL database with an author of its own, then set read-only as a replica is. */
    static TestDatabase readOnlyCopy(Path dir) throws SQLException {
        TestDatabase replica = TestDatabases.create(Backend.POSTGRESQL, dir);
        createAuthors(replica.databaseUrl(), "on-replica");
        try (Connection c = new ConnectionFactory(replica.databaseUrl()).open();
                Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + c.getCatalog() + " SET default_transaction_read_only = on");
        }
        return replica;
    }

    private static void createAuthors(DatabaseUrl url, String name) throws SQLException {
        createTables(url, "INSERT INTO author (name) VALUES ('" + name + "')");
    }

    /** The tables of {@link Author} and {@link BlogEntry} on PostgreSQL, then {@code more} statements. */
    static void createTables(DatabaseUrl url, String... more) throws SQLException {
        try (Connection c = new ConnectionFactory(url).open();
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE author (id SERIAL PRIMARY KEY, name VARCHAR(64) UNIQUE)");
            st.execute("CREATE TABLE blog_entry (id SERIAL PRIMARY KEY, title VARCHAR(255), written_at TIMESTAMP, "
                    + "author_id INTEGER REFERENCES author (id))");
            for (String sql : more) {
                st.execute(sql);
            }
        }
    }
}
