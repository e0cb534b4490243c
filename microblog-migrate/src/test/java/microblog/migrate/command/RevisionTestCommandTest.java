package microblog.migrate.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.migrate.MigrationException;
import microblog.migrate.testmodels.evolution.MembersV1;
import microblog.migrate.testmodels.evolution.MembersV2;
import microblog.migrate.testmodels.evolution.MembersV3;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code db test}: every revision up, down and up on a scratch database, the real one untouched. */
class RevisionTestCommandTest {
    @TempDir
    Path project;

    private final StringWriter output = new StringWriter();

    private MigrationCommands commands(TestDatabase db, List<Class<?>> models) {
        return new MigrationCommands(
                MigrationConfig.forUrl(project.resolve("migrations"), db::databaseUrl, () -> List.copyOf(models)),
                new PrintWriter(output, true));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void generatedRevisionsPassAndTheConfiguredDatabaseIsUntouched(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            commands(db, List.of()).init();
            for (List<Class<?>> models : List.of(MembersV1.MODELS, MembersV2.MODELS, MembersV3.MODELS)) {
                commands(db, models).migrate("step").orElseThrow();
                commands(db, List.of()).upgrade(null);
            }
            commands(db, List.of()).acceptingDataLoss().downgrade("base");

            commands(db, MembersV3.MODELS).test();

            assertThat(output.toString())
                    .contains("Testing 3 revision(s) on a scratch")
                    .contains(": upgrade, downgrade, upgrade ... ok")
                    .contains("At head, the schema matches the models.");
            assertThat(CrossDatabaseMigrationTest.schemaOf(db).tables())
                    .as("the configured database")
                    .isEmpty();
            assertThatThrownBy(() -> commands(db, MembersV2.MODELS).test())
                    .as("models ahead of or behind the revisions")
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("at head the schema differs from the models");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aDowngradeThatLeavesSomethingBehindIsNamed(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            commands(db, List.of()).init();
            String base = commands(db, MembersV1.MODELS)
                    .migrate("members")
                    .orElseThrow()
                    .getFileName()
                    .toString()
                    .substring(0, 12);
            Files.writeString(
                    project.resolve("migrations/versions/fff000000001_sloppy.yaml"),
                    """
                    revision: fff000000001
                    down_revision: %s
                    message: sloppy
                    upgrade:
                      - add_column: {table: member, column: {name: karma, type: Integer}}
                      - add_column: {table: member, column: {name: motto, type: String(40)}}
                    downgrade:
                      - drop_column: {table: member, name: karma}
                    """
                            .formatted(base));
            assertThatThrownBy(() -> commands(db, List.of()).test())
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith(
                            "db test, on the scratch database (" + db.databaseUrl() + " was not touched): ")
                    .hasMessageEndingWith(
                            "after the downgrade of revision fff000000001 (sloppy), the database differs from "
                                    + "what the revisions describe: Detected removed column 'member.motto'");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aDowngradeToAnotherShapeThanTheOneBeforeIsNamed(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            commands(db, List.of()).init();
            String base = commands(db, MembersV1.MODELS)
                    .migrate("members")
                    .orElseThrow()
                    .getFileName()
                    .toString()
                    .substring(0, 12);
            Files.writeString(
                    project.resolve("migrations/versions/fff000000002_longer.yaml"),
                    """
                    revision: fff000000002
                    down_revision: %s
                    message: longer
                    upgrade:
                      - alter_column: {table: member, name: username, from: {type: String(60)}, to: {type: String(80)}}
                    downgrade:
                      - alter_column: {table: member, name: username, from: {type: String(80)}, to: {type: String(60)}}
                    """
                            .formatted(base));
            assertThatThrownBy(() -> commands(db, List.of()).test())
                    .isInstanceOf(MigrationException.class)
                    .hasMessageEndingWith(
                            "after the downgrade of revision fff000000002 (longer), the database differs from "
                                    + "what the revisions describe: Detected type change from String(60) to String(64) on "
                                    + "'member.username'");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = "SQLITE")
    void excludedTablesAreLeftOutAtHeadAsAutogenerateLeavesThemOut(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            commands(db, List.of()).init();
            commands(db, MembersV1.MODELS).migrate("members and notes").orElseThrow();
            assertThatThrownBy(
                            () -> commands(db, List.of(MembersV1.Member.class)).test())
                    .hasMessageContaining("Detected removed table 'note'");
            Path config = project.resolve("migrations/migrate.yaml");
            Files.writeString(config, Files.readString(config) + "exclude_tables: [note]\n");
            commands(db, List.of(MembersV1.Member.class)).test();
            assertThat(output.toString()).endsWith("At head, the schema matches the models.\n");
        }
    }
}
