package microblog.cli.command;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code db test}: what it prints while it tries every revision on a scratch database, one line
 * per revision as it passes (what it checks is {@code Migrations.testRevisions}'s, tested there).
 */
class RevisionTestCommandTest {
    private static final String PASSED = ": upgrade, downgrade, upgrade with rows ... ok";

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
    void eachRevisionIsReportedAsItPassesAndThenTheModelsAtHead(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            commands(db, List.of()).init();
            for (List<Class<?>> models : List.of(MembersV1.MODELS, MembersV2.MODELS, MembersV3.MODELS)) {
                commands(db, models).migrate("step").orElseThrow();
                commands(db, List.of()).upgrade(null);
            }
            commands(db, List.of()).acceptingDataLoss().downgrade("base");
            output.getBuffer().setLength(0);

            commands(db, MembersV3.MODELS).test();

            assertThat(output.toString())
                    .startsWith("Testing 3 revision(s) on a scratch "
                            + backend.kind().displayName() + " database (")
                    .endsWith("At head, the schema matches the models.\n");
            assertThat(output.toString().lines().filter(line -> line.endsWith(PASSED)))
                    .hasSize(3)
                    .allMatch(line -> line.matches("[0-9a-f]{12} step" + PASSED));
        }
    }

    @Test
    void withoutModelsNothingIsSaidOfThem() throws Exception {
        try (TestDatabase db = TestDatabases.create(Backend.SQLITE, project)) {
            String id = membersRevision(db);
            output.getBuffer().setLength(0);
            commands(db, List.of()).test();
            assertThat(output.toString()).endsWith("\n" + id + " members" + PASSED + "\n");
        }
    }

    @Test
    void theRevisionsThatPassedAreShownBeforeTheOneThatFails() throws Exception {
        try (TestDatabase db = TestDatabases.create(Backend.SQLITE, project)) {
            String base = membersRevision(db);
            Files.writeString(
                    project.resolve("migrations/versions/fff000000001_sloppy.yaml"),
                    """
                    revision: fff000000001
                    down_revision: %s
                    message: sloppy
                    upgrade:
                      - add_column: {table: member, column: {name: motto, type: String(40)}}
                    downgrade: []
                    """
                            .formatted(base));
            assertThatThrownBy(() -> commands(db, List.of()).test())
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("after the downgrade of revision fff000000001 (sloppy)");
            assertThat(output.toString()).contains(base + " members" + PASSED).doesNotContain("sloppy" + PASSED);
        }
    }

    @Test
    void aRevisionThatCannotRunOnRowsFailsAfterThoseThatPassed() throws Exception {
        try (TestDatabase db = TestDatabases.create(Backend.SQLITE, project)) {
            String base = membersRevision(db);
            Files.writeString(
                    project.resolve("migrations/versions/fff000000002_rank.yaml"),
                    """
                    revision: fff000000002
                    down_revision: %s
                    message: rank
                    upgrade:
                      - add_column: {table: member, column: {name: rank, type: Integer, nullable: false}}
                    downgrade:
                      - drop_column: {table: member, name: rank}
                    """
                            .formatted(base));
            assertThatThrownBy(() -> commands(db, List.of()).test())
                    .isInstanceOf(MigrationException.class)
                    .hasMessageNotContaining("\n")
                    .hasMessageContaining("upgrade of revision fff000000002 (rank) would add column 'member.rank' NOT "
                            + "NULL with no server default to a table holding 3 rows")
                    .hasMessageContaining("sample rows");
            assertThat(output.toString()).contains(base + " members" + PASSED).doesNotContain("rank" + PASSED);
        }
    }

    /** The repository, with one revision for MembersV1's tables; its id. */
    private String membersRevision(TestDatabase db) {
        commands(db, List.of()).init();
        return commands(db, MembersV1.MODELS)
                .migrate("members")
                .orElseThrow()
                .getFileName()
                .toString()
                .substring(0, 12);
    }
}
