package microblog.migrate.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import microblog.migrate.MigrationException;
import microblog.migrate.runtime.SchemaSimulator;
import microblog.migrate.schema.CheckConstraint;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.ColumnType;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.GenericType;
import microblog.migrate.schema.Index;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Sequence;
import microblog.migrate.schema.Table;
import microblog.migrate.schema.UniqueConstraint;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation undone by its own inverse: applied to a schema in the
 * offline simulator and then undone, it leaves the schema as it was.
 */
class OperationInverseTest {
    private static final Column ID = Column.autoincrementKey("id", ColumnType.INTEGER);
    private static final Column USERNAME =
            Column.of("username", ColumnType.string(64)).notNull();

    // What a drop takes along is put back last among its kind, so what the cases drop stands last already.
    private static final Table USER = new Table(
            "user",
            List.of(
                    ID,
                    USERNAME,
                    Column.of("about", ColumnType.of(GenericType.TEXT)),
                    Column.of("email", ColumnType.string(120))),
            List.of(new UniqueConstraint("uq_user_email", List.of("email"))),
            List.of(),
            List.of(new Index("ix_user_username", "user", List.of("username"), false)),
            List.of(new CheckConstraint("ck_user_username", "username <> ''")));
    private static final Table POST = new Table(
            "post",
            List.of(
                    ID,
                    Column.of("body", ColumnType.string(140)),
                    Column.of("editor_id", ColumnType.INTEGER),
                    Column.of("user_id", ColumnType.INTEGER).notNull()),
            List.of(),
            List.of(new ForeignKey("fk_post_user_id_user", List.of("user_id"), "user", List.of("id"), "CASCADE")),
            List.of(new Index("ix_post_user_id", "post", List.of("user_id"), false)));
    private static final Schema SCHEMA = new Schema(
            List.of(USER, POST), List.of(Sequence.of("post_seq", 1, 50).numbering("post", "id")));

    /** One case or more per kind of operation but execute, each named as the log names it. */
    static Stream<Named<Operation>> operations() {
        Stream<Operation> cases = Stream.of(
                new CreateTable(new Table(
                        "tag",
                        List.of(ID, Column.of("post_id", ColumnType.INTEGER)),
                        List.of(),
                        List.of(new ForeignKey("fk_tag_post_id_post", List.of("post_id"), "post", List.of("id"), null)),
                        List.of(new Index("ix_tag_post_id", "tag", List.of("post_id"), false)))),
                new DropTable("post"),
                new DropTable("user"),
                new RenameTable("user", "account"),
                new AddColumn("post", Column.of("title", ColumnType.string(80))),
                new DropColumn("post", "user_id"),
                new DropColumn("user", "email"),
                new AlterColumn(
                        "user",
                        USERNAME,
                        Column.of("username", ColumnType.string(80)).withServerDefault("'anonymous'")),
                new RenameColumn("post", "user_id", "author_id"),
                new CreateIndex(new Index("ix_post_body", "post", List.of("body"), false)),
                new DropIndex("ix_user_username", "user"),
                new RenameIndex("user", "ix_user_username", "ix_account_username"),
                new CreateForeignKey(
                        "post",
                        new ForeignKey("fk_post_editor_id_user", List.of("editor_id"), "user", List.of("id"), null)),
                new DropForeignKey("post", "fk_post_user_id_user"),
                new CreateUniqueConstraint("user", new UniqueConstraint("uq_user_username", List.of("username"))),
                new DropUniqueConstraint("user", "uq_user_email"),
                new CreateCheckConstraint("post", new CheckConstraint("ck_post_body", "body <> ''")),
                new DropCheckConstraint("user", "ck_user_username"),
                new CreateSequence(Sequence.of("tag_seq", 1000, 10)),
                new DropSequence("post_seq"),
                new AlterSequence("post_seq", 50, 20));
        return cases.map(operation -> Named.of(operation.describe(), operation));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void theInverseGivesTheSchemaBack(Operation operation) {
        SchemaSimulator simulator = SchemaSimulator.startingFrom(SCHEMA);
        List<Operation> inverse = operation.inverse(simulator.knownSchema());

        simulator.apply(operation);
        assertThat(simulator.knownSchema())
                .as("what %s changes", operation.describe())
                .isNotEqualTo(SCHEMA);
        inverse.forEach(simulator::apply);

        // A database keeps no order of tables; a table made again simply comes last.
        assertThat(simulator.knownSchema().tables())
                .as(
                        "%s undone by %s",
                        operation.describe(),
                        inverse.stream().map(Operation::describe).toList())
                .containsExactlyInAnyOrderElementsOf(SCHEMA.tables());
        assertThat(simulator.knownSchema().sequences())
                .as("the sequences after %s and its inverse", operation.describe())
                .containsExactlyInAnyOrderElementsOf(SCHEMA.sequences());
    }

    @Test
    void handWrittenSqlHasNoInverse() {
        assertThatThrownBy(() -> new ExecuteSql("UPDATE post SET body = ''", Map.of()).inverse(SCHEMA))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("execute has no inverse")
                .hasMessageContaining("downgrade");
    }

    @Test
    void everyKindOfOperationIsUndoneHereOrRefused() {
        Stream<Class<?>> undone =
                operations().map(operation -> operation.getPayload().getClass());
        assertThat(Stream.concat(undone, Stream.of(ExecuteSql.class)).distinct())
                .containsExactlyInAnyOrder(Operation.class.getPermittedSubclasses());
    }

    @Test
    void aDropWhoseObjectTheSchemaLacksIsNamed() {
        assertThatThrownBy(() -> new DropIndex("ix_gone", "user").inverse(SCHEMA))
                .isInstanceOf(MigrationException.class)
                .hasMessage("cannot work out the inverse of drop_index ix_gone on user: the schema before it has no "
                        + "index 'ix_gone'");
        assertThatThrownBy(() -> new DropColumn("note", "body").inverse(SCHEMA))
                .hasMessageEndingWith("has no table 'note'");
        assertThatThrownBy(() -> new DropSequence("note_seq").inverse(SCHEMA))
                .hasMessageEndingWith("has no sequence 'note_seq'");
    }

    @Test
    void aDroppedSequenceComesBackNumberingItsKeyAgain() {
        assertThat(new DropSequence("post_seq").inverse(SCHEMA))
                .containsExactly(
                        new CreateSequence(Sequence.of("post_seq", 1, 50).numbering("post", "id")));
    }

    @Test
    void aDroppedColumnComesBackWithTheIndexesAndKeysItTookAlong() {
        assertThat(new DropColumn("post", "user_id").inverse(SCHEMA))
                .containsExactly(
                        new AddColumn("post", POST.column("user_id").orElseThrow()),
                        new CreateIndex(POST.indexes().get(0)),
                        new CreateForeignKey("post", POST.foreignKeys().get(0)));
    }
}
