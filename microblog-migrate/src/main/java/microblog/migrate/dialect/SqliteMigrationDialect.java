package microblog.migrate.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import microblog.db.url.DatabaseKind;
import microblog.migrate.MigrationException;
import microblog.migrate.operations.AddColumn;
import microblog.migrate.operations.AlterColumn;
import microblog.migrate.operations.AlterSequence;
import microblog.migrate.operations.CreateCheckConstraint;
import microblog.migrate.operations.CreateForeignKey;
import microblog.migrate.operations.CreateUniqueConstraint;
import microblog.migrate.operations.DropCheckConstraint;
import microblog.migrate.operations.DropColumn;
import microblog.migrate.operations.DropForeignKey;
import microblog.migrate.operations.DropUniqueConstraint;
import microblog.migrate.operations.Operation;
import microblog.migrate.operations.RenameIndex;
import microblog.migrate.operations.RenameTable;
import microblog.migrate.schema.CheckConstraint;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.ColumnType;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.Index;
import microblog.migrate.schema.SchemaCatalog;
import microblog.migrate.schema.Sequence;
import microblog.migrate.schema.StoredDefinitions;
import microblog.migrate.schema.Table;
import microblog.migrate.schema.UniqueConstraint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite: what its ALTER TABLE cannot do (constraints, dropping or changing a
 * column) becomes the table rebuild SQLite's documentation prescribes for a
 * general ALTER TABLE: create the new shape, copy the rows, drop the old table,
 * rename the new one, then recreate the table's indexes and triggers from the
 * statements SQLite stored for them.
 *
 * <p>Foreign keys are switched off around the revision's transaction (the
 * pragma is ignored inside one), so dropping the old table neither fails nor
 * cascades to the rows that refer to it; the runner runs
 * {@code PRAGMA foreign_key_check} before it commits. The rename runs with
 * {@code legacy_alter_table} on, so views over the table are left as written
 * instead of failing the rename while the table is briefly missing.
 */
final class SqliteMigrationDialect extends MigrationDialect {
    /** What SQLite's ADD COLUMN takes as a default only on an empty table (see its ALTER TABLE page). */
    private static final Pattern NON_CONSTANT_DEFAULT =
            Pattern.compile("^\\s*(\\(|current_(time|date|timestamp)\\b)", Pattern.CASE_INSENSITIVE);

    private static final Logger log = LoggerFactory.getLogger("microblog.migrate.runtime.MigrationLock");
    private static final SchemaCatalog CATALOG = new SqliteCatalog();

    static final String TEMPORARY_PREFIX = "_migrate_tmp_";
    /** The name in a stored CREATE INDEX, quoted in any of SQLite's ways or bare. */
    private static final Pattern INDEX_NAME = Pattern.compile(
            "^(\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?)(\"(?:[^\"]|\"\")+\"|`[^`]+`|\\[[^\\]]+]|\\S+)",
            Pattern.CASE_INSENSITIVE);

    @Override
    public DatabaseKind kind() {
        return DatabaseKind.SQLITE;
    }

    @Override
    public SchemaCatalog catalog() {
        return CATALOG;
    }

    /**
     * SQLite's write lock is the migration lock (see {@code MigrationLock}): a revision's
     * transaction waits for it as long as {@code timeout}, however long another process's revision
     * runs, rather than the connection's usual busy timeout; and if it is taken now, the wait is
     * announced.
     */
    @Override
    public Runnable awaitWriters(Connection connection, Duration timeout, String versionTable) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA busy_timeout = 0");
            try {
                st.execute("BEGIN IMMEDIATE");
                st.execute("ROLLBACK");
            } catch (SQLException busy) {
                log.info("Waiting for the database's write lock, held by another process (a migration or a writer)");
            }
            st.execute("PRAGMA busy_timeout = " + timeout.toMillis());
        }
        return () -> {};
    }

    /** SQLITE_BUSY: another connection held the write lock for longer than the busy timeout. */
    @Override
    public boolean isLockWaitTimeout(SQLException e) {
        return e.getErrorCode() == 5 || String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
    }

    @Override
    protected String typeSql(ColumnType type) {
        return standardType(type);
    }

    @Override
    public String utcTimestampText() {
        return "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
    }

    @Override
    public String charLength(String expression) {
        return "LENGTH(" + expression + ")";
    }

    @Override
    public List<String> beforeRevision() {
        return List.of("PRAGMA foreign_keys = OFF");
    }

    @Override
    public List<String> afterRevision() {
        return List.of("PRAGMA foreign_keys = ON");
    }

    @Override
    public Optional<String> foreignKeyCheckSql() {
        return Optional.of("PRAGMA foreign_key_check");
    }

    /**
     * Only a column declared exactly {@code INTEGER PRIMARY KEY} gets generated
     * values in SQLite (it becomes the rowid, 64 bits wide), so a BigInteger or
     * SmallInteger key is declared INTEGER here.
     */
    @Override
    protected String columnTypeSql(Column column) {
        return column.autoincrement() && column.type().isInteger() ? "INTEGER" : super.columnTypeSql(column);
    }

    /**
     * SQLite's ADD COLUMN refuses a NOT NULL column without a default, even on
     * an empty table, and a default that is not a constant
     * ({@code CURRENT_TIMESTAMP}, an expression in parentheses) on a table with
     * rows; a rebuild adds either (the rows there were take the default as they
     * are copied, and a NOT NULL column without one fails, naming the column).
     */
    @Override
    protected List<String> addColumn(AddColumn op, TableLookup tables) {
        return rebuildStep(op).map(step -> rebuild(List.of(step), tables)).orElseGet(() -> super.addColumn(op, tables));
    }

    @Override
    protected List<String> dropColumn(DropColumn op, TableLookup tables) {
        return rebuildOf(op, tables);
    }

    @Override
    protected List<String> alterColumn(AlterColumn op, TableLookup tables) {
        return rebuildOf(op, tables);
    }

    @Override
    protected List<String> createForeignKey(CreateForeignKey op, TableLookup tables) {
        return rebuildOf(op, tables);
    }

    @Override
    protected List<String> dropForeignKey(DropForeignKey op, TableLookup tables) {
        return rebuildOf(op, tables);
    }

    @Override
    protected List<String> createUnique(CreateUniqueConstraint op, TableLookup tables) {
        return rebuildOf(op, tables);
    }

    @Override
    protected List<String> dropUnique(DropUniqueConstraint op, TableLookup tables) {
        return rebuildOf(op, tables);
    }

    @Override
    protected List<String> createCheck(CreateCheckConstraint op, TableLookup tables) {
        return rebuildOf(op, tables);
    }

    @Override
    protected List<String> dropCheck(DropCheckConstraint op, TableLookup tables) {
        return rebuildOf(op, tables);
    }

    /**
     * Steps in a row that each rebuild one table share one rebuild: a revision
     * that drops two columns and adds a key copies the table once, not three
     * times. A step with statements of its own before the rebuild (a String cut
     * to length) can only begin such a run, one with statements after it
     * (decimals rounded) only end it, so each runs where it would alone.
     */
    @Override
    public int renderedTogether(List<Operation> operations, int start) {
        Optional<RebuildStep> first = rebuildStep(operations.get(start));
        if (first.isEmpty() || !first.get().after().isEmpty()) {
            return 1;
        }
        int end = start + 1;
        while (end < operations.size()) {
            Optional<RebuildStep> next = rebuildStep(operations.get(end));
            if (next.isEmpty()
                    || !next.get().table().equals(first.get().table())
                    || !next.get().before().isEmpty()) {
                break;
            }
            end++;
            if (!next.get().after().isEmpty()) {
                break;
            }
        }
        return end - start;
    }

    @Override
    public List<String> renderTogether(List<Operation> operations, TableLookup tables) {
        if (operations.size() == 1) {
            return render(operations.get(0), tables);
        }
        return rebuild(
                operations.stream().map(op -> rebuildStep(op).orElseThrow()).toList(), tables);
    }

    /**
     * What an operation SQLite cannot ALTER does to its table, for a rebuild:
     * the change, and any statements it needs before and after the copy.
     */
    private record RebuildStep(String table, UnaryOperator<Table> change, List<String> before, List<String> after) {
        RebuildStep(String table, UnaryOperator<Table> change) {
            this(table, change, List.of(), List.of());
        }
    }

    private List<String> rebuildOf(Operation op, TableLookup tables) {
        return rebuild(List.of(rebuildStep(op).orElseThrow()), tables);
    }

    /** The rebuild an operation needs here, if it needs one. */
    private Optional<RebuildStep> rebuildStep(Operation operation) {
        if (operation instanceof AddColumn op) {
            return addedByRebuild(op.column())
                    ? Optional.of(new RebuildStep(op.table(), t -> t.withColumns(columns -> add(columns, op.column()))))
                    : Optional.empty();
        }
        if (operation instanceof DropColumn op) {
            return Optional.of(new RebuildStep(op.table(), t -> {
                requireColumn(t, op.column());
                return t.withoutColumn(op.column());
            }));
        }
        if (operation instanceof AlterColumn op) {
            return Optional.of(new RebuildStep(
                    op.table(),
                    t -> {
                        requireColumn(t, op.column());
                        return t.withColumn(op.to());
                    },
                    fitValues(op).stream().toList(),
                    roundValues(op).stream().toList()));
        }
        if (operation instanceof CreateForeignKey op) {
            return Optional.of(new RebuildStep(op.table(), t -> t.withForeignKeys(fks -> add(fks, op.foreignKey()))));
        }
        if (operation instanceof DropForeignKey op) {
            return Optional.of(new RebuildStep(
                    op.table(),
                    t -> t.withForeignKeys(
                            fks -> removeNamed(fks, ForeignKey::name, op.name(), "foreign key", op.table()))));
        }
        if (operation instanceof CreateUniqueConstraint op) {
            return Optional.of(
                    new RebuildStep(op.table(), t -> t.withUniqueConstraints(us -> add(us, op.constraint()))));
        }
        if (operation instanceof DropUniqueConstraint op) {
            return Optional.of(new RebuildStep(
                    op.table(),
                    t -> t.withUniqueConstraints(us ->
                            removeNamed(us, UniqueConstraint::name, op.name(), "unique constraint", op.table()))));
        }
        if (operation instanceof CreateCheckConstraint op) {
            return Optional.of(
                    new RebuildStep(op.table(), t -> t.withCheckConstraints(checks -> add(checks, op.constraint()))));
        }
        if (operation instanceof DropCheckConstraint op) {
            return Optional.of(new RebuildStep(
                    op.table(),
                    t -> t.withCheckConstraints(checks ->
                            removeNamed(checks, CheckConstraint::name, op.name(), "check constraint", op.table()))));
        }
        return Optional.empty();
    }

    private static <T> List<T> add(List<T> items, T item) {
        items.add(item);
        return items;
    }

    /** Whether ADD COLUMN cannot add {@code column} here (see {@link #addColumn}). */
    private static boolean addedByRebuild(Column column) {
        String serverDefault = column.serverDefault();
        return serverDefault == null
                ? !column.nullable()
                : NON_CONSTANT_DEFAULT.matcher(serverDefault).find();
    }

    /**
     * SQLite reads unique constraints under the conventional names of the table
     * they are in, which a rename changes by itself; foreign keys' names are in
     * the CREATE statements, so the tables whose keys the rename renames (its
     * own, and those referring to it) are rebuilt with the new names. Not the
     * renamed table where it has triggers, whose stored statements still name
     * the old table: its keys keep their names there.
     */
    @Override
    protected List<String> renameTable(RenameTable op, TableLookup tables) {
        List<String> sql = new ArrayList<>();
        sql.add("ALTER TABLE " + quote(op.from()) + " RENAME TO " + quote(op.to()));
        TableLookup renamed = new TableLookup() {
            @Override
            public Optional<Table> table(String name) {
                return (name.equals(op.to())
                                ? tables.table(op.from()).map(t -> t.renamed(op.to()))
                                : tables.table(name))
                        .map(t -> t.withReferencesRenamed(op.from(), op.to()));
            }

            @Override
            public StoredDefinitions storedDefinitions(String table) {
                // The renamed table's indexes are made again from their definitions: the statements
                // SQLite stored name the old table.
                return table.equals(op.to()) ? StoredDefinitions.NONE : tables.storedDefinitions(table);
            }
        };
        boolean ownTriggers = !tables.storedDefinitions(op.from()).triggers().isEmpty();
        ConstraintRenames.of(op, tables).foreignKeys().stream()
                .map(ConstraintRenames.RenamedForeignKey::table)
                .distinct()
                .filter(table -> !(table.equals(op.to()) && ownTriggers))
                .forEach(table -> sql.addAll(rebuild(table, renamed, UnaryOperator.identity())));
        return sql;
    }

    /**
     * SQLite cannot rename an index: it is dropped and made again under the new
     * name, from the statement SQLite stored for it where there is one (so a
     * partial index keeps its WHERE).
     */
    @Override
    protected List<String> renameIndex(RenameIndex op, TableLookup tables) {
        Index index = tables.table(op.table())
                .flatMap(t -> t.indexes().stream()
                        .filter(ix -> ix.name().equals(op.from()))
                        .findFirst())
                .orElseThrow(
                        () -> new MigrationException("table '" + op.table() + "' has no index '" + op.from() + "'"));
        String stored = tables.storedDefinitions(op.table()).indexes().get(op.from());
        String create = stored == null
                ? createIndex(index.renamedTo(op.to()))
                : INDEX_NAME.matcher(stored).replaceFirst("$1" + Matcher.quoteReplacement(quote(op.to())));
        return List.of("DROP INDEX " + quote(op.from()), create);
    }

    // ---- sequences: Hibernate's one-row tables (see SqliteSequenceTables) ----

    /** The table, holding the first value to hand out, as Hibernate's own schema export fills it. */
    @Override
    protected List<String> createSequence(Sequence sequence) {
        String insert =
                "INSERT INTO " + quote(sequence.name()) + " (" + quote(SqliteSequenceTables.VALUE_COLUMN) + ") ";
        return List.of(
                SqliteSequenceTables.createTable(sequence.name(), sequence, this),
                sequence.numbersAColumn() && sequence.increment() > 0
                        ? insert + "SELECT " + firstFreeValue(sequence) + " FROM " + quote(sequence.table())
                        : insert + "VALUES (" + sequence.start() + ")");
    }

    @Override
    protected String greatest(String a, String b) {
        return "MAX(" + a + ", " + b + ")";
    }

    @Override
    protected List<String> dropSequence(String name) {
        return List.of("DROP TABLE " + quote(name));
    }

    /**
     * The increment is written in the table's CREATE statement, which SQLite cannot alter: the
     * table is made again, its value moved by the change of increment so that the next call's
     * keys (the increment's worth ending at the value read) start just above those handed out.
     * A value still at the start was never read: Hibernate hands out keys from it, so it stays.
     * The new table has its one row even where the old had none (as one an earlier version of
     * this tool made as a plain table), without which Hibernate cannot hand out any key.
     */
    @Override
    protected List<String> alterSequence(AlterSequence op, TableLookup tables) {
        Sequence live = tables.sequence(op.name())
                .orElseThrow(() -> new MigrationException(
                        "cannot change sequence '" + op.name() + "' on SQLite: it does not exist"));
        String temporary = TEMPORARY_PREFIX + op.name();
        String value = quote(SqliteSequenceTables.VALUE_COLUMN);
        // Only ever up: Hibernate writes this table itself, by the increment of the models it runs with,
        // so where the application already ran with the smaller one, moving it down hands out taken ids
        // (even negative ones). A larger increment needs the move; a smaller one leaves a gap of ids.
        long shift = Math.max(0, op.toIncrement() - live.increment());
        return List.of(
                SqliteSequenceTables.createTable(temporary, live.withIncrement(op.toIncrement()), this),
                "INSERT INTO " + quote(temporary) + " (" + value + ") SELECT COALESCE(MAX("
                        + shiftedUnlessAtStart(value, String.valueOf(live.start()), shift) + "), " + live.start()
                        + ") FROM " + quote(op.name()),
                "DROP TABLE " + quote(op.name()),
                "ALTER TABLE " + quote(temporary) + " RENAME TO " + quote(op.name()));
    }

    private static void requireColumn(Table table, String column) {
        if (table.column(column).isEmpty()) {
            throw new MigrationException("table '" + table.name() + "' has no column '" + column + "'");
        }
    }

    private static <T> List<T> removeNamed(
            List<T> items, Function<T, String> name, String wanted, String what, String table) {
        if (!items.removeIf(item -> name.apply(item).equals(wanted))) {
            throw new MigrationException("table '" + table + "' has no " + what + " '" + wanted + "'");
        }
        return items;
    }

    /** The steps' statements before, one rebuild of their table making all their changes, their statements after. */
    private List<String> rebuild(List<RebuildStep> steps, TableLookup tables) {
        List<String> sql = new ArrayList<>();
        steps.forEach(step -> sql.addAll(step.before()));
        sql.addAll(rebuild(steps.get(0).table(), tables, table -> {
            Table changed = table;
            for (RebuildStep step : steps) {
                changed = step.change().apply(changed);
            }
            return changed;
        }));
        steps.forEach(step -> sql.addAll(step.after()));
        return sql;
    }

    private List<String> rebuild(String tableName, TableLookup tables, UnaryOperator<Table> change) {
        Table before = tables.table(tableName)
                .orElseThrow(() ->
                        new MigrationException("cannot change table '" + tableName + "' on SQLite: it does not exist"));
        Table after = change.apply(before);
        StoredDefinitions stored = tables.storedDefinitions(tableName);
        String temporary = TEMPORARY_PREFIX + tableName;
        List<String> kept = after.columns().stream()
                .map(Column::name)
                .filter(name -> before.column(name).isPresent())
                .toList();
        List<String> sql = new ArrayList<>();
        sql.add(createTable(new Table(
                temporary,
                after.columns(),
                after.uniqueConstraints(),
                after.foreignKeys(),
                List.of(),
                after.checkConstraints())));
        sql.add("INSERT INTO " + quote(temporary) + " (" + columnList(kept) + ") SELECT " + columnList(kept) + " FROM "
                + quote(tableName));
        sql.add("DROP TABLE " + quote(tableName));
        sql.add("PRAGMA legacy_alter_table = ON");
        sql.add("ALTER TABLE " + quote(temporary) + " RENAME TO " + quote(tableName));
        sql.add("PRAGMA legacy_alter_table = OFF");
        for (Index index : after.indexes()) {
            sql.add(stored.indexes().getOrDefault(index.name(), createIndex(index)));
        }
        sql.addAll(stored.triggers());
        return sql;
    }
}
