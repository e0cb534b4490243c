package microblog.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.migrate.testing.LogCapture;
import microblog.migrate.testmodels.evolution.IndexesV1;
import microblog.migrate.testmodels.evolution.IndexesV2;
import microblog.migrate.testmodels.evolution.IndexesV3;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Indexes on an expression and partial indexes, declared with {@link SqlIndex}:
 * generated on each database and replayed on all four with rows in the table.
 * PostgreSQL and SQLite make and enforce them, and SQLite keeps them through a
 * table rebuild; MySQL and H2, which cannot make them, skip them and check
 * clean all the same; an index made by hand is never proposed for dropping.
 */
class ExpressionIndexMigrationTest {
    @TempDir
    Path project;

    private Migrations migrations(TestDatabase db, List<Class<?>> models) {
        return TestMigrations.builder(project, db, models).build();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void generatedOnEachDatabaseTheyApplyAndCheckCleanOnEveryOther(Backend generatedOn) throws Exception {
        List<String> findings;
        try (TestDatabase origin = TestDatabases.create(generatedOn, project)) {
            TestMigrations.init(project);
            migrations(origin, IndexesV1.MODELS).generate("accounts").orElseThrow();
            migrations(origin, List.of()).upgrade("head");
            try (LogCapture log = new LogCapture()) {
                migrations(origin, IndexesV2.MODELS).generate("indexes").orElseThrow();
                findings = log.messages();
            }
            migrations(origin, List.of()).upgrade("head");
            migrations(origin, IndexesV3.MODELS).generate("longer email").orElseThrow();
        }
        assertThat(findings)
                .contains(
                        "Detected added index 'ix_account_email_lower' on 'lower(email)'",
                        "Detected added index 'ix_account_active_email' on '['email']' where 'active = true'");
        for (Backend backend : Backend.values()) {
            try (TestDatabase db = TestDatabases.create(backend, project)) {
                migrations(db, List.of()).upgrade("+1");
                TestSql.execute(db, "INSERT INTO account (email, active) VALUES ('Ann@example.com', true)");
                TestSql.execute(db, "INSERT INTO account (email, active) VALUES ('bob@example.com', false)");
                migrations(db, List.of()).upgrade("head");
                assertThat(migrations(db, IndexesV3.MODELS).check().operations())
                        .as("generated on %s, upgraded on %s", generatedOn, backend)
                        .isEmpty();
                boolean makesThem = backend == Backend.SQLITE || backend == Backend.POSTGRESQL;
                if (makesThem) {
                    assertThatThrownBy(() -> TestSql.execute(
                                    db, "INSERT INTO account (email, active) VALUES ('ann@EXAMPLE.com', false)"))
                            .as("the unique index on lower(email) holds after %s's rebuild", backend)
                            .isInstanceOf(SQLException.class);
                }
                migrations(db, List.of()).downgrade("-2");
                assertThat(migrations(db, List.of()).current()).hasSize(1);
                migrations(db, List.of()).upgrade("head");
                assertThat(migrations(db, IndexesV3.MODELS).check().operations())
                        .as("generated on %s, down and up on %s", generatedOn, backend)
                        .isEmpty();
                assertThat(TestSql.rows(db, "SELECT COUNT(*) FROM account")).containsExactly("2");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Backend.class,
            names = {"MARIADB", "H2"})
    void whereTheyCannotBeMadeAutogenerateSaysSoAlsoForANewTable(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            TestMigrations.init(project);
            List<String> log;
            try (LogCapture capture = new LogCapture()) {
                migrations(db, IndexesV2.MODELS).generate("accounts").orElseThrow();
                log = capture.messages();
            }
            assertThat(log)
                    .contains("Index 'ix_account_email_lower' on 'account' is on an expression, which this database "
                            + "cannot make: its create_index does nothing here and makes the index on PostgreSQL and "
                            + "SQLite")
                    .anyMatch(line -> line.startsWith("Index 'ix_account_active_email' on 'account' is partial"));
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Backend.class,
            names = {"SQLITE", "POSTGRESQL"})
    void anIndexMadeByHandIsLeftAloneAndSurvivesARebuild(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            TestMigrations.init(project);
            migrations(db, IndexesV2.MODELS).generate("accounts").orElseThrow();
            migrations(db, List.of()).upgrade("head");
            TestSql.execute(db, "CREATE UNIQUE INDEX ix_by_hand ON account (upper(email)) WHERE active = true");
            List<String> log;
            try (LogCapture capture = new LogCapture()) {
                migrations(db, IndexesV3.MODELS).generate("longer email").orElseThrow();
                log = capture.messages();
            }
            assertThat(log)
                    .contains("Skipping index 'ix_by_hand' on 'account': no model declares it and no revision "
                            + "created it (declare it with @SqlIndex to have revisions keep it)")
                    .noneMatch(line -> line.contains("removed index"));
            migrations(db, List.of()).upgrade("head");
            TestSql.execute(db, "INSERT INTO account (email, active) VALUES ('cy@example.com', true)");
            assertThatThrownBy(() ->
                            TestSql.execute(db, "INSERT INTO account (email, active) VALUES ('CY@example.com', false)"))
                    .as("ix_account_email_lower kept")
                    .isInstanceOf(SQLException.class);
            assertThat(TestSql.rows(db, "SELECT COUNT(*) FROM account")).containsExactly("1");
            assertThat(LiveSchemas.schemaOf(db).table("account").orElseThrow().indexes())
                    .as("the rebuild kept the index made by hand, condition and all")
                    .anyMatch(ix -> ix.name().equals("ix_by_hand") && ix.unique() && ix.where() != null);
        }
    }
}
