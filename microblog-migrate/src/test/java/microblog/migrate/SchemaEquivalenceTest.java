package microblog.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.migrate.testmodels.EveryType;
import microblog.migrate.testmodels.Measurement;
import microblog.migrate.testmodels.NoteCard;
import microblog.migrate.testmodels.Writer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One set of revision files gives the same schema on all three databases. */
class SchemaEquivalenceTest {
    @TempDir
    Path project;

    @Test
    void theThreeSchemasMatchAfterUpgrade() throws Exception {
        Map<Backend, SchemaEquivalence> schemas = new EnumMap<>(Backend.class);
        try (TestDatabase sqlite = TestDatabases.create(Backend.SQLITE, project)) {
            TestMigrations.init(project);
            TestMigrations.builder(
                            project, sqlite, List.of(Writer.class, NoteCard.class, Measurement.class, EveryType.class))
                    .build()
                    .generate("all");
            for (Backend backend : Backend.values()) {
                try (TestDatabase db = backend == Backend.SQLITE ? sqlite : TestDatabases.create(backend, project)) {
                    TestMigrations.builder(project, db, List.of()).build().upgrade("head");
                    schemas.put(backend, SchemaEquivalence.of(LiveSchemas.schemaOf(db)));
                }
            }
        }
        assertThat(schemas.get(Backend.SQLITE).tables())
                .contains(
                        "writer.name String(64)",
                        "writer.id Integer NOT NULL PK AUTO",
                        "note_card.written DateTime",
                        "writer UNIQUE [email]",
                        "writer UNIQUE [name]",
                        "note_card INDEX ix_note_card_written [written]",
                        "note_card FK fk_note_card_writer_id_writer [writer_id] -> writer[id]",
                        "measurement.verified Boolean NOT NULL",
                        "measurement.count BigInteger",
                        "measurement.small SmallInteger",
                        "measurement.reading Double",
                        "measurement.rough Float",
                        "measurement.amount Numeric(10, 2)",
                        "measurement.notes Text",
                        "measurement.day Date",
                        "measurement.at Time",
                        "measurement.payload LargeBinary",
                        "every_type.happened DateTime(timezone=True)",
                        "every_type.stamp DateTime",
                        "every_type.token Uuid",
                        "every_type.mood String(255)",
                        "every_type.mood_rank SmallInteger",
                        "every_type.body Text",
                        "every_type.code String(80)",
                        "every_type.active Boolean NOT NULL");
        assertThat(schemas.get(Backend.POSTGRESQL)).isEqualTo(schemas.get(Backend.SQLITE));
        assertThat(schemas.get(Backend.MARIADB)).isEqualTo(schemas.get(Backend.SQLITE));
    }
}
