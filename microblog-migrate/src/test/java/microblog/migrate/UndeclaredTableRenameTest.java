package microblog.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.migrate.testing.LogCapture;
import microblog.migrate.testmodels.evolution.RenamedV1;
import microblog.migrate.testmodels.evolution.RenamedV2;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An entity renamed without {@code @RenamedFrom}: autogenerate points out the
 * likely rename, and the revision it writes (drop and create) runs when the
 * loss is accepted, though the new table takes the old one's index name.
 */
class UndeclaredTableRenameTest {
    @TempDir
    Path project;

    private Migrations migrations(TestDatabase db, List<Class<?>> models) {
        return TestMigrations.builder(project, db, models).build();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theLikelyRenameIsPointedOutAndTheDropAndCreateRunWhenAccepted(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            TestMigrations.init(project);
            migrations(db, RenamedV1.MODELS).generate("members").orElseThrow();
            migrations(db, List.of()).upgrade("head");
            TestSql.execute(db, "INSERT INTO member (email) VALUES ('ann@example.com')");
            assertThat(migrations(db, RenamedV2.MODELS).check().warnings())
                    .as("check, as a program calls it, says so too")
                    .anyMatch(line -> line.startsWith("Table 'account' is added and 'member' removed"));
            List<String> log;
            try (LogCapture capture = new LogCapture()) {
                migrations(db, RenamedV2.MODELS).generate("accounts").orElseThrow();
                log = capture.messages();
            }
            assertThat(log)
                    .anyMatch(line -> line.contains("Table 'account' is added and 'member' removed, with the same "
                            + "columns: if it is a rename, annotate the entity class with @RenamedFrom(\"member\") "
                            + "and run 'db migrate' again, or the rows of 'member' are lost"));
            assertThatThrownBy(() -> migrations(db, List.of()).upgrade("head"))
                    .isInstanceOf(DataLossException.class)
                    .hasMessageContaining("would drop table 'member' holding 1 row");
            Migrations accepting = TestMigrations.builder(project, db, List.of())
                    .acceptDataLoss()
                    .build();
            accepting.upgrade("head");
            assertThat(migrations(db, RenamedV2.MODELS).check().upToDate()).isTrue();
            accepting.downgrade("-1");
            assertThat(LiveSchemas.tableNames(db)).containsExactly("member");
            accepting.upgrade("head");
            assertThat(LiveSchemas.tableNames(db)).containsExactly("account");
        }
    }
}
