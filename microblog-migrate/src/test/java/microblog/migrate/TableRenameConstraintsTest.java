package microblog.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.migrate.operations.Operation;
import microblog.migrate.testmodels.evolution.RenamesV1;
import microblog.migrate.testmodels.evolution.RenamesV2;
import microblog.migrate.testmodels.evolution.RenamesV3;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A renamed table takes the conventional names of its keys along (its own and
 * those of the tables that refer to it), on every database as SQLite reads
 * them, so that a later revision dropping one by name, generated on any
 * database, finds it on all the others.
 */
class TableRenameConstraintsTest {
    @TempDir
    Path project;

    private Migrations migrations(TestDatabase db, List<Class<?>> models) {
        return TestMigrations.builder(project, db, models).build();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void keysNamedAfterARenamedTableAreDroppedByTheirNewNamesOnEveryDatabase(Backend generatedOn) throws Exception {
        try (TestDatabase origin = TestDatabases.create(generatedOn, project)) {
            TestMigrations.init(project);
            migrations(origin, RenamesV1.MODELS).generate("members").orElseThrow();
            migrations(origin, List.of()).upgrade("head");
            migrations(origin, RenamesV2.MODELS).generate("accounts").orElseThrow();
            migrations(origin, List.of()).upgrade("head");
            List<String> drops = migrations(origin, RenamesV3.MODELS).generate("loose").orElseThrow().upgrade().stream()
                    .map(Operation::describe)
                    .toList();
            assertThat(drops)
                    .contains(
                            "drop_unique_constraint uq_account_email on account",
                            "drop_foreign_key fk_post_member_id_account on post");
        }
        for (Backend backend : Backend.values()) {
            try (TestDatabase db = TestDatabases.create(backend, project)) {
                migrations(db, List.of()).upgrade("+1");
                TestSql.execute(db, "INSERT INTO member (id, email) VALUES (1, 'ann@example.com')");
                TestSql.execute(db, "INSERT INTO post (id, member_id) VALUES (1, 1)");
                migrations(db, List.of()).upgrade("+1");
                if (backend == Backend.POSTGRESQL) {
                    assertThat(TestSql.rows(
                                    db,
                                    "SELECT conname FROM pg_constraint WHERE contype = 'p' AND conrelid = "
                                            + "'account'::regclass"))
                            .as("the primary key follows the table")
                            .containsExactly("account_pkey");
                }
                var atV2 = SchemaEquivalence.of(LiveSchemas.schemaOf(db));
                migrations(db, List.of()).upgrade("head");
                assertThat(migrations(db, RenamesV3.MODELS).check().operations())
                        .as("generated on %s, upgraded on %s", generatedOn, backend)
                        .isEmpty();
                migrations(db, List.of()).downgrade("-1");
                assertThat(SchemaEquivalence.of(LiveSchemas.schemaOf(db)))
                        .as("generated on %s, downgraded on %s", generatedOn, backend)
                        .isEqualTo(atV2);
                migrations(db, List.of()).downgrade("-1");
                assertThat(LiveSchemas.tableNames(db)).containsExactlyInAnyOrder("member", "post");
                migrations(db, List.of()).upgrade("head");
                assertThat(migrations(db, RenamesV3.MODELS).check().operations())
                        .isEmpty();
                assertThat(TestSql.rows(
                                db, "SELECT a.email, p.member_id FROM account a JOIN post p ON p.member_id = a.id"))
                        .containsExactly("ann@example.com|1");
            }
        }
    }
}
