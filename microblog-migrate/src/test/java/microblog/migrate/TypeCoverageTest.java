package microblog.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import microblog.db.Database;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.migrate.autogenerate.ModelSchemaReader;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.Table;
import microblog.migrate.testmodels.EveryType;
import microblog.migrate.testmodels.EveryType.Mood;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every commonly mapped Java type survives autogenerate on each database: the
 * revision gives each column the neutral type the model means, reading the
 * database back finds exactly that type, and Hibernate reads back what it wrote
 * into the columns our DDL made.
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

    private Migrations migrations(TestDatabase db, List<Class<?>> models) {
        return TestMigrations.builder(project, db, models).build();
    }

    private void upgradeToEveryType(TestDatabase db) {
        TestMigrations.init(project);
        migrations(db, List.of(EveryType.class)).generate("every type").orElseThrow();
        migrations(db, List.of()).upgrade("head");
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
            Table live = LiveSchemas.schemaOf(db).table("every_type").orElseThrow();
            assertThat(typesOf(live)).containsExactlyEntriesOf(EXPECTED);
            Table model = ModelSchemaReader.read(List.of(EveryType.class), backend.kind())
                    .table("every_type")
                    .orElseThrow();
            assertThat(live.columns())
                    .as("the database reads back as the model says")
                    .extracting(TypeCoverageTest::shape)
                    .containsExactlyElementsOf(model.columns().stream()
                            .map(TypeCoverageTest::shape)
                            .toList());
            assertThat(migrations(db, List.of(EveryType.class)).generate("again"))
                    .as("no changes after upgrade")
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void hibernateReadsBackWhatItWroteWithNoTimeShift(Backend backend) throws Exception {
        TimeZone jvmZone = TimeZone.getDefault();
        // Half an hour off UTC, with no daylight saving: any conversion through the wrong zone shows.
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            upgradeToEveryType(db);
            EveryType written = sample();
            try (Database database = Database.open(db.databaseUrl(), List.of(EveryType.class))) {
                database.session().add(written);
                database.session().commit();
                database.session().close();
                EveryType read = database.session().get(EveryType.class, written.id);
                assertThat(read)
                        .usingRecursiveComparison()
                        .withComparatorForType(Comparator.naturalOrder(), BigDecimal.class)
                        .withComparatorForType(Comparator.comparing(OffsetDateTime::toInstant), OffsetDateTime.class)
                        .withComparatorForType(Comparator.comparing(ZonedDateTime::toInstant), ZonedDateTime.class)
                        .isEqualTo(written);
            }
            if (backend == Backend.SQLITE) {
                try (Connection c = new ConnectionFactory(db.databaseUrl()).open();
                        var rows = c.createStatement().executeQuery("SELECT happened FROM every_type")) {
                    rows.next();
                    assertThat(rows.getString(1))
                            .as("an instant is UTC text, as readable as a DateTime")
                            .isEqualTo("2024-06-01 23:30:00.654321");
                }
            }
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }

    private static EveryType sample() {
        EveryType e = new EveryType();
        e.flag = Boolean.TRUE;
        e.active = true;
        e.number = 2_000_000_000;
        e.count = -7;
        e.big = 9_000_000_000_000L;
        e.bigCount = -9_000_000_000L;
        e.small = (short) 32_000;
        e.smallCount = (short) -5;
        e.price = new BigDecimal("123456789.125");
        e.ratio = Math.PI;
        e.exact = 1.0 / 3;
        e.rough = 1.5f;
        e.day = LocalDate.of(2024, 2, 29);
        e.at = LocalTime.of(13, 45, 30);
        e.stamp = LocalDateTime.of(2024, 3, 31, 2, 30, 15, 123_456_000);
        e.happened = Instant.parse("2024-06-01T23:30:00.654321Z");
        e.offsetStamp = OffsetDateTime.of(2024, 6, 1, 8, 0, 0, 0, ZoneOffset.ofHours(-7));
        e.zonedStamp = ZonedDateTime.of(2024, 10, 27, 2, 30, 0, 0, ZoneId.of("Europe/Berlin"));
        e.token = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        e.bytes = new byte[] {0, 1, 2, (byte) 255};
        e.blob = new byte[] {42, 0, -1};
        e.essay = "long ".repeat(20_000); // beyond the 65,535 bytes of a MySQL TEXT
        e.label = "label";
        e.body = "body text";
        e.code = "X-80";
        e.mood = Mood.CURIOUS;
        e.moodRank = Mood.CROSS;
        return e;
    }
}
