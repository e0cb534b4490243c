package microblog.migrate.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import microblog.db.url.DatabaseKind;
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
import microblog.migrate.operations.OperationVisitor;
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
import microblog.migrate.schema.SchemaCatalog;
import microblog.migrate.schema.Sequence;
import microblog.migrate.schema.Table;
import microblog.migrate.schema.UniqueConstraint;

/**
 * What migrations need said about one database: the SQL each operation becomes (the shared shape
 * is standard SQL; subclasses supply type names, quoting and what their database spells
 * differently), what keeps two migrations apart, and how the database's catalogue reads
 * ({@link #catalog()}).
 *
 * <p>Written here rather than taken from Hibernate's dialects because the commands that apply
 * revisions must not boot Hibernate (start-up time), and because Hibernate's own schema export
 * leaves out SQLite foreign keys and named unique constraints.
 */
public abstract class MigrationDialect {

    private static final MigrationDialect SQLITE = new SqliteMigrationDialect();
    private static final MigrationDialect POSTGRESQL = new PostgresMigrationDialect();
    private static final MigrationDialect MYSQL = new MysqlMigrationDialect();
    private static final MigrationDialect H2 = new H2MigrationDialect();

    /** The renderer for {@code kind}; renderers keep no state, so one each serves every caller. */
    public static MigrationDialect forKind(DatabaseKind kind) {
        return switch (kind) {
            case SQLITE -> SQLITE;
            case POSTGRESQL -> POSTGRESQL;
            case MYSQL -> MYSQL;
            case H2 -> H2;
        };
    }

    public abstract DatabaseKind kind();

    /** How this database describes its schema to the schema reader. */
    public abstract SchemaCatalog catalog();

    /**
     * The database's clock in milliseconds since 1970 as a SQL expression, which the migration
     * lease ({@code microblog.migrate.runtime.MigrationLease}) dates itself by, so that the clocks
     * of the processes taking it never need to agree; empty where migrations are kept apart
     * another way ({@link #awaitWriters}).
     */
    public Optional<String> leaseClockSql() {
        return Optional.empty();
    }

    /**
     * A query for this session's id, recorded with a revision's progress where schema changes
     * commit one at a time, so that a later run can find a statement the stopped one left
     * running ({@link #runningStatementSql}); empty where there is none to find.
     */
    public Optional<String> sessionIdSql() {
        return Optional.empty();
    }

    /**
     * A query, with the session id as its one parameter, giving the statement that session is
     * still running (columns: seconds running, statement text), no row when it runs none.
     */
    public Optional<String> runningStatementSql() {
        return Optional.empty();
    }

    /** Whether {@code e} says a wait for the database's lock ran out (SQLite's busy timeout). */
    public boolean isLockWaitTimeout(SQLException e) {
        return false;
    }

    /** What follows the closing parenthesis of this tool's own tables' CREATE TABLE. */
    public String bookkeepingTableOptions() {
        return "";
    }

    /**
     * Statements that make {@code connection}'s reads see every commit the cluster made before
     * them (Galera's {@code wsrep_sync_wait}); none on a single server.
     */
    public List<String> readYourWritesSql(Connection connection) throws SQLException {
        return List.of();
    }

    /**
     * Where there is no lease ({@link #leaseClockSql}), waits as long as {@code timeout} for other migrations of
     * {@code versionTable} by this database's own means, or readies {@code connection} to; returns
     * what releases them.
     */
    public Runnable awaitWriters(Connection connection, Duration timeout, String versionTable) throws SQLException {
        return () -> {};
    }

    /** The key for this database in {@code execute} operations: sqlite, postgresql or mysql. */
    public String key() {
        return kind().name().toLowerCase(Locale.ROOT);
    }

    /**
     * Quotes every identifier: names made by the snake_case strategy are lower
     * case, so quoting never changes their meaning, and it makes reserved words
     * such as {@code user} safe on every database.
     */
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    protected abstract String typeSql(ColumnType type);

    /** SQL for the current UTC time as ISO-8601 text, such as {@code 2026-11-25T17:20:00.123456Z}. */
    public String utcTimestampText() {
        return "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
    }

    /** SQL for the length in characters of {@code expression}. */
    public String charLength(String expression) {
        return "CHAR_LENGTH(" + expression + ")";
    }

    /** The statements for {@code operation}, in order. */
    public List<String> render(Operation operation, TableLookup tables) {
        return operation.accept(new Rendering(tables));
    }

    /**
     * How many of {@code operations}, from {@code start}, this database renders
     * together in {@link #renderTogether} (at least the one at {@code start}):
     * where a step rebuilds its table (SQLite), a run of them on one table
     * shares one rebuild.
     */
    public int renderedTogether(List<Operation> operations, int start) {
        return 1;
    }

    /** The statements of {@code operations}, a run {@link #renderedTogether} counted. */
    public List<String> renderTogether(List<Operation> operations, TableLookup tables) {
        List<String> sql = new ArrayList<>();
        operations.forEach(op -> sql.addAll(render(op, tables)));
        return sql;
    }

    /**
     * Statements to run before a revision's transaction begins and after it
     * ends, for settings that cannot change inside one (SQLite's foreign_keys).
     */
    public List<String> beforeRevision() {
        return List.of();
    }

    public List<String> afterRevision() {
        return List.of();
    }

    /**
     * A query listing rows that break a foreign key (columns {@code table},
     * {@code rowid}, {@code parent}), run before commit where foreign keys
     * were off during the revision; none where they never are.
     */
    public Optional<String> foreignKeyCheckSql() {
        return Optional.empty();
    }

    /** Dispatches each operation to the method that renders it. */
    private final class Rendering implements OperationVisitor<List<String>> {
        private final TableLookup tables;

        Rendering(TableLookup tables) {
            this.tables = tables;
        }

        @Override
        public List<String> createTable(CreateTable op) {
            return List.of(MigrationDialect.this.createTable(op.table()));
        }

        @Override
        public List<String> dropTable(DropTable op) {
            return List.of("DROP TABLE " + quote(op.table()));
        }

        @Override
        public List<String> renameTable(RenameTable op) {
            return MigrationDialect.this.renameTable(op, tables);
        }

        @Override
        public List<String> addColumn(AddColumn op) {
            return MigrationDialect.this.addColumn(op, tables);
        }

        @Override
        public List<String> dropColumn(DropColumn op) {
            return MigrationDialect.this.dropColumn(op, tables);
        }

        @Override
        public List<String> alterColumn(AlterColumn op) {
            return MigrationDialect.this.alterColumn(
                    currentColumn(op, tables).map(op::against).orElse(op), tables);
        }

        @Override
        public List<String> renameColumn(RenameColumn op) {
            return List.of("ALTER TABLE " + quote(op.table()) + " RENAME COLUMN " + quote(op.from()) + " TO "
                    + quote(op.to()));
        }

        @Override
        public List<String> createIndex(CreateIndex op) {
            return makesIndex(op.index()) ? List.of(MigrationDialect.this.createIndex(op.index())) : List.of();
        }

        /**
         * Where expression and partial indexes cannot be made, their create_index
         * did nothing: so does their drop_index. The index is looked up as the
         * earlier operations left it (offline: there, not plain) or as the
         * database has it (online: the table is, the index never was).
         */
        @Override
        public List<String> dropIndex(DropIndex op) {
            boolean neverMade = !makesExpressionAndPartialIndexes()
                    && tables.table(op.table())
                            .map(t -> t.indexes().stream()
                                    .filter(ix -> ix.name().equals(op.name()))
                                    .findFirst()
                                    .map(ix -> !ix.isPlain())
                                    .orElse(true))
                            .orElse(false);
            return neverMade ? List.of() : MigrationDialect.this.dropIndex(op, tables);
        }

        @Override
        public List<String> renameIndex(RenameIndex op) {
            return MigrationDialect.this.renameIndex(op, tables);
        }

        @Override
        public List<String> createForeignKey(CreateForeignKey op) {
            return MigrationDialect.this.createForeignKey(op, tables);
        }

        @Override
        public List<String> dropForeignKey(DropForeignKey op) {
            return MigrationDialect.this.dropForeignKey(op, tables);
        }

        @Override
        public List<String> createUniqueConstraint(CreateUniqueConstraint op) {
            return createUnique(op, tables);
        }

        @Override
        public List<String> dropUniqueConstraint(DropUniqueConstraint op) {
            return dropUnique(op, tables);
        }

        @Override
        public List<String> createCheckConstraint(CreateCheckConstraint op) {
            return createCheck(op, tables);
        }

        @Override
        public List<String> dropCheckConstraint(DropCheckConstraint op) {
            return dropCheck(op, tables);
        }

        @Override
        public List<String> createSequence(CreateSequence op) {
            return MigrationDialect.this.createSequence(op.sequence());
        }

        @Override
        public List<String> dropSequence(DropSequence op) {
            return MigrationDialect.this.dropSequence(op.name());
        }

        @Override
        public List<String> alterSequence(AlterSequence op) {
            return MigrationDialect.this.alterSequence(op, tables);
        }

        @Override
        public List<String> execute(ExecuteSql op) {
            return List.of(op.sqlFor(key())
                    .orElseThrow(() -> new MigrationException("an execute gives no SQL for " + kind().displayName()
                            + ": add a '" + key() + ":' variant, or 'sql:' for every database")));
        }
    }

    protected String createTable(Table table) {
        List<String> parts = new ArrayList<>();
        table.columns().forEach(c -> parts.add(columnDefinition(c)));
        if (!table.primaryKey().isEmpty() && !primaryKeyIsInline(table)) {
            parts.add("PRIMARY KEY (" + columnList(table.primaryKey()) + ")");
        }
        table.uniqueConstraints().forEach(u -> parts.add(uniqueClause(u)));
        table.foreignKeys().forEach(fk -> parts.add(foreignKeyClause(fk)));
        table.checkConstraints().forEach(check -> parts.add(checkClause(check)));
        return "CREATE TABLE " + quote(table.name()) + " (\n    " + String.join(",\n    ", parts) + "\n)"
                + tableSuffix();
    }

    /** Whether the primary key is part of the column definition rather than a table constraint. */
    protected boolean primaryKeyIsInline(Table table) {
        return false;
    }

    protected String tableSuffix() {
        return "";
    }

    /** The SQL type {@code column} is declared with here. */
    protected String columnTypeSql(Column column) {
        return typeSql(column.type());
    }

    /**
     * The type {@code column} reads back as once this database stores it: what
     * autogenerate compares, so that a database's own spelling is not drift.
     */
    public ColumnType storedType(Column column) {
        return ColumnType.fromSql(catalog(), columnTypeSql(column));
    }

    protected String columnDefinition(Column column) {
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(columnTypeSql(column));
        if (column.autoincrement()) {
            sql.append(autoincrementClause());
        }
        if (column.serverDefault() != null) {
            sql.append(" DEFAULT ").append(column.serverDefault());
        }
        if (!column.nullable()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    /** What makes a column take generated keys; empty where the key type alone does it. */
    protected String autoincrementClause() {
        return "";
    }

    protected String uniqueClause(UniqueConstraint unique) {
        return "CONSTRAINT " + quote(unique.name()) + " UNIQUE (" + columnList(unique.columns()) + ")";
    }

    protected String checkClause(CheckConstraint check) {
        return "CONSTRAINT " + quote(check.name()) + " CHECK (" + checkCondition(check) + ")";
    }

    /** A check's condition in this database's SQL: its expression, or its allowed values in this quoting. */
    public String checkCondition(CheckConstraint check) {
        AllowedValues allowed = check.allowedValues();
        if (allowed == null) {
            return check.expression();
        }
        List<String> values = allowed.numeric()
                ? allowed.values()
                : allowed.values().stream().map(SqlLiterals::string).toList();
        return quote(allowed.column()) + " IN (" + String.join(", ", values) + ")";
    }

    protected List<String> createCheck(CreateCheckConstraint op, TableLookup tables) {
        return List.of("ALTER TABLE " + quote(op.table()) + " ADD " + checkClause(op.constraint()));
    }

    protected List<String> dropCheck(DropCheckConstraint op, TableLookup tables) {
        return List.of("ALTER TABLE " + quote(op.table()) + " DROP CONSTRAINT " + quote(op.name()));
    }

    /**
     * {@code drop}, the statement dropping index or unique constraint {@code index},
     * between dropping and adding again the foreign keys whose columns lead it:
     * for the databases that let a foreign key take over an index it can use
     * (InnoDB refuses to drop it; H2 keeps it, unique, for the key). Added again,
     * each key gets an index of its own, which the catalogue knows for the
     * key's and does not report.
     */
    protected List<String> keepingForeignKeys(String table, String index, TableLookup tables, String drop) {
        List<ForeignKey> served =
                tables.table(table).map(t -> foreignKeysLeading(t, index)).orElse(List.of());
        List<String> sql = new ArrayList<>();
        served.forEach(fk -> sql.addAll(dropForeignKey(new DropForeignKey(table, fk.name()), tables)));
        sql.add(drop);
        served.forEach(fk -> sql.add("ALTER TABLE " + quote(table) + " ADD " + foreignKeyClause(fk)));
        return sql;
    }

    /** The foreign keys of {@code table} whose columns are the first columns of its index or unique {@code name}. */
    private static List<ForeignKey> foreignKeysLeading(Table table, String name) {
        Optional<List<String>> columns = table.indexes().stream()
                .filter(ix -> ix.name().equals(name))
                .map(Index::columns)
                .findFirst()
                .or(() -> table.uniqueConstraints().stream()
                        .filter(u -> u.name().equals(name))
                        .map(UniqueConstraint::columns)
                        .findFirst());
        return columns.map(indexed -> table.foreignKeys().stream()
                        .filter(fk -> indexed.size() >= fk.columns().size()
                                && indexed.subList(0, fk.columns().size()).equals(fk.columns()))
                        .toList())
                .orElse(List.of());
    }

    protected String foreignKeyClause(ForeignKey fk) {
        return "CONSTRAINT " + quote(fk.name()) + " FOREIGN KEY (" + columnList(fk.columns()) + ") REFERENCES "
                + quote(fk.referredTable()) + " (" + columnList(fk.referredColumns()) + ")"
                + (fk.onDelete() == null ? "" : " ON DELETE " + fk.onDelete());
    }

    protected String createIndex(Index index) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON "
                + quote(index.table()) + " ("
                + (index.expression() != null ? index.expression() : columnList(index.columns())) + ")"
                + (index.where() != null ? " WHERE " + index.where() : "");
    }

    /** Whether this database has indexes on expressions and partial indexes (PostgreSQL and SQLite do). */
    public boolean makesExpressionAndPartialIndexes() {
        return true;
    }

    /** Whether this database can make {@code index}; a create_index of one it cannot does nothing here. */
    public boolean makesIndex(Index index) {
        return index.isPlain() || makesExpressionAndPartialIndexes();
    }

    protected List<String> dropIndex(DropIndex op, TableLookup tables) {
        return List.of("DROP INDEX " + quote(op.name()));
    }

    protected List<String> addColumn(AddColumn op, TableLookup tables) {
        return List.of("ALTER TABLE " + quote(op.table()) + " ADD COLUMN " + columnDefinition(op.column()));
    }

    /**
     * Renames the table in place, and the foreign keys and unique constraints
     * named by the convention after it (see {@link ConstraintRenames}). Indexes
     * keep their names; if the models name them after the new table,
     * autogenerate renames them with rename_index.
     */
    protected List<String> renameTable(RenameTable op, TableLookup tables) {
        ConstraintRenames renames = ConstraintRenames.of(op, tables);
        List<String> sql = new ArrayList<>();
        sql.add("ALTER TABLE " + quote(op.from()) + " RENAME TO " + quote(op.to()));
        renames.foreignKeys().forEach(key -> sql.addAll(renameForeignKey(key.table(), key.before(), key.after())));
        renames.uniques().forEach(unique -> sql.addAll(renameUnique(unique.table(), unique.before(), unique.after())));
        return sql;
    }

    protected List<String> renameForeignKey(String table, ForeignKey before, ForeignKey after) {
        return List.of(renameConstraint(table, before.name(), after.name()));
    }

    protected List<String> renameUnique(String table, UniqueConstraint before, UniqueConstraint after) {
        return List.of(renameConstraint(table, before.name(), after.name()));
    }

    private String renameConstraint(String table, String from, String to) {
        return "ALTER TABLE " + quote(table) + " RENAME CONSTRAINT " + quote(from) + " TO " + quote(to);
    }

    protected List<String> renameIndex(RenameIndex op, TableLookup tables) {
        return List.of("ALTER INDEX " + quote(op.from()) + " RENAME TO " + quote(op.to()));
    }

    /**
     * The column an alter_column changes, as the database (or, offline, the
     * revisions so far) has it; empty where that cannot be known here.
     */
    private static Optional<Column> currentColumn(AlterColumn op, TableLookup tables) {
        try {
            return tables.table(op.table()).flatMap(t -> t.column(op.column()));
        } catch (MigrationException e) { // offline, after hand-written DDL: the revision's own 'from' must do
            return Optional.empty();
        }
    }

    /**
     * Where a String is narrowed, the values that no longer fit are first cut
     * to the new length: that is the loss {@code --accept-data-loss} accepts
     * (the runner refuses it otherwise), the same on every database, where
     * PostgreSQL and MySQL would reject the change and SQLite keep the values.
     */
    protected Optional<String> fitValues(AlterColumn op) {
        ColumnType from = op.from().type();
        ColumnType to = op.to().type();
        if (!op.changesType() || to.holdsAllOf(from) || !from.generic().isText() || !to.isBoundedString()) {
            return Optional.empty();
        }
        String column = quote(op.column());
        return Optional.of("UPDATE " + quote(op.table()) + " SET " + column + " = SUBSTR(" + column + ", 1, "
                + to.length() + ") WHERE " + charLength(column) + " > " + to.length());
    }

    /**
     * Where a Numeric keeps fewer decimals, its values rounded to them once the
     * column has its new type (before, a value rounding up could overflow the
     * old one): PostgreSQL, MySQL and H2 have already rounded them so, SQLite,
     * which enforces no precision, has not; the same loss as for Strings.
     */
    protected Optional<String> roundValues(AlterColumn op) {
        if (!op.changesType() || !fewerDecimals(op.from().type(), op.to().type())) {
            return Optional.empty();
        }
        String column = quote(op.column());
        String rounded = "ROUND(" + column + ", " + scaleOf(op.to().type()) + ")";
        return Optional.of("UPDATE " + quote(op.table()) + " SET " + column + " = " + rounded + " WHERE " + column
                + " <> " + rounded);
    }

    /** Whether a Numeric keeps fewer digits after the point than it did. */
    public static boolean fewerDecimals(ColumnType from, ColumnType to) {
        return from.generic() == GenericType.NUMERIC
                && to.generic() == GenericType.NUMERIC
                && scaleOf(to) < scaleOf(from);
    }

    private static int scaleOf(ColumnType numeric) {
        return numeric.scale() == null ? 0 : numeric.scale();
    }

    /** Standard SQL, as PostgreSQL speaks it: one clause per changed property. */
    protected List<String> alterColumn(AlterColumn op, TableLookup tables) {
        String prefix = "ALTER TABLE " + quote(op.table()) + " ALTER COLUMN " + quote(op.column());
        List<String> sql = new ArrayList<>();
        fitValues(op).ifPresent(sql::add);
        if (op.changesServerDefault() && op.from().serverDefault() != null) {
            sql.add(prefix + " DROP DEFAULT");
        }
        if (op.changesType()) {
            sql.add(prefix + " TYPE " + typeSql(op.to().type()) + typeConversion(op));
            roundValues(op).ifPresent(sql::add);
        }
        if (op.changesNullability()) {
            sql.add(prefix + (op.to().nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
        }
        if (op.changesServerDefault() && op.to().serverDefault() != null) {
            sql.add(prefix + " SET DEFAULT " + op.to().serverDefault());
        }
        return sql;
    }

    /** A USING clause where the database will not convert the old values by itself. */
    protected String typeConversion(AlterColumn op) {
        return "";
    }

    protected List<String> dropColumn(DropColumn op, TableLookup tables) {
        return List.of("ALTER TABLE " + quote(op.table()) + " DROP COLUMN " + quote(op.column()));
    }

    protected List<String> createForeignKey(CreateForeignKey op, TableLookup tables) {
        return List.of("ALTER TABLE " + quote(op.table()) + " ADD " + foreignKeyClause(op.foreignKey()));
    }

    protected List<String> dropForeignKey(DropForeignKey op, TableLookup tables) {
        return List.of("ALTER TABLE " + quote(op.table()) + " DROP CONSTRAINT " + quote(op.name()));
    }

    protected List<String> createUnique(CreateUniqueConstraint op, TableLookup tables) {
        return List.of("ALTER TABLE " + quote(op.table()) + " ADD " + uniqueClause(op.constraint()));
    }

    protected List<String> dropUnique(DropUniqueConstraint op, TableLookup tables) {
        return List.of("ALTER TABLE " + quote(op.table()) + " DROP CONSTRAINT " + quote(op.name()));
    }

    // ---- sequences ----

    /** The sequence, then, where it numbers a column that may hold values already, its start raised above them. */
    protected List<String> createSequence(Sequence sequence) {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE SEQUENCE " + quote(sequence.name()) + " START WITH " + sequence.start() + " INCREMENT BY "
                + sequence.increment());
        if (sequence.numbersAColumn() && sequence.increment() > 0) {
            sql.addAll(startAboveKeys(sequence));
        }
        return sql;
    }

    /**
     * Makes the next value of a sequence just created {@link #firstFreeValue}. Standard SQL has no
     * such statement: this is PostgreSQL's {@code setval}, whose {@code false} makes the value the
     * next one handed out.
     */
    protected List<String> startAboveKeys(Sequence sequence) {
        return List.of("SELECT setval(" + SqlLiterals.string(quote(sequence.name())) + ", " + firstFreeValue(sequence)
                + ", false) FROM " + quote(sequence.table()));
    }

    /**
     * SQL for the value a new sequence must hand out first, read from its table: the largest key
     * plus one increment, or the declared start where that is higher (as on an empty table).
     * Hibernate's pooled optimizer takes the increment's worth of ids ending at each value it
     * fetches, so one past the largest key would hand out keys already taken.
     */
    protected String firstFreeValue(Sequence sequence) {
        return greatest(
                "COALESCE(MAX(" + quote(sequence.column()) + ") + " + sequence.increment() + ", " + sequence.start()
                        + ")",
                String.valueOf(sequence.start()));
    }

    /** SQL for the larger of two values. */
    protected String greatest(String a, String b) {
        return "GREATEST(" + a + ", " + b + ")";
    }

    protected List<String> dropSequence(String name) {
        return List.of("DROP SEQUENCE " + quote(name));
    }

    /**
     * A new increment, with the next value handed out moved by the change where the sequence has
     * not read it yet, so that the keys Hibernate takes below it start just above those handed out.
     * PostgreSQL's next value is the last one plus the new increment once one was read; before
     * that (a sequence started above its table's keys and not used since), it is moved here. A
     * sequence still at its start was never used: Hibernate takes its keys from the start up.
     */
    protected List<String> alterSequence(AlterSequence op, TableLookup tables) {
        String name = quote(op.name());
        long shift = op.toIncrement() - currentIncrement(op, tables);
        List<String> sql = new ArrayList<>();
        sql.add("ALTER SEQUENCE " + name + " INCREMENT BY " + op.toIncrement());
        if (shift != 0) {
            sql.add("SELECT setval(" + SqlLiterals.string(name) + ", last_value + " + shift + ", false) FROM " + name
                    + " WHERE NOT is_called AND last_value <> (SELECT seqstart FROM pg_sequence WHERE seqrelid = "
                    + SqlLiterals.string(name) + "::regclass)");
        }
        return sql;
    }

    /** The increment the sequence has now, where it can be known; else the one the revision says it had. */
    protected static long currentIncrement(AlterSequence op, TableLookup tables) {
        return tables.sequence(op.name()).map(Sequence::increment).orElse(op.fromIncrement());
    }

    /**
     * SQL for a sequence's next value {@code next} moved by {@code shift}, unless it is still the
     * start {@code start} (never read: Hibernate hands out keys from the start up).
     */
    protected static String shiftedUnlessAtStart(String next, String start, long shift) {
        return "CASE WHEN " + next + " = " + start + " THEN " + next + " ELSE " + next + " + " + shift + " END";
    }

    protected String columnList(List<String> columns) {
        return columns.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    /** Type names shared by most databases; subclasses override what differs. */
    protected String standardType(ColumnType type) {
        return switch (type.generic()) {
            case INTEGER -> "INTEGER";
            case BIG_INTEGER -> "BIGINT";
            case SMALL_INTEGER -> "SMALLINT";
            case STRING -> type.length() == null ? "VARCHAR" : "VARCHAR(" + type.length() + ")";
            case TEXT -> "TEXT";
            case BOOLEAN -> "BOOLEAN";
            case DATE_TIME -> type.timezone() ? "TIMESTAMP WITH TIME ZONE" : "DATETIME";
            case DATE -> "DATE";
            case TIME -> "TIME";
            case FLOAT -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case NUMERIC -> type.precision() == null
                    ? "NUMERIC"
                    : "NUMERIC(" + type.precision() + (type.scale() == null ? "" : ", " + type.scale()) + ")";
            case LARGE_BINARY -> "BLOB";
                // SQLite keeps any declared name, so UUID reads back as one; the 16 bytes Hibernate writes stay a blob.
            case UUID -> "UUID";
        };
    }
}
