package microblog.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.migrate.operations.Operation;
import microblog.migrate.testmodels.evolution.UniquesV1;
import microblog.migrate.testmodels.evolution.UniquesV2;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Unique constraints and indexes removed while foreign keys still use them,
 * on tables holding rows: the revision says drop_unique_constraint on every
 * database (MySQL keeps a unique constraint as an index, but the revisions
 * wrote a constraint), and applies, undoes and applies again on all four,
 * MySQL included, which refuses to drop the only index a foreign key can use.
 */
class UniqueRemovalMigrationTest {
    @TempDir
    Path project;

    private Migrations migrations(TestDatabase db, List<Class<?>> models) {
        return TestMigrations.builder(project, db, models).build();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void revisionsGeneratedOnEachDatabaseRemoveAndRestoreThemOnEveryOther(Backend generatedOn) throws Exception {
        try (TestDatabase origin = TestDatabases.create(generatedOn, project)) {
            TestMigrations.init(project);
            migrations(origin, UniquesV1.MODELS)
                    .generate("members and profiles")
                    .orElseThrow();
            migrations(origin, List.of()).upgrade("head");
            List<String> removal =
                    migrations(origin, UniquesV2.MODELS).generate("no unique profile").orElseThrow().upgrade().stream()
                            .map(Operation::describe)
                            .toList();
            assertThat(removal)
                    .as("the same operations whichever database they were generated on")
                    .containsExactlyInAnyOrder(
                            "drop_unique_constraint uq_member_email on member",
                            "drop_unique_constraint uq_profile_member_id on profile",
                            "drop_index ix_profile_reviewer_id on profile");
        }
        for (Backend backend : Backend.values()) {
            try (TestDatabase db = TestDatabases.create(backend, project)) {
                migrations(db, List.of()).upgrade("+1");
                TestSql.execute(
                        db, "INSERT INTO member (id, email) VALUES (1, 'ann@example.com'), (2, 'bob@example.com')");
                TestSql.execute(db, "INSERT INTO profile (id, member_id, reviewer_id) VALUES (1, 1, 2), (2, 2, 2)");
                var atV1 = SchemaEquivalence.of(LiveSchemas.schemaOf(db));
                migrations(db, List.of()).upgrade("head");
                assertThat(migrations(db, UniquesV2.MODELS).check().operations())
                        .as("generated on %s, upgraded on %s", generatedOn, backend)
                        .isEmpty();
                TestSql.execute(db, "INSERT INTO profile (id, member_id, reviewer_id) VALUES (3, 1, 1)");
                TestSql.execute(db, "DELETE FROM profile WHERE id = 3");

                migrations(db, List.of()).downgrade("-1");
                assertThat(SchemaEquivalence.of(LiveSchemas.schemaOf(db)))
                        .as("generated on %s, downgraded on %s", generatedOn, backend)
                        .isEqualTo(atV1);
                migrations(db, List.of()).upgrade("head");
                assertThat(migrations(db, UniquesV2.MODELS).check().operations())
                        .isEmpty();
                assertThat(TestSql.rows(db, "SELECT id, member_id, reviewer_id FROM profile ORDER BY id"))
                        .containsExactly("1|1|2", "2|2|2");
            }
        }
    }
}
