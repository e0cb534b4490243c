package example.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.migrate.CheckResult;
import microblog.migrate.MigrationException;
import microblog.migrate.MigrationResult;
import microblog.migrate.MigrationStep.Direction;
import microblog.migrate.Migrations;
import microblog.migrate.script.Revision;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The libraries as a second application uses them, through their public API
 * only: its own pool, its own entities, its revisions inside its jar.
 */
class NotesAppTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void startingMigratesWithThePackagedRevisionsAndTheEntitiesMatchThem(Backend backend) throws Exception {
        try (TestDatabase database = TestDatabases.create(backend, dir);
                HikariDataSource pool = pool(database)) {
            try (NotesApp app = NotesApp.start(pool)) {
                app.write("inbox", "buy milk");
                app.write("inbox", "call ann");
                assertThat(app.notesIn("inbox")).extracting(Note::getText).containsExactly("buy milk", "call ann");
            }
            Migrations migrations = NotesApp.migrations(pool);
            assertThat(migrations.pending()).isEmpty();
            assertThat(migrations.check().upToDate()).isTrue();
            try (NotesApp again = NotesApp.start(pool)) { // nothing left to apply: the notes are still there
                assertThat(again.notesIn("inbox")).hasSize(2);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aNewProjectGeneratesARevisionAppliesChecksAndUndoesIt(Backend backend) throws Exception {
        try (TestDatabase database = TestDatabases.create(backend, dir);
                HikariDataSource pool = pool(database)) {
            Migrations migrations = Migrations.builder()
                    .dataSource(pool)
                    .directory(Migrations.createRepository(dir.resolve("migrations")))
                    .entities(NotesApp.ENTITIES)
                    .build();
            assertThat(migrations.check().upToDate()).isFalse();

            Revision first = migrations.generate("notebooks and notes").orElseThrow();
            assertThat(first.upgrade()).isNotEmpty();
            assertThatThrownBy(() -> migrations.generate("again")) // as Alembic: apply the last one first
                    .hasMessageStartingWith("Target database is not up to date: it is at base");
            MigrationResult up = migrations.upgrade();
            assertThat(up.steps()).extracting(step -> step.revision().id()).containsExactly(first.id());
            CheckResult check = migrations.check();
            assertThat(check.upToDate()).isTrue();
            assertThat(migrations.generate("nothing")).isEmpty();

            execute(pool, "INSERT INTO notebook (title) VALUES ('inbox')");
            assertThatThrownBy(() -> migrations.downgrade("base"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("notebook");
            assertThat(migrations.current()).containsExactly(first.id()); // refused before anything ran

            execute(pool, "DELETE FROM notebook");
            MigrationResult down = migrations.downgrade("base");
            assertThat(down.steps()).extracting(step -> step.direction()).containsExactly(Direction.DOWNGRADE);
            assertThat(tables(pool)).doesNotContain("notebook", "note");
        }
    }

    /**
     * The pool as the application would configure it: a JDBC URL and a user (for H2, with the
     * setting the libraries ask for: names folded to lower case).
     */
    private static HikariDataSource pool(TestDatabase database) {
        HikariConfig config = new HikariConfig();
        String url = database.databaseUrl().jdbcUrl();
        config.setJdbcUrl(database.backend() == Backend.H2 ? url + ";DATABASE_TO_LOWER=TRUE" : url);
        config.setUsername(database.databaseUrl().username());
        return new HikariDataSource(config);
    }

    private static void execute(HikariDataSource pool, String sql) throws SQLException {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
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
