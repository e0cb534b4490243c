package microblog.migrate.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import microblog.migrate.MigrationException;
import microblog.migrate.operations.AddColumn;
import microblog.migrate.operations.AlterColumn;
import microblog.migrate.operations.AlterSequence;
import microblog.migrate.operations.CreateCheckConstraint;
import microblog.migrate.operations.CreateForeignKey;
import microblog.migrate.operations.CreateIndex;
import microblog.migrate.operations.CreateSequence;
import microblog.migrate.operations.CreateTable;
import microblog.migrate.operations.CreateUniqueConstraint;
import microblog.migrate.operations.DropCheckConstraint;
import microblog.migrate.operations.DropColumn;
import microblog.migrate.operations.DropForeignKey;
import microblog.migrate.operations.DropIndex;
import microblog.migrate.operations.DropSequence;
import microblog.migrate.operations.DropTable;
import microblog.migrate.operations.DropUniqueConstraint;
import microblog.migrate.operations.ExecuteSql;
import microblog.migrate.operations.Operation;
import microblog.migrate.operations.RenameColumn;
import microblog.migrate.operations.RenameIndex;
import microblog.migrate.operations.RenameTable;
import microblog.migrate.schema.AllowedValues;
import microblog.migrate.schema.CheckConstraint;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.ColumnType;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.GenericType;
import microblog.migrate.schema.Index;
import microblog.migrate.schema.Sequence;
import microblog.migrate.schema.Table;
import microblog.migrate.schema.UniqueConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionFileTest {
    @TempDir
    Path dir;

    private static final ForeignKey FK =
            new ForeignKey("fk_post_user_id_user", List.of("user_id"), "user", List.of("id"), "CASCADE");
    private static final Table POST = new Table(
            "post",
            List.of(
                    Column.autoincrementKey("id", ColumnType.INTEGER),
                    Column.of("body", ColumnType.string(140)),
                    Column.of("score", ColumnType.numeric(10, 2)).notNull().withServerDefault("0"),
                    Column.of("user_id", ColumnType.INTEGER)),
            List.of(new UniqueConstraint("uq_post_body", List.of("body"))),
            List.of(FK),
            List.of());

    @Test
    void everyOperationSurvivesAWriteAndARead() throws Exception {
        List<Operation> all = List.of(
                new CreateTable(POST),
                new DropTable("post"),
                new AddColumn("post", Column.of("about", ColumnType.of(GenericType.TEXT))),
                new DropColumn("post", "about"),
                new CreateIndex(new Index("ix_post_body", "post", List.of("body"), false)),
                new DropIndex("ix_post_body", "post"),
                new CreateForeignKey("post", FK),
                new DropForeignKey("post", "fk_post_user_id_user"),
                new CreateUniqueConstraint("post", new UniqueConstraint("uq_x", List.of("body"))),
                new DropUniqueConstraint("post", "uq_x"),
                new ExecuteSql("UPDATE post SET score = 1", Map.of("mysql", "UPDATE `post` SET score = 1")),
                new AlterColumn(
                        "post",
                        Column.of("body", ColumnType.string(140)),
                        Column.of("body", ColumnType.string(200)).notNull().withServerDefault("''")),
                new RenameColumn("post", "body", "text"),
                new RenameTable("post", "entry"),
                new RenameIndex("entry", "ix_post_body", "ix_entry_text"),
                new CreateCheckConstraint("entry", new CheckConstraint("ck_entry_score", "score >= 0")),
                new DropCheckConstraint("entry", "ck_entry_score"),
                new CreateCheckConstraint(
                        "entry",
                        CheckConstraint.allowing(
                                "ck_entry_status",
                                new AllowedValues("status", List.of("NEW", "1", "it's", "yes"), false))),
                new CreateCheckConstraint(
                        "entry",
                        CheckConstraint.allowing(
                                "ck_entry_rank", new AllowedValues("rank", List.of("0", "1", "2"), true))),
                new CreateTable(
                        POST.withCheckConstraints(c -> List.of(new CheckConstraint("ck_post_score", "score < 10")))),
                new CreateSequence(Sequence.of("post_seq", 1, 50).numbering("post", "id")),
                new CreateSequence(Sequence.of("invoice_number", 1000, 10)),
                new AlterSequence("post_seq", 50, 20),
                new DropSequence("post_seq"));
        assertThat(all.stream().map(Object::getClass).distinct())
                .as("every kind of operation")
                .containsExactlyInAnyOrder(Operation.class.getPermittedSubclasses());
        assertThat(all.stream()
                        .map(op -> OperationCodec.write(op).keySet().iterator().next())
                        .distinct())
                .as("the names an unknown operation's error lists are the names written")
                .containsExactlyInAnyOrderElementsOf(OperationCodec.OPERATION_NAMES);
        Path file = dir.resolve("abc123def456_all.yaml");
        Revision revision = new Revision(
                "abc123def456",
                List.of("000000000001"),
                "all: of them",
                "2026-01-01 00:00:00",
                all,
                List.of(new DropTable("post")),
                file,
                List.of("shop"));
        Files.writeString(file, RevisionFile.render(revision));

        Revision read = RevisionFile.read(file);
        assertThat(read).isEqualTo(revision);
        assertThat(Files.readString(file))
                .startsWith("# all: of them\n")
                .contains("- {name: body, type: String(140)}")
                .contains("down_revision: 000000000001\nbranch_labels: [shop]\n")
                .contains("- create_sequence: {name: post_seq, start: 1, increment: 50, table: post, column: id}")
                .contains(
                        "- alter_sequence:\n      name: post_seq\n      from: {increment: 50}\n      to: {increment: 20}")
                .as("a string that YAML would read as a number is quoted")
                .contains("column: status, values: [NEW, '1', it's, yes]")
                .contains("column: rank, values: [0, 1, 2]");
    }

    /**
     * A merge revision does nothing either way: its two empty lists are one object to the YAML
     * emitter, written once with an anchor; the anchor's name must not depend on what was
     * dumped before, or the checksum of an applied revision would change within a command.
     */
    @Test
    void aChecksumIsTheSameEveryTimeItIsComputed() {
        Revision merge = new Revision("m1", List.of("a1", "b1"), "join", null, List.of(), List.of(), null, List.of());
        Revision other = new Revision(
                "c1", List.of(), "posts", null, List.of(new CreateTable(POST)), List.of(), null, List.of());
        String first = RevisionFile.checksum(merge);
        RevisionFile.checksum(other);
        RevisionFile.checksum(merge);
        assertThat(RevisionFile.checksum(merge)).isEqualTo(first);
    }

    @Test
    void handEditingMistakesAreNamedWithFileAndPlace() throws Exception {
        assertThatThrownBy(() -> read("upgrade:\n  - crate_table: {name: x}\n"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("r_bad.yaml upgrade #1: unknown operation 'crate_table'");
        assertThatThrownBy(() -> read("upgrade:\n  - drop_table: {nmae: x}\n"))
                .hasMessageContaining("drop_table: missing 'name' (is 'nmae' a misspelling of it?)");
        assertThatThrownBy(() -> read("upgrade:\n  - drop_check_constraint: {name: ck, tabel: t}\n"))
                .hasMessageEndingWith("drop_check_constraint: missing 'table' (is 'tabel' a misspelling of it?)");
        assertThatThrownBy(() ->
                        read("upgrade:\n  - create_check_constraint: {name: ck, table: t, column: c, valuez: [A]}\n"))
                .hasMessageEndingWith("for check 'ck' (is 'valuez' a misspelling of it?)");
        assertThatThrownBy(() -> read("upgrade:\n  - drop_index: {name: x, table: t, colour: red}\n"))
                .hasMessageContaining("unknown key 'colour'");
        assertThatThrownBy(() -> read("upgrade:\n  - add_column: {table: t, column: {name: c, type: Strng(3)}}\n"))
                .hasMessageContaining("unknown column type 'Strng(3)'");
        assertThatThrownBy(() -> read("upgrade: [\n")).hasMessageContaining("is not valid YAML");
        assertThatThrownBy(() -> read("upgrade: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n"))
                .isInstanceOf(MigrationException.class)
                .hasMessageEndingWith(
                        "is nested too deeply to read: a revision is a list of operations a few " + "levels deep");
        Path orphan = dir.resolve("r_orphan.yaml");
        Files.writeString(orphan, "revision: r\nmessage: m\nupgrade: []\ndowngrade: []\n");
        assertThatThrownBy(() -> RevisionFile.read(orphan))
                .hasMessage("r_orphan.yaml: missing 'down_revision': write the id of the revision it follows, or null "
                        + "for the first revision");
        Path binary = dir.resolve("r_binary.yaml");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        assertThatThrownBy(() -> RevisionFile.read(binary))
                .isInstanceOf(MigrationException.class)
                .hasMessage(binary + " is not UTF-8 text (a revision file is YAML): move it out of the versions "
                        + "directory, or save it as UTF-8");
        assertThatThrownBy(() -> read("upgrade:\n  - create_sequence: {name: s, start: one, increment: 50}\n"))
                .hasMessageContaining("r_bad.yaml upgrade #1 create_sequence: 'start' must be a whole number");
        assertThatThrownBy(() -> read("upgrade:\n  - create_sequence: {name: s, start: 1, increment: 0}\n"))
                .hasMessageContaining("create_sequence: 'increment' must not be 0");
        assertThatThrownBy(() -> read("upgrade:\n  - create_sequence: {name: s, start: 1, increment: 5, table: t}\n"))
                .hasMessageContaining("create_sequence: give both 'table' and 'column'");
        assertThatThrownBy(() -> read("upgrade:\n  - create_sequence: {name: s, start: 1, incremnt: 5}\n"))
                .hasMessageContaining("create_sequence: missing 'increment'");
        assertThatThrownBy(() -> read("upgrade:\n  - alter_sequence: {name: s, from: {increment: 5}, to: {inc: 6}}\n"))
                .hasMessageContaining("alter_sequence to: missing 'increment'");
        assertThatThrownBy(() -> read("upgrade:\n  - create_check_constraint: {name: ck, table: t, column: c}\n"))
                .hasMessageContaining("create_check_constraint: give either 'expression' (SQL), or 'column' and "
                        + "'values' (the values it may hold), for check 'ck'");
        assertThatThrownBy(() -> read(
                        "upgrade:\n  - create_check_constraint: {name: ck, table: t, expression: x > 0, column: x, "
                                + "values: [1]}\n"))
                .hasMessageContaining("give either 'expression' (SQL), or 'column' and 'values'");
        assertThatThrownBy(() -> read(
                        "upgrade:\n  - create_check_constraint: {name: ck, table: t, column: c, values: [1, a]}\n"))
                .hasMessageContaining("'values' of check 'ck' must be all numbers or all strings (quote a string that "
                        + "looks like a number), not [1, a]");
        assertThatThrownBy(() -> read("branch_labels: [head]\n"))
                .hasMessageContaining("r_bad.yaml: branch_labels 'head' is not a branch label");
        assertThatThrownBy(() -> read("branch_labels: shop@1\n"))
                .hasMessageContaining("branch_labels 'shop@1' is not a branch label");
        assertThatThrownBy(() -> read("upgrade:\n  - execute: {sqlite: x, postgres: y}\n"))
                .hasMessageContaining("execute: unknown key 'postgres'");
        assertThatThrownBy(() -> read("upgrade:\n  - execute: {}\n"))
                .hasMessageContaining("execute: give 'sql', or a variant for each database it runs on (sqlite, "
                        + "postgresql, mysql, h2)");
        assertThatThrownBy(() -> read("upgrade:\n  - drop_table: {name: " + "t".repeat(64) + "}\n"))
                .hasMessageContaining("drop_table: 'name' '" + "t".repeat(64) + "' is longer than 63 bytes, which "
                        + "PostgreSQL would cut and MySQL refuse; use a shorter name");
        assertThatThrownBy(() -> read("upgrade:\n  - create_index: {name: ix, table: t, columns: [\"\"]}\n"))
                .hasMessageContaining("'columns' is empty");
        Path file = dir.resolve("long.yaml");
        Files.writeString(file, "revision: " + "a".repeat(33) + "\ndown_revision: null\n");
        assertThatThrownBy(() -> RevisionFile.read(file))
                .hasMessage(
                        "long.yaml: revision '" + "a".repeat(33)
                                + "' is not a revision id: use 1 to 32 letters, digits, '_', '-' or '.' (the version table holds 32)");
        Files.writeString(file, "revision: abc\ndown_revision: null\ndowngrades: []\n");
        assertThatThrownBy(() -> RevisionFile.read(file))
                .hasMessage("long.yaml: unknown key 'downgrades': use "
                        + "revision, down_revision, branch_labels, message, create_date, upgrade, downgrade");
        Files.writeString(file, "revision: 1234567e8901\ndown_revision: null\n");
        assertThatThrownBy(() -> RevisionFile.read(file))
                .hasMessage("long.yaml: revision Infinity is read as a "
                        + "number, not as an id: quote it, as in revision: '...'");
        Files.writeString(file, "revision: 123456789012\ndown_revision: 000000000001\n");
        assertThat(RevisionFile.read(file).id()).isEqualTo("123456789012");
        assertThat(RevisionFile.read(file).downRevisions()).containsExactly("000000000001");
        Files.writeString(file, "revision: abc\ndown_revision: \"x'; DROP TABLE y\"\n");
        assertThatThrownBy(() -> RevisionFile.read(file)).hasMessageContaining("down_revision 'x'; DROP TABLE y'");
    }

    private Revision read(String operations) throws Exception {
        Path file = dir.resolve("r_bad.yaml");
        Files.writeString(file, "revision: r\ndown_revision: null\nmessage: m\n" + operations);
        return RevisionFile.read(file);
    }

    @Test
    void aMessageOfSeveralLinesStaysInTheCommentHeader() throws Exception {
        Path file = dir.resolve("abc_two.yaml");
        Revision revision =
                new Revision("abc", List.of(), "two\nlines", "2026-01-01 00:00:00", List.of(), List.of(), file);
        Files.writeString(file, RevisionFile.render(revision));
        assertThat(Files.readString(file)).startsWith("# two\n# lines\n#\n");
        assertThat(RevisionFile.read(file).message()).isEqualTo("two\nlines");
    }

    @Test
    void slugsAreShortAndPlain() {
        assertThat(ScriptDirectory.slug("users table")).isEqualTo("users_table");
        assertThat(ScriptDirectory.slug("Add the 'about me' field, and last_seen!"))
                .isEqualTo("add_the_about_me_field_and_last_seen");
        assertThat(ScriptDirectory.slug("a".repeat(30) + " " + "b".repeat(30))).isEqualTo("a".repeat(30));
        assertThat(ScriptDirectory.newRevisionId()).matches("[0-9a-f]{12}");
        for (int i = 0; i < 10_000; i++) {
            assertThat(ScriptDirectory.newRevisionId())
                    .as("never a YAML number")
                    .doesNotMatch("[0-9]*e?[0-9]*");
        }
    }
}
