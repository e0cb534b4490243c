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
 * A downgrade over several revisions names every loss before anything runs, even past a
 * revision's hand-written SQL, on every database: where schema changes commit at once, a loss
 * found later could not take back the revisions already undone.
 */
class DataLossAcrossRevisionsTest {
    @TempDir
    Path project;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aLossInAnOlderRevisionIsRefusedBeforeTheNewerOnesRun(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            TestMigrations.init(project);
            Path versions = project.resolve("migrations/versions");
            Files.writeString(
                    versions.resolve("000000000001_keep.yaml"),
                    """
                    revision: '000000000001'
                    down_revision: null
                    message: keep
                    upgrade:
                      - create_table: {name: keep, columns: [{name: id, type: Integer, primary_key: true}]}
                    downgrade:
                      - drop_table: {name: keep}
                    """);
            Files.writeString(
                    versions.resolve("000000000002_tags.yaml"),
                    """
                    revision: '000000000002'
                    down_revision: '000000000001'
                    message: tags
                    upgrade:
                      - create_table: {name: tag, columns: [{name: id, type: Integer, primary_key: true}]}
                    downgrade:
                      - execute: {sql: "DELETE FROM tag"}
                      - drop_table: {name: tag}
                    """);
            Migrations migrations =
                    TestMigrations.builder(project, db, List.of()).build();
            migrations.upgrade("head");
            TestSql.execute(db, "INSERT INTO keep (id) VALUES (1)");
            TestSql.execute(db, "INSERT INTO tag (id) VALUES (1)");

            assertThatThrownBy(() -> migrations.downgrade("base"))
                    .isInstanceOf(DataLossException.class)
                    .hasMessageContaining("would drop table 'keep' holding 1 row")
                    .hasMessageContaining("nothing was changed");
            assertThat(migrations.current()).containsExactly("000000000002");
            assertThat(TestSql.rows(db, "SELECT count(*) FROM tag")).containsExactly("1");
        }
    }
}
