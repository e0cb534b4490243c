package microblog.migrate.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import microblog.migrate.operations.AddColumn;
import microblog.migrate.operations.CreateForeignKey;
import microblog.migrate.operations.CreateIndex;
import microblog.migrate.operations.CreateTable;
import microblog.migrate.operations.DropColumn;
import microblog.migrate.operations.DropForeignKey;
import microblog.migrate.operations.DropIndex;
import microblog.migrate.operations.DropTable;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.ColumnType;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.Index;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Table;
import microblog.migrate.schema.UniqueConstraint;
import org.junit.jupiter.api.Test;

class SchemaComparatorTest {
    private static final Column ID = new Column("id", ColumnType.INTEGER, false, true, true, null);
    private static final Index IX_EMAIL = new Index("ix_user_email", "user", List.of("email"), true);
    private static final Table USER = new Table("user", List.of(ID, Column.of("email", ColumnType.string(120), true)),
            List.of(), List.of(), List.of(IX_EMAIL));
    private static final ForeignKey POST_USER = new ForeignKey("fk_post_user_id_user", List.of("user_id"), "user",
            List.of("id"), null);
    private static final Table POST = new Table("post", List.of(ID, Column.of("user_id", ColumnType.INTEGER, true)),
            List.of(), List.of(POST_USER), List.of());

    @Test
    void addedTablesComeReferencedFirstWithTheirIndexesAndInverses() {
        Changes changes = SchemaComparator.compare(new Schema(List.of(POST, USER)), Schema.empty());
        assertThat(changes.findings()).containsExactly("Detected added table 'user'",
                "Detected added index 'ix_user_email' on '['email']'", "Detected added table 'post'");
        assertThat(changes.upgrade()).containsExactly(new CreateTable(USER.withIndexes(i -> List.of())),
                new CreateIndex(IX_EMAIL), new CreateTable(POST));
        assertThat(changes.downgrade()).containsExactly(new DropTable("post"), new DropIndex("ix_user_email", "user"),
                new DropTable("user"));
    }

    @Test
    void identicalSchemasHaveNoChanges() {
        Schema both = new Schema(List.of(USER, POST));
        assertThat(SchemaComparator.compare(both, both).isEmpty()).isTrue();
    }

    @Test
    void removedTablesAreDroppedReferencingFirstAndRecreatedOnDowngrade() {
        Changes changes = SchemaComparator.compare(Schema.empty(), new Schema(List.of(USER, POST)));
        assertThat(changes.upgrade()).containsExactly(new DropTable("post"), new DropIndex("ix_user_email", "user"),
                new DropTable("user"));
        assertThat(changes.downgrade()).containsExactly(new CreateTable(USER.withIndexes(i -> List.of())),
                new CreateIndex(IX_EMAIL), new CreateTable(POST));
    }

    @Test
    void columnsAndForeignKeysOnExistingTables() {
        Column about = Column.of("about", ColumnType.string(140), true);
        Table wanted = POST.withColumns(cols -> {
            cols.add(about);
            return cols;
        }).withForeignKeys(fks -> List.of());
        Changes changes = SchemaComparator.compare(new Schema(List.of(USER, wanted)), new Schema(List.of(USER, POST)));
        assertThat(changes.findings()).containsExactly("Detected added column 'post.about'",
                "Detected removed foreign key (user_id)(id) on table post");
        assertThat(changes.upgrade()).containsExactly(new AddColumn("post", about),
                new DropForeignKey("post", "fk_post_user_id_user"));
        assertThat(changes.downgrade()).containsExactly(new CreateForeignKey("post", POST_USER),
                new DropColumn("post", "about"));
    }

    @Test
    void aUniqueIndexMatchesAUniqueConstraintOnTheSameColumns() {
        Table asConstraint = USER.withIndexes(i -> List.of())
                .withUniqueConstraints(u -> List.of(new UniqueConstraint("uq_user_email", List.of("email"))));
        assertThat(SchemaComparator.compare(new Schema(List.of(asConstraint)), new Schema(List.of(USER))).isEmpty())
                .isTrue();
    }

    @Test
    void anIndexOverOtherColumnsIsReplaced() {
        Index moved = new Index("ix_user_email", "user", List.of("id", "email"), true);
        Changes changes = SchemaComparator.compare(new Schema(List.of(USER.withIndexes(i -> List.of(moved)))),
                new Schema(List.of(USER)));
        assertThat(changes.upgrade()).containsExactly(new DropIndex("ix_user_email", "user"), new CreateIndex(moved));
    }
}
