package microblog.migrate.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import microblog.db.url.DatabaseKind;
import microblog.migrate.dialect.MigrationDialect;
import microblog.migrate.operations.AddColumn;
import microblog.migrate.operations.AlterColumn;
import microblog.migrate.operations.AlterSequence;
import microblog.migrate.operations.CreateCheckConstraint;
import microblog.migrate.operations.CreateForeignKey;
import microblog.migrate.operations.CreateIndex;
import microblog.migrate.operations.CreateSequence;
import microblog.migrate.operations.CreateTable;
import microblog.migrate.operations.DropCheckConstraint;
import microblog.migrate.operations.DropColumn;
import microblog.migrate.operations.DropForeignKey;
import microblog.migrate.operations.DropIndex;
import microblog.migrate.operations.DropSequence;
import microblog.migrate.operations.DropTable;
import microblog.migrate.operations.RenameColumn;
import microblog.migrate.operations.RenameTable;
import microblog.migrate.schema.AllowedValues;
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
import org.junit.jupiter.api.Test;

class SchemaComparatorTest {
    private static final Column ID = Column.autoincrementKey("id", ColumnType.INTEGER);
    private static final Index IX_EMAIL = new Index("ix_user_email", "user", List.of("email"), true);
    private static final Table USER = new Table(
            "user", List.of(ID, Column.of("email", ColumnType.string(120))), List.of(), List.of(), List.of(IX_EMAIL));
    private static final ForeignKey POST_USER =
            new ForeignKey("fk_post_user_id_user", List.of("user_id"), "user", List.of("id"), null);
    private static final Table POST = new Table(
            "post", List.of(ID, Column.of("user_id", ColumnType.INTEGER)), List.of(), List.of(POST_USER), List.of());

    @Test
    void addedTablesComeReferencedFirstWithTheirIndexesAndInverses() {
        Changes changes = SchemaComparator.compare(new Schema(List.of(POST, USER)), Schema.empty());
        assertThat(changes.findings())
                .containsExactly(
                        "Detected added table 'user'",
                        "Detected added index 'ix_user_email' on '['email']'",
                        "Detected added table 'post'");
        assertThat(changes.upgrade())
                .containsExactly(
                        new CreateTable(USER.withIndexes(i -> List.of())),
                        new CreateIndex(IX_EMAIL),
                        new CreateTable(POST));
        assertThat(changes.downgrade())
                .as("a dropped table takes its indexes along")
                .containsExactly(new DropTable("post"), new DropTable("user"));
    }

    @Test
    void sequencesAreAddedAfterTheirTablesRemovedBeforeThemAndTheirIncrementFollowsTheModels() {
        Sequence postSeq = Sequence.of("post_seq", 1, 50).numbering("post", "id");
        Sequence userSeq = Sequence.of("user_seq", 1, 50).numbering("user", "id");
        Changes added =
                SchemaComparator.compare(new Schema(List.of(USER, POST), List.of(postSeq)), new Schema(List.of(USER)));
        assertThat(added.findings())
                .containsExactly("Detected added table 'post'", "Detected added sequence 'post_seq'");
        assertThat(added.upgrade()).containsExactly(new CreateTable(POST), new CreateSequence(postSeq));
        assertThat(added.downgrade())
                .as("the sequence goes before its table, which a new one reads to start above the keys")
                .containsExactly(new DropSequence("post_seq"), new DropTable("post"));

        Changes removed =
                SchemaComparator.compare(new Schema(List.of(USER)), new Schema(List.of(USER, POST), List.of(postSeq)));
        assertThat(removed.findings())
                .containsExactly("Detected removed sequence 'post_seq'", "Detected removed table 'post'");
        assertThat(removed.downgrade()).containsExactly(new CreateTable(POST), new CreateSequence(postSeq));

        Changes changed = SchemaComparator.compare(
                new Schema(List.of(USER), List.of(Sequence.of("user_seq", 1, 10))),
                new Schema(List.of(USER), List.of(userSeq.withIncrement(50))));
        assertThat(changed.findings())
                .containsExactly("Detected increment change from 50 to 10 on sequence 'user_seq'");
        assertThat(changed.upgrade()).containsExactly(new AlterSequence("user_seq", 50, 10));
        assertThat(changed.downgrade()).containsExactly(new AlterSequence("user_seq", 10, 50));

        assertThat(SchemaComparator.compare(
                                new Schema(List.of(USER), List.of(Sequence.of("user_seq", 1, 50))),
                                new Schema(List.of(USER), List.of(Sequence.of("user_seq", 401, 50))))
                        .isEmpty())
                .as("a start counts only when the sequence is made (one made for rows starts above them)")
                .isTrue();
    }

    @Test
    void checksListingValuesAreComparedByTheValuesWhateverTheirNameOrSpelling() {
        Table order = new Table(
                "shop_order", List.of(ID, Column.of("status", ColumnType.string(16))), List.of(), List.of(), List.of());
        CheckConstraint wanted = CheckConstraint.allowing(
                "ck_shop_order_status", new AllowedValues("status", List.of("NEW", "PAID"), false));
        Table model = order.withCheckConstraints(c -> List.of(wanted));
        CheckConstraint storedByPostgres = new CheckConstraint(
                "shop_order_status_check",
                "((status)::text = ANY ((ARRAY['PAID'::character varying, 'NEW'::character varying])::text[]))");
        Table live = order.withCheckConstraints(c -> List.of(storedByPostgres));
        assertThat(SchemaComparator.compare(new Schema(List.of(model)), new Schema(List.of(live)))
                        .isEmpty())
                .as("Hibernate's own name and PostgreSQL's words for the same values")
                .isTrue();

        Table narrower = order.withCheckConstraints(
                c -> List.of(new CheckConstraint("shop_order_status_check", "status in ('NEW')")));
        Changes changes = SchemaComparator.compare(new Schema(List.of(model)), new Schema(List.of(narrower)));
        assertThat(changes.findings())
                .containsExactly(
                        "Detected changed check constraint 'shop_order_status_check' on 'shop_order': added [PAID]");
        assertThat(changes.upgrade())
                .containsExactly(
                        new DropCheckConstraint("shop_order", "shop_order_status_check"),
                        new CreateCheckConstraint("shop_order", wanted));
        assertThat(changes.downgrade())
                .containsExactly(
                        new DropCheckConstraint("shop_order", "ck_shop_order_status"),
                        new CreateCheckConstraint(
                                "shop_order", new CheckConstraint("shop_order_status_check", "status in ('NEW')")));

        Table byHand = order.withCheckConstraints(c -> List.of(new CheckConstraint("ck_len", "length(status) > 2")));
        assertThat(SchemaComparator.compare(
                                new Schema(List.of(byHand.withCheckConstraints(
                                        c -> List.of(new CheckConstraint("ck_len", "length(status) > 3"))))),
                                new Schema(List.of(byHand)))
                        .isEmpty())
                .as("a condition of another shape is matched by name only (see the README's known limits)")
                .isTrue();
    }

    @Test
    void aKeyThatShouldBeGeneratedButIsNotIsAWarning() {
        Column plainKey = ID.withAutoincrement(false);
        Changes toIdentity = SchemaComparator.compare(
                new Schema(List.of(USER)),
                new Schema(List.of(USER.withColumn(plainKey)), List.of(Sequence.of("user_seq", 1, 50))));
        assertThat(toIdentity.upgrade()).containsExactly(new DropSequence("user_seq"));
        assertThat(toIdentity.warnings())
                .anyMatch(w -> w.startsWith(
                        "Column 'user.id' takes generated keys in the models (IDENTITY) but not " + "in the database"));
        Changes toSequence = SchemaComparator.compare(
                new Schema(List.of(USER.withColumn(plainKey)), List.of(Sequence.of("user_seq", 1, 50))),
                new Schema(List.of(USER)));
        assertThat(toSequence.upgrade()).containsExactly(new CreateSequence(Sequence.of("user_seq", 1, 50)));
        assertThat(toSequence.warnings()).isEmpty();
    }

    @Test
    void identicalSchemasHaveNoChanges() {
        Schema both = new Schema(List.of(USER, POST));
        assertThat(SchemaComparator.compare(both, both).isEmpty()).isTrue();
    }

    @Test
    void removedTablesAreDroppedReferencingFirstAndRecreatedOnDowngrade() {
        Changes changes = SchemaComparator.compare(Schema.empty(), new Schema(List.of(USER, POST)));
        assertThat(changes.upgrade()).containsExactly(new DropTable("post"), new DropTable("user"));
        assertThat(changes.downgrade())
                .containsExactly(
                        new CreateTable(USER.withIndexes(i -> List.of())),
                        new CreateIndex(IX_EMAIL),
                        new CreateTable(POST));
    }

    @Test
    void columnsAndForeignKeysOnExistingTables() {
        Column about = Column.of("about", ColumnType.string(140));
        Table wanted = POST.withColumns(cols -> {
                    cols.add(about);
                    return cols;
                })
                .withForeignKeys(fks -> List.of());
        Changes changes = SchemaComparator.compare(new Schema(List.of(USER, wanted)), new Schema(List.of(USER, POST)));
        assertThat(changes.findings())
                .containsExactly(
                        "Detected removed foreign key (user_id)(id) on table post",
                        "Detected added column 'post.about'");
        assertThat(changes.upgrade())
                .containsExactly(new DropForeignKey("post", "fk_post_user_id_user"), new AddColumn("post", about));
        assertThat(changes.downgrade())
                .containsExactly(new DropColumn("post", "about"), new CreateForeignKey("post", POST_USER));
    }

    @Test
    void aUniqueIndexMatchesAUniqueConstraintOnTheSameColumns() {
        Table asConstraint = USER.withIndexes(i -> List.of())
                .withUniqueConstraints(u -> List.of(new UniqueConstraint("uq_user_email", List.of("email"))));
        assertThat(SchemaComparator.compare(new Schema(List.of(asConstraint)), new Schema(List.of(USER)))
                        .isEmpty())
                .isTrue();
    }

    @Test
    void anIndexOverOtherColumnsIsReplaced() {
        Index moved = new Index("ix_user_email", "user", List.of("id", "email"), true);
        Changes changes = SchemaComparator.compare(
                new Schema(List.of(USER.withIndexes(i -> List.of(moved)))), new Schema(List.of(USER)));
        assertThat(changes.upgrade()).containsExactly(new DropIndex("ix_user_email", "user"), new CreateIndex(moved));
    }

    @Test
    void changedTypeNullabilityAndDefaultMakeOneAlterColumnWithItsInverse() {
        Column email = Column.of("email", ColumnType.string(120));
        Column wanted = Column.of("email", ColumnType.string(200)).notNull().withServerDefault("'none'");
        Changes changes = SchemaComparator.compare(
                new Schema(List.of(USER.withColumn(wanted))), new Schema(List.of(USER.withColumn(email))));
        assertThat(changes.findings())
                .containsExactly(
                        "Detected type change from String(120) to String(200) on 'user.email'",
                        "Detected NOT NULL on column 'user.email'",
                        "Detected server default 'none' on column 'user.email'");
        assertThat(changes.upgrade()).containsExactly(new AlterColumn("user", email, wanted));
        assertThat(changes.downgrade()).containsExactly(new AlterColumn("user", wanted, email));
        assertThat(changes.warnings()).singleElement().asString().contains("makes column 'user.email' NOT NULL");
    }

    @Test
    void aChangedOnDeleteActionReplacesTheForeignKey() {
        ForeignKey cascading =
                new ForeignKey("fk_post_user_id_user", List.of("user_id"), "user", List.of("id"), "CASCADE");
        Changes changes = SchemaComparator.compare(
                new Schema(List.of(USER, POST.withForeignKeys(fks -> List.of(cascading)))),
                new Schema(List.of(USER, POST)));
        assertThat(changes.upgrade())
                .containsExactly(
                        new DropForeignKey("post", "fk_post_user_id_user"), new CreateForeignKey("post", cascading));
        assertThat(changes.downgrade())
                .containsExactly(
                        new DropForeignKey("post", "fk_post_user_id_user"), new CreateForeignKey("post", POST_USER));
    }

    @Test
    void typesAreComparedAsTheDatabaseStoresThem() {
        Column bigKey = Column.autoincrementKey("id", ColumnType.of(GenericType.BIG_INTEGER));
        Schema wanted = new Schema(List.of(USER.withColumn(bigKey)));
        Schema sqliteHas = new Schema(List.of(USER)); // SQLite generates keys only for INTEGER PRIMARY KEY
        ComparisonRules sqlite =
                new ComparisonRules(Renames.NONE, MigrationDialect.forKind(DatabaseKind.SQLITE)::storedType);
        ComparisonRules postgres =
                new ComparisonRules(Renames.NONE, MigrationDialect.forKind(DatabaseKind.POSTGRESQL)::storedType);
        assertThat(SchemaComparator.compare(wanted, sqliteHas, sqlite).isEmpty())
                .isTrue();
        assertThat(SchemaComparator.compare(wanted, sqliteHas, postgres).findings())
                .containsExactly("Detected type change from Integer to BigInteger on 'user.id'");
    }

    @Test
    void declaredRenamesKeepTheDataAndTheirNeighboursAreComparedAfterThem() {
        Table account = new Table(
                "account",
                List.of(ID, Column.of("mail", ColumnType.string(200))),
                List.of(),
                List.of(),
                List.of(new Index("ix_user_email", "account", List.of("mail"), true)));
        ForeignKey toAccount =
                new ForeignKey("fk_post_user_id_account", List.of("user_id"), "account", List.of("id"), null);
        Renames renames = new Renames(
                java.util.Map.of("account", List.of("user")), java.util.Map.of("account.mail", List.of("email")));
        Changes changes = SchemaComparator.compare(
                new Schema(List.of(account, POST.withForeignKeys(fks -> List.of(toAccount)))),
                new Schema(List.of(USER, POST)),
                new ComparisonRules(renames, Column::type));
        assertThat(changes.upgrade())
                .containsExactly(
                        new RenameTable("user", "account"),
                        new RenameColumn("account", "email", "mail"),
                        new AlterColumn(
                                "account",
                                Column.of("mail", ColumnType.string(120)),
                                Column.of("mail", ColumnType.string(200))));
        assertThat(changes.downgrade())
                .containsExactly(
                        new AlterColumn(
                                "account",
                                Column.of("mail", ColumnType.string(200)),
                                Column.of("mail", ColumnType.string(120))),
                        new RenameColumn("account", "mail", "email"),
                        new RenameTable("account", "user"));
    }

    @Test
    void anUndeclaredDropAndAddOfOneTypeIsFlaggedAsALikelyRename() {
        Column login = Column.of("login", ColumnType.string(120));
        Changes changes = SchemaComparator.compare(
                new Schema(List.of(
                        USER.withoutColumn("email").withIndexes(i -> List.of()).withColumns(c -> add(c, login)))),
                new Schema(List.of(USER.withIndexes(i -> List.of()))));
        assertThat(changes.upgrade()).containsExactly(new AddColumn("user", login), new DropColumn("user", "email"));
        assertThat(changes.warnings())
                .anySatisfy(w -> assertThat(w).contains("@RenamedFrom(\"email\")"))
                .anySatisfy(w -> assertThat(w).contains("drops column 'user.email'"));
    }

    private static <T> List<T> add(List<T> items, T item) {
        items.add(item);
        return items;
    }

    @Test
    void conventionalNamesFitEveryDatabaseAndStayUnique() {
        String table = "a_table_with_a_rather_long_name_indeed";
        String one = ForeignKey.conventionalName(table, List.of("first_owner_id", "second_owner_id"), table);
        String other = ForeignKey.conventionalName(table, List.of("first_owner_id", "third_owner_id"), table);
        assertThat(one).hasSizeLessThanOrEqualTo(63).startsWith("fk_" + table).isNotEqualTo(other);
        assertThat(ForeignKey.conventionalName("post", List.of("user_id"), "user"))
                .isEqualTo("fk_post_user_id_user");
    }

    @Test
    void aDeclaredRenameFromAColumnThatIsNotThereIsPointedOut() {
        Column login = Column.of("login", ColumnType.string(120));
        Renames typo = new Renames(java.util.Map.of(), java.util.Map.of("user.login", List.of("emial")));
        Changes changes = SchemaComparator.compare(
                new Schema(List.of(USER.withColumns(c -> add(c, login)))),
                new Schema(List.of(USER)),
                new ComparisonRules(typo, Column::type));
        assertThat(changes.upgrade()).containsExactly(new AddColumn("user", login));
        assertThat(changes.warnings())
                .containsExactly("@RenamedFrom([emial]) on 'user.login' names no column of "
                        + "'user': check the spelling; 'login' is added as a new column");
    }
}
