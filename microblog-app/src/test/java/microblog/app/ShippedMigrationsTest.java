package microblog.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import microblog.cli.command.MigrationCommands;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The project's own migrations/ describes exactly the models, on every
 * database: a model changed without a revision fails here.
 */
class ShippedMigrationsTest {
    @TempDir
    Path base;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void upgradedDatabaseMatchesTheModels(Backend backend) throws Exception {
        try (TestDatabase database = TestDatabases.create(backend, base);
                Microblog app = TestProject.migratedApp(base, database.url())) {
            StringWriter out = new StringWriter();
            MigrationCommands commands = new MigrationCommands(app.migrationConfig(), new PrintWriter(out, true));
            commands.check();
            commands.history();
            assertThat(out.toString())
                    .contains("No new upgrade operations detected.")
                    .containsPattern(
                            "[0-9a-f]{12} -> [0-9a-f]{12} \\(head\\), posts table\n<base> -> [0-9a-f]{12}, users table");
        }
    }

    /** {@code db test} on the shipped revisions: each up, down and up again on a scratch database holding rows. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void shippedRevisionsPassDbTestWithRows(Backend backend) throws Exception {
        try (TestDatabase database = TestDatabases.create(backend, base);
                Microblog app = TestProject.migratedApp(base, database.url())) {
            StringWriter out = new StringWriter();
            new MigrationCommands(app.migrationConfig(), new PrintWriter(out, true)).test();
            assertThat(out.toString())
                    .containsPattern("[0-9a-f]{12} users table: upgrade, downgrade, upgrade with rows \\.\\.\\. ok\n"
                            + "[0-9a-f]{12} posts table: upgrade, downgrade, upgrade with rows \\.\\.\\. ok\n")
                    .endsWith("At head, the schema matches the models.\n");
        }
    }
}
