package microblog.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.db.url.DatabaseKind;
import microblog.migrate.MigrationStep.Direction;
import microblog.migrate.script.Revision;
import microblog.migrate.testmodels.evolution.MembersV1;
import microblog.migrate.testmodels.evolution.MembersV2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sqlite.SQLiteConnection;

/**
 * The library as an application uses it: its own pool, its revisions packaged
 * in a jar on the class path, and results to act on instead of printed text.
 */
class MigrationsTest {
    @TempDir
    Path project;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anApplicationMigratesThroughItsOwnDataSourceWithRevisionsFromItsJar(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project);
                HikariDataSource pool = pool(db);
                URLClassLoader packaged =
                        new URLClassLoader(new URL[] {jarOfRevisions(db).toUri().toURL()}, null)) {
            String poolSettings = connectionSettings(pool, backend);
            Migrations migrations = Migrations.builder()
                    .dataSource(pool)
                    .classpath("db/migrations", packaged)
                    .entities(MembersV1.MODELS)
                    .build();
            Revision only = migrations.heads().get(0);

            assertThat(migrations.current()).isEmpty();
            assertThat(migrations.pending()).containsExactly(only);

            MigrationResult up = migrations.upgrade();
            assertThat(up.from()).isEmpty();
            assertThat(up.to()).containsExactly(only.id());
            assertThat(up.moved()).isTrue();
            assertThat(up.steps()).singleElement().satisfies(step -> {
                assertThat(step.revision().id()).isEqualTo(only.id());
                assertThat(step.direction()).isEqualTo(Direction.UPGRADE);
                assertThat(step.duration()).isPositive();
            });
            assertThat(migrations.current()).containsExactly(only.id());
            assertThat(migrations.status().record()).containsKey(only.id());
            assertThat(migrations.pending()).isEmpty();
            assertThat(migrations.upgrade().steps()).isEmpty(); // nothing left to do
            assertThat(migrations.check().upToDate()).isTrue();
            assertThat(connectionSettings(pool, backend)).isEqualTo(poolSettings);

            Migrations newerEntities = Migrations.builder()
                    .dataSource(pool)
                    .classpath("db/migrations", packaged)
                    .entities(MembersV2.MODELS)
                    .build();
            CheckResult changed = newerEntities.check();
            assertThat(changed.upToDate()).isFalse();
            assertThat(changed.operations()).isNotEmpty();
            assertThat(changed.findings()).anyMatch(finding -> finding.startsWith("Detected "));
            assertThatThrownBy(() -> newerEntities.generate("from the jar")) // a jar cannot take a new file
                    .hasMessageStartingWith(
                            "cannot write a revision: the revisions packaged in the application " + "cannot change");

            MigrationResult down = migrations.downgrade("base");
            assertThat(down.to()).isEmpty();
            assertThat(down.steps()).extracting(MigrationStep::direction).containsExactly(Direction.DOWNGRADE);
            assertThat(tables(pool)).doesNotContain("member", "note");
        }
    }

    @Test
    void offlineSqlIsReturnedAndTheDatabaseIsNotTouched() throws Exception {
        try (TestDatabase db = TestDatabases.create(Backend.SQLITE, project)) {
            generateRevision(db);
            Migrations migrations = Migrations.builder()
                    .directory(project.resolve("migrations"))
                    .url(db.url())
                    .build();
            String sql = migrations.upgradeSql("head");
            assertThat(sql).contains("CREATE TABLE \"member\"").contains("INSERT INTO \"alembic_version\"");
            assertThat(Files.exists(db.databaseUrl().sqliteDatabaseFile().orElseThrow()))
                    .isFalse();
        }
    }

    @Test
    void anUpgradeToBaseFromAboveItSaysToDowngrade() throws Exception {
        try (TestDatabase db = TestDatabases.create(Backend.SQLITE, project)) {
            generateRevision(db);
            Migrations migrations =
                    TestMigrations.builder(project, db, List.of()).build();
            assertThat(migrations.upgrade("base").steps())
                    .as("nothing to do at base")
                    .isEmpty();
            migrations.upgrade("head");
            String head = migrations.current().iterator().next();
            assertThatThrownBy(() -> migrations.upgrade("base"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("base is below the revision " + head
                            + " already reached: to go back to it, use 'db downgrade base'");
        }
    }

    @Test
    void sqliteStepsInARowOnOneTableShareOneRebuildOnlineAndOffline() throws Exception {
        try (TestDatabase db = TestDatabases.create(Backend.SQLITE, project)) {
            TestMigrations.init(project);
            Path versions = project.resolve("migrations/versions");
            Files.writeString(
                    versions.resolve("aaa000000001_items.yaml"),
                    """
                    revision: aaa000000001
                    down_revision: null
                    message: items
                    upgrade:
                      - create_table:
                          name: item
                          columns:
                            - {name: id, type: Integer, primary_key: true}
                            - {name: a, type: String(10)}
                            - {name: b, type: String(10)}
                            - {name: c, type: String(40)}
                            - {name: d, type: "Numeric(10, 2)"}
                      - create_index: {name: ix_item_c, table: item, columns: [c]}
                    downgrade:
                      - drop_table: {name: item}
                    """);
            Files.writeString(
                    versions.resolve("aaa000000002_fewer.yaml"),
                    """
                    revision: aaa000000002
                    down_revision: aaa000000001
                    message: fewer
                    upgrade:
                      - drop_column: {table: item, name: a}
                      - drop_column: {table: item, name: b}
                      - create_unique_constraint: {name: uq_item_d, table: item, columns: [d]}
                      - alter_column: {table: item, name: c, from: {type: String(40)}, to: {type: String(20)}}
                      - alter_column: {table: item, name: d, from: {type: "Numeric(10, 2)"}, to: {type: "Numeric(10, 1)"}}
                    downgrade:
                      - alter_column: {table: item, name: d, from: {type: "Numeric(10, 1)"}, to: {type: "Numeric(10, 2)"}}
                      - alter_column: {table: item, name: c, from: {type: String(20)}, to: {type: String(40)}}
                      - drop_unique_constraint: {table: item, name: uq_item_d}
                      - add_column: {table: item, column: {name: b, type: String(10)}}
                      - add_column: {table: item, column: {name: a, type: String(10)}}
                    """);
            Migrations migrations = TestMigrations.builder(project, db, List.of())
                    .acceptDataLoss()
                    .build();
            String offline = migrations.upgradeSql("aaa000000001:aaa000000002");
            assertThat(offline.split("CREATE TABLE \"_migrate_tmp_item\"", -1))
                    .as("two rebuilds: the drops and the unique together, then both alters (the cut to length of c "
                            + "runs before the copy, the rounding of d after it)")
                    .hasSize(3);
            assertThat(offline.indexOf("SET \"c\" = SUBSTR"))
                    .isLessThan(offline.lastIndexOf("CREATE TABLE \"_migrate_tmp_item\""));
            assertThat(offline.indexOf("SET \"d\" = ROUND"))
                    .isGreaterThan(offline.lastIndexOf("CREATE TABLE \"_migrate_tmp_item\""));

            migrations.upgrade("aaa000000001");
            TestSql.execute(
                    db, "INSERT INTO item (id, a, b, c, d) VALUES (1, 'x', 'y', '" + "c".repeat(30) + "', 1.25)");
            migrations.upgrade("head");
            assertThat(TestSql.rows(db, "SELECT id, c, d FROM item")).containsExactly("1|" + "c".repeat(20) + "|1.3");
            assertThat(TestSql.rows(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'ix_item_c'"))
                    .as("the index made again once")
                    .containsExactly("ix_item_c");
            migrations.downgrade("-1");
            assertThat(TestSql.rows(db, "SELECT id, a, b, c FROM item"))
                    .containsExactly("1|null|null|" + "c".repeat(20));
        }
    }

    @Test
    void anH2DataSourceThatKeepsUpperCaseNamesIsRefusedWithTheSettingToAdd() throws Exception {
        try (TestDatabase db = TestDatabases.create(Backend.H2, project);
                HikariDataSource upperCase = new HikariDataSource()) {
            generateRevision(db);
            upperCase.setJdbcUrl(db.databaseUrl().jdbcUrl()); // as H2 opens it by default
            Migrations migrations = Migrations.builder()
                    .dataSource(upperCase)
                    .directory(project.resolve("migrations"))
                    .build();
            assertThatThrownBy(migrations::current)
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("the H2 database must fold names to lower case, as the migrations write them: add "
                            + ";DATABASE_TO_LOWER=TRUE to its JDBC URL");
        }
    }

    @Test
    void aMissingRepositoryOnTheClassPathSaysWhereItWasLookedFor() {
        assertThatThrownBy(() -> Migrations.builder().classpath("no/such/place"))
                .isInstanceOf(MigrationException.class)
                .hasMessage("no migrations repository on the class path at 'no/such/place' (no "
                        + "no/such/place/migrate.yaml): package the migrations directory there, for example as "
                        + "src/main/resources/no/such/place");
    }

    @Test
    void aBuilderWithoutDatabaseOrRevisionsSaysWhatIsMissing() {
        assertThatThrownBy(() -> Migrations.builder().url("sqlite:///x.db").build())
                .hasMessageStartingWith("no migrations repository given");
        assertThatThrownBy(() -> Migrations.builder().directory(project).build())
                .hasMessageStartingWith("no database given");
    }

    @Test
    void aDataSourceToAnUnsupportedDatabaseIsNamed() {
        assertThatThrownBy(() -> DataSourceTarget.kindOf("Apache Derby"))
                .hasMessage("the DataSource connects to Apache Derby, which is not supported: use SQLite, PostgreSQL, "
                        + "MySQL/MariaDB or H2");
        assertThat(DataSourceTarget.kindOf("MariaDB")).isEqualTo(DatabaseKind.MYSQL);
        assertThat(DataSourceTarget.kindOf("H2")).isEqualTo(DatabaseKind.H2);
    }

    /** A pool as an application would configure it: credentials and the driver's defaults, nothing for us. */
    @ParameterizedTest
    @EnumSource(
            value = Backend.class,
            names = {"POSTGRESQL", "MARIADB"})
    void aPoolOfOneConnectionIsToldTheLockNeedsASecond(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project);
                HikariDataSource pool = pool(db)) {
            pool.getHikariConfigMXBean().setMaximumPoolSize(1);
            pool.getHikariConfigMXBean().setConnectionTimeout(250);
            generateRevision(db);
            Migrations migrations = Migrations.builder()
                    .dataSource(pool)
                    .directory(project.resolve("migrations"))
                    .build();
            assertThatThrownBy(migrations::upgrade)
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith("the migration lock needs a connection of its own beside the migration's")
                    .hasMessageEndingWith("a pool given to Migrations must allow two");
        }
    }

    private static HikariDataSource pool(TestDatabase db) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.databaseUrl().jdbcUrl());
        config.setDataSourceProperties(new ConnectionFactory(db.databaseUrl()).driverProperties());
        config.setMaximumPoolSize(
                2); // the connections the migration borrowed (its own, its lock's) are those checked after
        return new HikariDataSource(config);
    }

    /** The project's revisions, generated through the API, packaged under db/migrations in a jar. */
    private Path jarOfRevisions(TestDatabase db) throws IOException {
        generateRevision(db);
        Path repository = project.resolve("migrations");
        Path jar = project.resolve("app.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(file);
                Stream<Path> files = Files.walk(repository)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new ZipEntry("db/migrations/"
                        + repository.relativize(path).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(path));
                zip.closeEntry();
            }
        }
        return jar;
    }

    private void generateRevision(TestDatabase db) {
        TestMigrations.init(project);
        TestMigrations.builder(project, db, MembersV1.MODELS)
                .build()
                .generate("members and notes")
                .orElseThrow();
    }

    /**
     * The settings of the pool's one connection that a migration changes while it runs:
     * they must come back as the application configured them.
     */
    /** The settings of every connection of {@code pool}, borrowed all at once. */
    private static String connectionSettings(HikariDataSource pool, Backend backend) throws SQLException {
        try (Connection first = pool.getConnection();
                Connection second = pool.getConnection()) {
            return settings(first, backend) + "; " + settings(second, backend);
        }
    }

    private static String settings(Connection connection, Backend backend) throws SQLException {
        if (backend != Backend.SQLITE) {
            return "read-only " + connection.isReadOnly() + ", autocommit " + connection.getAutoCommit();
        }
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM pragma_foreign_keys, pragma_busy_timeout")) {
            rs.next();
            return connection
                            .unwrap(SQLiteConnection.class)
                            .getConnectionConfig()
                            .getTransactionMode() + ", foreign_keys " + rs.getLong(1) + ", busy_timeout "
                    + rs.getLong(2);
        }
    }

    private static List<String> tables(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection();
                ResultSet rs = connection
                        .getMetaData()
                        .getTables(connection.getCatalog(), null, "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
            return names;
        }
    }
}
