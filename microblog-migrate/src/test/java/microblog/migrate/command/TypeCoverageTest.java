package microblog.migrate.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.migrate.autogenerate.ModelSchemaReader;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.Table;
import microblog.migrate.testmodels.EveryType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every commonly mapped Java type survives autogenerate on each database: the
 * revision gives each column the neutral type the model means, and reading the
 * database back finds exactly that type.
 */
class TypeCoverageTest {
    /** The neutral type each field of {@link EveryType} must get, in declaration order. */
    private static final Map<String, String> EXPECTED = expected();

    @TempDir
    Path project;

    private static Map<String, String> expected() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("id", "Integer");
        types.put("flag", "Boolean");
        types.put("active", "Boolean");
        types.put("number", "Integer");
        types.put("count", "Integer");
        types.put("big", "BigInteger");
        types.put("big_count", "BigInteger");
        types.put("small", "SmallInteger");
        types.put("small_count", "SmallInteger");
        types.put("price", "Numeric(12, 3)");
        types.put("ratio", "Double");
        types.put("exact", "Double");
        types.put("rough", "Float");
        types.put("day", "Date");
        types.put("at", "Time");
        types.put("stamp", "DateTime");
        types.put("happened", "DateTime(timezone=True)");
        types.put("offset_stamp", "DateTime(timezone=True)");
        types.put("zoned_stamp", "DateTime(timezone=True)");
        types.put("token", "Uuid");
        types.put("bytes", "LargeBinary");
        types.put("blob", "LargeBinary");
        types.put("essay", "Text");
        types.put("label", "String(40)");
        types.put("body", "Text");
        types.put("code", "String(80)");
        types.put("mood", "String(255)");
        types.put("mood_rank", "SmallInteger");
        return types;
    }

    private MigrationCommands commands(TestDatabase db, List<Class<?>> models) {
        return new MigrationCommands(new MigrationConfig(project.resolve("migrations"), db::databaseUrl, () -> models),
                new PrintWriter(new StringWriter(), true));
    }

    private void upgradeToEveryType(TestDatabase db) {
        commands(db, List.of()).init();
        commands(db, List.of(EveryType.class)).migrate("every type").orElseThrow();
        commands(db, List.of()).upgrade(null, false);
    }

    private static Map<String, String> typesOf(Table table) {
        Map<String, String> types = new LinkedHashMap<>();
        table.columns().forEach(c -> types.put(c.name(), c.type().toString()));
        return types;
    }

    /** What autogenerate compares of a column; server defaults are another matter. */
    private static String shape(Column c) {
        return c.name() + " " + c.type() + (c.nullable() ? "" : " NOT NULL") + (c.primaryKey() ? " PK" : "")
                + (c.autoincrement() ? " AUTO" : "");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void everyColumnGetsTheNeutralTypeTheModelMeansAndNothingIsLeftToMigrate(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            upgradeToEveryType(db);
            Table live = CrossDatabaseMigrationTest.schemaOf(db).table("every_type").orElseThrow();
            assertThat(typesOf(live)).containsExactlyEntriesOf(EXPECTED);
            Table model = ModelSchemaReader.read(List.of(EveryType.class), backend.kind()).table("every_type")
                    .orElseThrow();
            assertThat(live.columns()).as("the database reads back as the model says")
                    .extracting(TypeCoverageTest::shape).containsExactlyElementsOf(
                            model.columns().stream().map(TypeCoverageTest::shape).toList());
            assertThat(commands(db, List.of(EveryType.class)).migrate("again")).as("no changes after upgrade").isEmpty();
        }
    }
}
