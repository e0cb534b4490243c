package microblog.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where schema changes roll back (PostgreSQL, SQLite), all the revisions one command runs commit
 * together, as Alembic does: a failure leaves the database where the command found it.
 * {@code transaction_per_migration: true} commits each on its own; where each statement commits
 * at once (MySQL/MariaDB, H2), revisions before the failing one stay, as the record says.
 */
class CommandTransactionTest {
    @TempDir
    Path project;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aFailingRevisionTakesTheCommandsEarlierOnesWithItWhereSchemaChangesRollBack(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            writeRevisions();
            Throwable failure = catchFailure(db);
            if (backend.kind().hasTransactionalDdl()) {
                assertThat(failure)
                        .hasMessageContaining(
                                "its changes were rolled back, and with them those of 000000000001, 000000000002, "
                                        + "run before it by this command in the same transaction")
                        .hasMessageContaining("the version table still says base");
                assertThat(LiveSchemas.tableNames(db))
                        .as("the command left nothing")
                        .isEmpty();
                assertThat(migrations(db).current()).isEmpty();
            } else {
                assertThat(failure).hasMessageContaining("the version table still says 000000000002");
                assertThat(LiveSchemas.tableNames(db)).containsExactlyInAnyOrder("first_t", "second_t", "third_t");
                assertThat(migrations(db).current()).containsExactly("000000000002");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Backend.class,
            names = {"POSTGRESQL", "SQLITE"})
    void transactionPerMigrationCommitsEachRevisionOnItsOwn(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            writeRevisions();
            Path config = project.resolve("migrations/migrate.yaml");
            Files.writeString(config, Files.readString(config) + "transaction_per_migration: true\n");
            assertThat(catchFailure(db))
                    .hasMessageContaining("its changes were rolled back; the version table still says 000000000002");
            assertThat(LiveSchemas.tableNames(db)).containsExactlyInAnyOrder("first_t", "second_t");
            assertThat(migrations(db).current()).containsExactly("000000000002");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Backend.class,
            names = {"POSTGRESQL", "SQLITE"})
    void theOfflineScriptOpensOneTransactionForTheWholeCommand(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            writeRevisions();
            String sql = migrations(db).upgradeSql("base:000000000002");
            assertThat(sql.split("\n"))
                    .filteredOn(line -> line.equals("BEGIN;"))
                    .hasSize(1);
            assertThat(sql.split("\n"))
                    .filteredOn(line -> line.equals("COMMIT;"))
                    .hasSize(1);
            assertThat(sql.indexOf("first_t")).isLessThan(sql.indexOf("second_t"));
        }
    }

    private Throwable catchFailure(TestDatabase db) {
        Throwable[] failure = new Throwable[1];
        assertThatThrownBy(() -> {
                    try {
                        migrations(db).upgrade("head");
                    } catch (RuntimeException e) {
                        failure[0] = e;
                        throw e;
                    }
                })
                .isInstanceOf(RevisionFailedException.class)
                .hasMessageStartingWith("upgrade of revision 000000000003 (broken) failed at statement 2");
        return failure[0];
    }

    private Migrations migrations(TestDatabase db) {
        return TestMigrations.builder(project, db, List.of()).build();
    }

    /** Three revisions: two tables, then one whose second statement fails. */
    private void writeRevisions() throws Exception {
        TestMigrations.init(project);
        Path versions = project.resolve("migrations/versions");
        String[][] revisions = {
            {
                "000000000001",
                "null",
                "first",
                "create_table: {name: first_t, columns: [{name: id, type: Integer, primary_key: true}]}"
            },
            {
                "000000000002",
                "000000000001",
                "second",
                "create_table: {name: second_t, columns: [{name: id, type: Integer, primary_key: true}]}"
            },
            {
                "000000000003",
                "000000000002",
                "broken",
                "create_table: {name: third_t, columns: [{name: id, type: Integer, primary_key: true}]}\n  - execute: {sql: \"INSERT INTO nowhere VALUES (1)\"}"
            },
        };
        for (String[] r : revisions) {
            Files.writeString(
                    versions.resolve(r[0] + "_" + r[2] + ".yaml"),
                    """
                    revision: %s
                    down_revision: %s
                    message: %s
                    upgrade:
                      - %s
                    downgrade: []
                    """
                            .formatted(r[0], r[1], r[2], r[3]));
        }
    }
}
