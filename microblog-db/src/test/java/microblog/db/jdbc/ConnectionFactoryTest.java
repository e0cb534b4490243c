package microblog.db.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.db.url.DatabaseKind;
import microblog.db.url.DatabaseUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The errors users meet when a server will not let them in, each one clear line. */
class ConnectionFactoryTest {
    @TempDir
    Path dir;

    private static DatabaseUrl url(String url) {
        return DatabaseUrl.parse(url, Path.of("."));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void connectsWithTheUrlAsUsersWriteIt(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, dir);
                Connection c = new ConnectionFactory(db.databaseUrl()).open()) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void missingPostgresDatabaseSaysHowToCreateIt() {
        requireServer(Backend.POSTGRESQL);
        assertThatThrownBy(() -> new ConnectionFactory(url("postgresql://postgres@127.0.0.1/no_such_db_here")).open())
                .isInstanceOf(DatabaseConnectionException.class)
                .hasMessageStartingWith("the database in the database URL does not exist on PostgreSQL")
                .hasMessageContaining("createdb");
    }

    @Test
    void missingMariadbDatabaseSaysHowToCreateIt() {
        requireServer(Backend.MARIADB);
        assertThatThrownBy(() -> new ConnectionFactory(url("mysql://root@127.0.0.1/no_such_db_here")).open())
                .hasMessageStartingWith("the database in the database URL does not exist on MySQL/MariaDB")
                .hasMessageContaining("CREATE DATABASE");
    }

    @Test
    void missingH2DatabaseSaysSo() {
        String absent = "jdbc:h2:" + dir.resolve("absent").toAbsolutePath() + ";IFEXISTS=TRUE";
        assertThatThrownBy(() -> new ConnectionFactory(url(absent)).open())
                .isInstanceOf(DatabaseConnectionException.class)
                .hasMessageStartingWith("the database in the database URL does not exist on H2");
    }

    @Test
    void h2ConnectionsFoldNamesToLowerCaseAsTheMigrationsWriteThem() throws Exception {
        try (Connection c = new ConnectionFactory(url("jdbc:h2:mem:fold_" + System.nanoTime())).open();
                var st = c.createStatement()) {
            st.execute("CREATE TABLE Post (Body VARCHAR(140))");
            st.execute("INSERT INTO \"post\" (\"body\") VALUES ('hello')");
            try (var rs = st.executeQuery("SELECT body FROM post")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("hello");
            }
        }
    }

    @Test
    void refusedCredentialsAreNamed() {
        requireServer(Backend.MARIADB);
        assertThatThrownBy(() -> new ConnectionFactory(url("mysql://root:wrong-password@127.0.0.1/test")).open())
                .hasMessageStartingWith("the server refused the user name or password in the database URL")
                .hasMessageNotContaining("wrong-password");
        requireServer(Backend.POSTGRESQL);
        assertThatThrownBy(() -> new ConnectionFactory(url("postgresql://nobody_here@127.0.0.1/test")).open())
                .hasMessageStartingWith("the server refused the user name or password in the database URL");
    }

    @Test
    void unreachableServersAreNamedWithWhereTheyWereLookedFor() {
        assertThatThrownBy(() -> new ConnectionFactory(url("mysql://root@127.0.0.1:1/test")).open())
                .hasMessageStartingWith("cannot reach MySQL/MariaDB at mysql://root@127.0.0.1:1/test");
        assertThatThrownBy(() -> new ConnectionFactory(url("postgresql://u:secret@127.0.0.1:1/test")).open())
                .hasMessageStartingWith("cannot reach PostgreSQL at postgresql://u:***@127.0.0.1:1/test");
    }

    /** A port that accepts connections and never answers, as a hung server or a wrong service does. */
    @Test
    @Timeout(20) // without a login timeout the driver would wait for ever
    void aPostgresServerThatNeverAnswersIsGivenUpOn() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                List<Socket> held = new ArrayList<>();
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept()); // kept open, never written to
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String at = "postgresql://u@127.0.0.1:" + silent.getLocalPort() + "/test";
            assertThatThrownBy(() -> new ConnectionFactory(url(at + "?loginTimeout=2")).open())
                    .isInstanceOf(DatabaseConnectionException.class)
                    .hasMessageContaining(at);
            acceptor.interrupt();
        }
    }

    @Test
    void postgresConnectionsHaveALoginTimeoutUnlessTheUrlSetsOne() {
        Properties defaults = new Properties();
        DatabaseKind.POSTGRESQL.dialect().addConnectionSettings("jdbc:postgresql://h/db", defaults);
        assertThat(defaults.getProperty("loginTimeout")).isEqualTo("10");
        Properties own = new Properties();
        DatabaseKind.POSTGRESQL.dialect().addConnectionSettings("jdbc:postgresql://h/db?loginTimeout=5", own);
        assertThat(own.getProperty("loginTimeout")).isNull(); // the URL's own value reaches the driver
    }

    @Test
    void postgresConnectionsPrepareNothingOnTheServerUnlessTheUrlAsks() {
        Properties defaults = new Properties();
        DatabaseKind.POSTGRESQL.dialect().addConnectionSettings("jdbc:postgresql://h/db", defaults);
        assertThat(defaults.getProperty("prepareThreshold")).isEqualTo("0"); // see Postgres.addConnectionSettings
        Properties own = new Properties();
        DatabaseKind.POSTGRESQL.dialect().addConnectionSettings("jdbc:postgresql://h/db?prepareThreshold=5", own);
        assertThat(own.getProperty("prepareThreshold")).isNull();
    }

    @Test
    void aMissingDriverIsNamedByItsMavenCoordinates() {
        // DriverManager's own words when no driver on the class path accepts the URL.
        SQLException noDriver = new SQLException("No suitable driver found for jdbc:postgresql://h:5432/db", "08001");
        assertThat(ConnectionErrors.explain(url("postgresql://u@h/db"), noDriver))
                .isEqualTo(
                        "no JDBC driver for "
                                + "PostgreSQL on the class path: add org.postgresql:postgresql to the application's dependencies");
    }

    private void requireServer(Backend backend) {
        try (TestDatabase ignored = TestDatabases.create(backend, dir)) {
            // reachable (or the test is skipped, or fails under CI)
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
