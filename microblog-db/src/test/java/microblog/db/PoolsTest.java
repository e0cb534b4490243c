package microblog.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.db.testmodels.Author;
import microblog.db.testmodels.BlogEntry;
import microblog.db.url.DatabaseUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mariadb.jdbc.Configuration;

/**
 * A page whose server is down fails in about 2 s, not the pool's 30: the timeouts the pool and
 * the drivers are given, checked without timing anything.
 */
class PoolsTest {
    @TempDir
    Path dir;

    private static HikariConfig config(String url) {
        DatabaseUrl parsed = DatabaseUrl.parse(url, Path.of("."));
        return Pools.config(parsed, new ConnectionFactory(parsed), "test");
    }

    @Test
    void postgresqlWaitsTwoSecondsForAConnectionUnlessTheUrlSaysOtherwise() throws Exception {
        HikariConfig config = config("postgresql://u@h1,h2/db");
        assertThat(config.getConnectionTimeout()).isEqualTo(2000);
        assertThat(config.getValidationTimeout()).isEqualTo(1000);
        Properties driver = org.postgresql.Driver.parseURL(config.getJdbcUrl(), config.getDataSourceProperties());
        assertThat(driver.getProperty("connectTimeout")).isEqualTo("2");
        assertThat(driver.getProperty("loginTimeout")).isEqualTo("10");

        HikariConfig slower = config("postgresql://u@h/db?connectTimeout=5&loginTimeout=20");
        assertThat(slower.getConnectionTimeout()).isEqualTo(5000);
        assertThat(slower.getValidationTimeout()).isEqualTo(2500);
        Properties given = org.postgresql.Driver.parseURL(slower.getJdbcUrl(), slower.getDataSourceProperties());
        assertThat(given.getProperty("connectTimeout")).isEqualTo("5");
        assertThat(given.getProperty("loginTimeout")).isEqualTo("20");
    }

    @Test
    void mariadbWaitsTwoSecondsForAConnectionUnlessTheUrlSaysOtherwise() throws Exception {
        HikariConfig config = config("mariadb://u@g1,g2/db");
        assertThat(config.getConnectionTimeout()).isEqualTo(2000);
        assertThat(config.getValidationTimeout()).isEqualTo(1000);
        assertThat(Configuration.parse(config.getJdbcUrl(), config.getDataSourceProperties())
                        .connectTimeout())
                .isEqualTo(2000);

        HikariConfig slower = config("mysql://u@h/db?connectTimeout=3500");
        assertThat(slower.getConnectionTimeout()).isEqualTo(3500);
        assertThat(Configuration.parse(slower.getJdbcUrl(), slower.getDataSourceProperties())
                        .connectTimeout())
                .isEqualTo(3500);
    }

    @Test
    void anEmbeddedDatabaseKeepsThePoolsOwnWait() {
        assertThat(config("sqlite:///" + dir.resolve("a.db")).getConnectionTimeout())
                .isEqualTo(30_000);
    }

    @Test
    void theOpenPoolsOfPrimaryAndReplicaHaveThem() throws Exception {
        try (TestDatabase primary = TestDatabases.create(Backend.POSTGRESQL, dir);
                TestDatabase replica = ReplicasTest.readOnlyCopy(dir);
                Database db = Database.open(
                        primary.databaseUrl(),
                        List.of(replica.databaseUrl()),
                        List.of(Author.class, BlogEntry.class),
                        SessionScope.THREAD)) {
            for (Object source :
                    List.of(db.dataSource(), db.replicaDataSources().get(0))) {
                HikariDataSource pool = (HikariDataSource) source;
                assertThat(pool.getConnectionTimeout()).isEqualTo(2000);
                assertThat(pool.getValidationTimeout()).isEqualTo(1000);
                assertThat(pool.getDataSourceProperties().getProperty("connectTimeout"))
                        .isEqualTo("2");
            }
            assertThat(((HikariDataSource) db.replicaDataSources().get(0)).isReadOnly())
                    .isTrue();
        }
    }
}
