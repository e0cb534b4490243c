package microblog.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.migrate.testing.CrashingDataSource;
import microblog.migrate.testing.LogCapture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where each schema change commits at once, a process killed after any statement of a revision is
 * recovered exactly: the next command reads the schema to see which statements took effect (the
 * record can lag by the one that was running), then finishes the revision or undoes what ran.
 */
class CrashRecoveryTest {
    private static final String PARENT = "a1b2c3d4e5f6";
    private static final String REVISION = "0f9e8d7c6b5a";

    @TempDir
    Path project;

    @ParameterizedTest
    @EnumSource(
            value = Backend.class,
            names = {"MARIADB", "H2"})
    void aRevisionKilledAfterAnyStatementIsFinishedOrUndoneExactly(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            writeRevisions();
            ConnectionFactory connections = new ConnectionFactory(db.databaseUrl());
            CrashingDataSource crashing = new CrashingDataSource(connections::open, "crash_");
            Migrations migrations = Migrations.builder()
                    .directory(project.resolve("migrations"))
                    .dataSource(crashing)
                    .build();
            migrations.upgrade(PARENT);
            migrations.upgrade();
            int statements = crashing.seen();
            assertThat(statements).isGreaterThanOrEqualTo(5);
            migrations.downgrade(PARENT);
            for (int crash = 1; crash <= statements; crash++) {
                int n = crash;
                crashAt(crashing, migrations, n);
                boolean undoable =
                        n <= 4; // the 4th statement is the INSERT, which dies uncommitted with its connection
                if (undoable) {
                    MigrationResult undone = migrations.downgrade("-1");
                    assertThat(undone.to()).as("after a crash at %d", n).containsExactly(PARENT);
                    assertThat(tables(db)).as("after a crash at %d", n).containsExactly("keep");
                    crashAt(crashing, migrations, n);
                } else {
                    assertThatThrownBy(() -> migrations.downgrade("-1"))
                            .as("after a crash at %d", n)
                            .hasMessageContaining("has no known undoing");
                }
                try (LogCapture log = new LogCapture()) {
                    MigrationResult finished = migrations.upgrade();
                    assertThat(finished.to()).as("after a crash at %d", n).containsExactly(REVISION);
                    // the record counted one statement fewer than ran; the schema shows the last one too,
                    // but for the INSERT, which died uncommitted with the connection
                    int done = Math.min(n == 4 ? 3 : n, 5);
                    assertThat(log.messages())
                            .as("after a crash at %d", n)
                            .anyMatch(m -> m.startsWith("The upgrade of revision " + REVISION
                                    + " (crash) stopped after " + done + " of 5 operation(s)"))
                            .anyMatch(m -> m.startsWith("Finishing the upgrade of revision "));
                    if (n != 4 && n <= 5) {
                        assertThat(log.messages())
                                .anyMatch(m -> m.endsWith(
                                        "its record counted " + (n - 1) + " statement(s), the schema shows more"));
                    }
                }
                assertThat(tables(db)).containsExactlyInAnyOrder("keep", "crash_a", "crash_b");
                assertThat(TestSql.rows(db, "SELECT name FROM crash_a"))
                        .as("after a crash at %d", n)
                        .containsExactly("one"); // the INSERT ran exactly once
                assertThat(TestSql.rows(db, "SELECT count(*) FROM alembic_version_progress"))
                        .containsExactly("0");
                migrations.downgrade(PARENT);
            }
        }
    }

    private static void crashAt(CrashingDataSource crashing, Migrations migrations, int n) {
        crashing.crashAfter(n);
        assertThatThrownBy(migrations::upgrade).isInstanceOf(CrashingDataSource.Crash.class);
        crashing.crashAfter(0);
    }

    private static List<String> tables(TestDatabase db) throws Exception {
        return LiveSchemas.tableNames(db);
    }

    private void writeRevisions() throws Exception {
        Migrations.createRepository(project.resolve("migrations"));
        Path versions = project.resolve("migrations/versions");
        Files.writeString(
                versions.resolve(PARENT + "_keep.yaml"),
                """
                revision: %s
                down_revision: null
                message: keep
                upgrade:
                  - create_table: {name: keep, columns: [{name: id, type: Integer, primary_key: true}]}
                downgrade:
                  - drop_table: {name: keep}
                """
                        .formatted(PARENT));
        Files.writeString(
                versions.resolve(REVISION + "_crash.yaml"),
                """
                revision: %s
                down_revision: %s
                message: crash
                upgrade:
                  - create_table:
                      name: crash_a
                      columns:
                        - {name: id, type: Integer, primary_key: true}
                        - {name: name, type: String(20)}
                  - add_column: {table: crash_a, column: {name: extra, type: String(10)}}
                  - create_index: {name: ix_crash_a_name, table: crash_a, columns: [name]}
                  - execute: {sql: "INSERT INTO crash_a (id, name) VALUES (1, 'one')"}
                  - create_table:
                      name: crash_b
                      columns:
                        - {name: id, type: Integer, primary_key: true}
                        - {name: a_id, type: Integer}
                      foreign_keys:
                        - {name: fk_crash_b_a_id_crash_a, columns: [a_id], references: crash_a, referred_columns: [id]}
                downgrade:
                  - drop_table: {name: crash_b}
                  - execute: {sql: "DELETE FROM crash_a"}
                  - drop_index: {name: ix_crash_a_name, table: crash_a}
                  - drop_column: {table: crash_a, name: extra}
                  - drop_table: {name: crash_a}
                """
                        .formatted(REVISION, PARENT));
    }
}
