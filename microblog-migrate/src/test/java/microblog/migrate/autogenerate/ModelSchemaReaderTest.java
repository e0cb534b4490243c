package microblog.migrate.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import microblog.db.url.DatabaseKind;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.ColumnType;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.GenericType;
import microblog.migrate.schema.Index;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Table;
import microblog.migrate.schema.UniqueConstraint;
import microblog.migrate.testmodels.NoteCard;
import microblog.migrate.testmodels.Writer;
import org.junit.jupiter.api.Test;

class ModelSchemaReaderTest {
    private final Schema schema = ModelSchemaReader.read(List.of(Writer.class, NoteCard.class), DatabaseKind.SQLITE);

    @Test
    void columnsKeepTheFieldsOrderAndNeutralTypes() {
        Table writer = schema.table("writer").orElseThrow();
        assertThat(writer.columns())
                .containsExactly(
                        Column.autoincrementKey("id", ColumnType.INTEGER),
                        Column.of("name", ColumnType.string(64)),
                        Column.of("email", ColumnType.string(120)));
        Table note = schema.table("note_card").orElseThrow();
        assertThat(note.columns()).extracting(Column::name).containsExactly("id", "text", "written", "writer_id");
        assertThat(note.column("written").orElseThrow().type()).isEqualTo(ColumnType.of(GenericType.DATE_TIME));
    }

    @Test
    void uniqueIndexAndUniqueColumnAreToldApart() {
        Table writer = schema.table("writer").orElseThrow();
        assertThat(writer.indexes()).containsExactly(new Index("ix_writer_name", "writer", List.of("name"), true));
        assertThat(writer.uniqueConstraints())
                .containsExactly(new UniqueConstraint("uq_writer_email", List.of("email")));
    }

    @Test
    void foreignKeysGetConventionalNames() {
        Table note = schema.table("note_card").orElseThrow();
        assertThat(note.foreignKeys())
                .containsExactly(new ForeignKey(
                        "fk_note_card_writer_id_writer", List.of("writer_id"), "writer", List.of("id"), null));
        assertThat(note.indexes())
                .containsExactly(new Index("ix_note_card_written", "note_card", List.of("written"), false));
    }

    @Test
    void sameModelsGiveTheSameNeutralSchemaOnEveryDatabase() {
        assertThat(ModelSchemaReader.read(List.of(Writer.class, NoteCard.class), DatabaseKind.POSTGRESQL)
                        .tables())
                .containsExactlyInAnyOrderElementsOf(schema.tables());
        assertThat(ModelSchemaReader.read(List.of(Writer.class, NoteCard.class), DatabaseKind.MYSQL)
                        .tables())
                .containsExactlyInAnyOrderElementsOf(schema.tables());
    }
}
