package microblog.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.migrate.testmodels.evolution.DefaultsV1;
import microblog.migrate.testmodels.evolution.DefaultsV2;
import microblog.migrate.testmodels.evolution.DefaultsV3;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every kind of server default a model declares, added to a table that holds
 * rows: the revision applies on every database (SQLite rebuilds the table where
 * it cannot add a column whose default is not a constant), fills the rows, and
 * autogenerate finds nothing afterwards, however the database spells the
 * default it stores ({@code current_timestamp(6)}, {@code 0.00}, casts).
 */
class ServerDefaultMigrationTest {
    @TempDir
    Path project;

    private Migrations migrations(TestDatabase db, List<Class<?>> models) {
        return TestMigrations.builder(project, db, models).build();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void defaultsAddedToATableWithRowsFillThemAndAreNotDriftAfterwards(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            TestMigrations.init(project);
            migrations(db, DefaultsV1.MODELS).generate("accounts").orElseThrow();
            migrations(db, List.of()).upgrade("head");
            TestSql.execute(db, "INSERT INTO account (name) VALUES ('ann')");
            TestSql.execute(db, "INSERT INTO account (name) VALUES ('bob')");

            migrations(db, DefaultsV2.MODELS).generate("defaults").orElseThrow();
            migrations(db, List.of()).upgrade("head");
            assertThat(migrations(db, DefaultsV2.MODELS).check().operations())
                    .as("the defaults as %s stores them are the models' defaults", backend)
                    .isEmpty();
            assertThat(TestSql.rows(db, "SELECT name, balance, rank, state, quote FROM account ORDER BY id"))
                    .as("the rows there were get the defaults")
                    .containsExactly("ann|0|-1|new|it's", "bob|0|-1|new|it's");
            assertThat(TestSql.rows(db, "SELECT COUNT(*) FROM account WHERE created IS NOT NULL"))
                    .containsExactly("2");

            TestMigrations.builder(project, db, List.of())
                    .acceptDataLoss()
                    .build()
                    .downgrade("-1");
            migrations(db, List.of()).upgrade("head");
            assertThat(migrations(db, DefaultsV2.MODELS).check().operations()).isEmpty();
            assertThat(TestSql.rows(db, "SELECT COUNT(*) FROM account")).containsExactly("2");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void revisionsGeneratedOnOneDatabaseApplyAndCheckCleanOnEveryOther(Backend generatedOn) throws Exception {
        try (TestDatabase origin = TestDatabases.create(generatedOn, project)) {
            TestMigrations.init(project);
            migrations(origin, DefaultsV1.MODELS).generate("accounts").orElseThrow();
            migrations(origin, List.of()).upgrade("head");
            migrations(origin, DefaultsV2.MODELS).generate("defaults").orElseThrow();
            migrations(origin, List.of()).upgrade("head");
            migrations(origin, DefaultsV3.MODELS).generate("other defaults").orElseThrow();
        }
        for (Backend backend : Backend.values()) {
            try (TestDatabase db = TestDatabases.create(backend, project)) {
                migrations(db, List.of()).upgrade("+1");
                TestSql.execute(db, "INSERT INTO account (name) VALUES ('ann')");
                migrations(db, List.of()).upgrade("head");
                assertThat(migrations(db, DefaultsV3.MODELS).check().operations())
                        .as("generated on %s, upgraded on %s", generatedOn, backend)
                        .isEmpty();
                migrations(db, List.of()).downgrade("-1");
                assertThat(TestSql.rows(db, "SELECT name, balance, state FROM account"))
                        .containsExactly("ann|0|new");
                migrations(db, List.of()).upgrade("head");
                assertThat(migrations(db, DefaultsV3.MODELS).check().operations())
                        .as("generated on %s, downgraded and upgraded on %s", generatedOn, backend)
                        .isEmpty();
            }
        }
    }
}
