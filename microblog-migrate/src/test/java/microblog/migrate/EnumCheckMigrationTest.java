package microblog.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import microblog.db.Database;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.migrate.testing.LogCapture;
import microblog.migrate.testmodels.evolution.ShopV1;
import microblog.migrate.testmodels.evolution.ShopV2;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The checks Hibernate derives for enums (by name and by position) and for a
 * single-table discriminator, on a database holding rows: a new constant or
 * subclass is detected, applied and undone on every database, the database
 * then takes the new values from Hibernate and refuses any other, and a
 * revision generated on one database checks clean on all the others.
 */
class EnumCheckMigrationTest {
    @TempDir
    Path project;

    private Migrations migrations(TestDatabase db, List<Class<?>> models) {
        return TestMigrations.builder(project, db, models).build();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void newConstantsAndSubclassesAreDetectedAppliedAndUndoneOnRows(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            TestMigrations.init(project);
            migrations(db, ShopV1.MODELS).generate("shop").orElseThrow();
            migrations(db, List.of()).upgrade("head");
            save(db, ShopV1.MODELS, new ShopV1.Order(ShopV1.Status.NEW), new ShopV1.Order(ShopV1.Status.PAID));
            save(db, ShopV1.MODELS, new ShopV1.Car());
            var atV1 = SchemaEquivalence.of(LiveSchemas.schemaOf(db));

            assertThat(migrations(db, ShopV2.MODELS).check().upToDate())
                    .as("check sees the new constant and subclass")
                    .isFalse();
            List<String> findings;
            try (LogCapture log = new LogCapture()) {
                migrations(db, ShopV2.MODELS).generate("shipped and bikes").orElseThrow();
                findings = log.messages();
            }
            assertThat(findings)
                    .contains(
                            "Detected changed check constraint 'ck_shop_order_status' on 'shop_order': added [SHIPPED]",
                            "Detected changed check constraint 'ck_shop_order_priority' on 'shop_order': added [2]",
                            "Detected changed check constraint 'ck_vehicle_dtype' on 'vehicle': added [bike]",
                            "Rows of 'shop_order.status' holding [SHIPPED] stop the downgrade of this revision, which "
                                    + "no longer allows them: to let it run then, add an 'execute' UPDATE of those "
                                    + "rows before the check in downgrade, as db test's sample rows hold every value");
            migrations(db, List.of()).upgrade("head");
            save(db, ShopV2.MODELS, new ShopV2.Order(ShopV2.Status.SHIPPED), new ShopV2.Bike());
            assertThat(migrations(db, ShopV2.MODELS).generate("again"))
                    .as("nothing left to generate after the upgrade")
                    .isEmpty();
            assertThatThrownBy(
                            () -> TestSql.execute(db, "INSERT INTO shop_order (status, priority) VALUES ('LOST', 0)"))
                    .as("the database still refuses a value no constant has")
                    .isInstanceOf(SQLException.class);

            String head = migrations(db, List.of()).current().iterator().next();
            assertThatThrownBy(() -> migrations(db, List.of()).downgrade("-1"))
                    .as("the old checks cannot come back over rows holding the new values")
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("create check constraint 'ck_shop_order_status' while 1 row of "
                            + "'shop_order.status' holds a value outside [NEW, PAID]")
                    .hasMessageContaining("nothing was changed");
            assertThat(migrations(db, List.of()).current()).containsExactly(head);

            TestSql.execute(db, "DELETE FROM shop_order WHERE status = 'SHIPPED'");
            TestSql.execute(db, "DELETE FROM vehicle WHERE dtype = 'bike'");
            migrations(db, List.of()).downgrade("-1");
            assertThat(SchemaEquivalence.of(LiveSchemas.schemaOf(db)))
                    .as("back at the first version")
                    .isEqualTo(atV1);
            migrations(db, List.of()).upgrade("head");
            assertThat(migrations(db, ShopV2.MODELS).generate("x")).isEmpty();
            assertThat(TestSql.rows(db, "SELECT COUNT(*) FROM shop_order"))
                    .as("every row kept")
                    .containsExactly("2");
            assertThat(TestSql.rows(db, "SELECT COUNT(*) FROM vehicle")).containsExactly("1");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void revisionsGeneratedOnOneDatabaseCheckCleanOnEveryOther(Backend generatedOn) throws Exception {
        try (TestDatabase origin = TestDatabases.create(generatedOn, project)) {
            TestMigrations.init(project);
            migrations(origin, ShopV1.MODELS).generate("shop").orElseThrow();
            migrations(origin, List.of()).upgrade("head");
            migrations(origin, ShopV2.MODELS).generate("shipped and bikes").orElseThrow();
        }
        List<String> revisions;
        try (Stream<Path> files = Files.list(project.resolve("migrations/versions"))) {
            revisions = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertThat(revisions).filteredOn(f -> f.endsWith(".yaml")).hasSize(2);
        for (Backend backend : Backend.values()) {
            try (TestDatabase db = TestDatabases.create(backend, project)) {
                migrations(db, List.of()).upgrade("+1");
                var atV1 = SchemaEquivalence.of(LiveSchemas.schemaOf(db));
                migrations(db, List.of()).upgrade("head");
                assertThat(migrations(db, ShopV2.MODELS).check().operations())
                        .as("generated on %s, upgraded on %s", generatedOn, backend)
                        .isEmpty();
                save(db, ShopV2.MODELS, new ShopV2.Order(ShopV2.Status.SHIPPED), new ShopV2.Bike());
                TestSql.execute(db, "DELETE FROM shop_order");
                TestSql.execute(db, "DELETE FROM vehicle");
                migrations(db, List.of()).downgrade("-1");
                assertThat(SchemaEquivalence.of(LiveSchemas.schemaOf(db)))
                        .as("generated on %s, downgraded on %s", generatedOn, backend)
                        .isEqualTo(atV1);
                migrations(db, List.of()).upgrade("head");
            }
        }
    }

    /** Saves {@code entities} through Hibernate, mapped by {@code models}, as an application would. */
    private static void save(TestDatabase db, List<Class<?>> models, Object... entities) {
        try (Database orm = Database.open(db.databaseUrl(), models)) {
            List<Object> all = new ArrayList<>(List.of(entities));
            orm.session().addAll(all);
            orm.session().commit();
        }
    }
}
