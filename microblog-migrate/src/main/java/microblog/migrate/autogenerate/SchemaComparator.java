package microblog.migrate.autogenerate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import microblog.migrate.operations.AddColumn;
import microblog.migrate.operations.AlterColumn;
import microblog.migrate.operations.AlterSequence;
import microblog.migrate.operations.CreateCheckConstraint;
import microblog.migrate.operations.CreateForeignKey;
import microblog.migrate.operations.CreateIndex;
import microblog.migrate.operations.CreateSequence;
import microblog.migrate.operations.CreateTable;
import microblog.migrate.operations.CreateUniqueConstraint;
import microblog.migrate.operations.DataLossRisk;
import microblog.migrate.operations.DropCheckConstraint;
import microblog.migrate.operations.DropColumn;
import microblog.migrate.operations.DropForeignKey;
import microblog.migrate.operations.DropIndex;
import microblog.migrate.operations.DropSequence;
import microblog.migrate.operations.DropTable;
import microblog.migrate.operations.DropUniqueConstraint;
import microblog.migrate.operations.Operation;
import microblog.migrate.operations.RenameColumn;
import microblog.migrate.operations.RenameIndex;
import microblog.migrate.operations.RenameTable;
import microblog.migrate.schema.AllowedValues;
import microblog.migrate.schema.CheckConstraint;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.ColumnType;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.Index;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Sequence;
import microblog.migrate.schema.Table;
import microblog.migrate.schema.UniqueConstraint;

/**
 * Compares the schema the models want with the one the database has, and
 * lists the operations between them; the downgrade is their inverses (see
 * {@link Downgrade}).
 *
 * <p>Covers tables (added, removed, renamed as declared), columns (added,
 * removed, renamed as declared, and changes of type, nullability and server
 * default), indexes, unique constraints, check constraints (by the values
 * they allow, else by name), foreign keys (including their ON DELETE action),
 * and sequences (by name, and their increment). A unique index and a unique constraint over the same columns
 * count as the same thing, because MySQL makes no difference between them.
 *
 * <p>Within a table, removals of foreign keys come before removals of indexes
 * and columns, and additions of foreign keys after additions of indexes, so
 * MySQL never loses an index a foreign key still needs; the downgrade, being
 * the inverses in reverse order, keeps that property.
 */
public final class SchemaComparator {
    private final ComparisonRules rules;
    private final List<Operation> upgrade = new ArrayList<>();
    /** Index creations on tables the upgrade adds: the downgrade's drop_table takes those indexes along. */
    private final Set<Operation> undoneWithTheirTable = Collections.newSetFromMap(new IdentityHashMap<>());

    private final List<String> findings = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private SchemaComparator(ComparisonRules rules) {
        this.rules = rules;
    }

    public static Changes compare(Schema target, Schema current) {
        return compare(target, current, ComparisonRules.EXACT);
    }

    public static Changes compare(Schema target, Schema current, ComparisonRules rules) {
        SchemaComparator comparator = new SchemaComparator(rules);
        comparator.compareSchemas(target, current);
        List<Operation> downgrade =
                Downgrade.of(current, comparator.upgrade, comparator.undoneWithTheirTable::contains);
        comparator.upgrade.forEach(op -> DataLossRisk.of(op)
                .ifPresent(risk -> comparator.warnings.add(
                        "This revision " + risk + ": 'db upgrade' refuses to run it where that destroys data, "
                                + "unless given --accept-data-loss")));
        return new Changes(comparator.upgrade, downgrade, comparator.findings, comparator.warnings);
    }

    private void compareSchemas(Schema target, Schema current) {
        Schema live = renameTables(target, current);
        List<Table> added = target.tables().stream()
                .filter(t -> live.table(t.name()).isEmpty())
                .toList();
        List<Table> dropped = new ArrayList<>(dependencyOrder(live.tables()).stream()
                .filter(t -> target.table(t.name()).isEmpty())
                .toList());
        Collections.reverse(dropped);
        dropped.forEach(table -> likelyRename(table, added));
        Set<String> droppedFirst = new LinkedHashSet<>();
        for (Table table : dropped) {
            if (namesTakenBy(table, added) && noKeptTableRefersTo(table, live, dropped)) {
                removeTable(table); // PostgreSQL, SQLite and H2 name indexes per schema: free them first
                droppedFirst.add(table.name());
            }
        }
        for (Table table : dependencyOrder(added)) {
            addTable(table);
        }
        for (Table table : target.tables()) {
            live.table(table.name()).ifPresent(existing -> compareTable(table, existing));
        }
        // Between the tables added and those removed: a sequence that starts above its table's keys needs the table.
        compareSequences(target, live);
        for (Table table : dropped) {
            if (!droppedFirst.contains(table.name())) {
                removeTable(table);
            }
        }
    }

    /** A table dropped while one with the same columns is added looks like a rename the models did not declare. */
    private void likelyRename(Table dropped, List<Table> added) {
        Set<String> columns = columnNames(dropped);
        added.stream()
                .filter(table -> columnNames(table).equals(columns))
                .findFirst()
                .ifPresent(table -> warnings.add("Table '" + table.name() + "' is added and '" + dropped.name()
                        + "' removed, with the same columns: if it is a rename, annotate the entity class with "
                        + "@RenamedFrom(\"" + dropped.name() + "\") and run 'db migrate' again, or the rows of '"
                        + dropped.name() + "' are lost"));
    }

    private static Set<String> columnNames(Table table) {
        return table.columns().stream().map(Column::name).collect(Collectors.toSet());
    }

    /** Whether a table being added names an index or constraint as {@code dropped} does. */
    private static boolean namesTakenBy(Table dropped, List<Table> added) {
        Set<String> names = new HashSet<>(dropped.constraintAndIndexNames());
        return added.stream()
                .anyMatch(table -> table.constraintAndIndexNames().stream().anyMatch(names::contains));
    }

    /** Whether no table that stays has a foreign key to {@code table}, which would stop its early drop. */
    private static boolean noKeptTableRefersTo(Table table, Schema live, List<Table> dropped) {
        return live.tables().stream()
                .filter(other -> dropped.stream().noneMatch(d -> d.name().equals(other.name())))
                .flatMap(other -> other.foreignKeys().stream())
                .noneMatch(fk -> fk.referredTable().equals(table.name()));
    }

    /** Emits the declared table renames; returns the live schema as it stands after them. */
    private Schema renameTables(Schema target, Schema current) {
        List<Table> tables = new ArrayList<>(current.tables());
        for (Table wanted : target.tables()) {
            if (current.table(wanted.name()).isPresent()) {
                continue;
            }
            for (String former : rules.renames().formerNamesOfTable(wanted.name())) {
                Optional<Table> old = current.table(former);
                if (old.isPresent() && target.table(former).isEmpty()) {
                    found(
                            "Detected renamed table '" + former + "' to '" + wanted.name() + "'",
                            new RenameTable(former, wanted.name()));
                    tables.replaceAll(t -> (t.name().equals(former) ? t.renamed(wanted.name()) : t)
                            .withReferencesRenamed(former, wanted.name()));
                    break;
                }
            }
        }
        return current.withTables(tables);
    }

    private void addTable(Table table) {
        found("Detected added table '" + table.name() + "'", new CreateTable(table.withIndexes(ixs -> List.of())));
        // Dropping the table drops its indexes: the downgrade needs no drop_index, and
        // MySQL would refuse to drop one that a foreign key of the table relies on.
        for (Index index : table.indexes()) {
            CreateIndex create = new CreateIndex(index);
            found("Detected added index '" + index.name() + "' on " + on(index), create);
            undoneWithTheirTable.add(create);
            warnIfNotMadeHere(index);
        }
    }

    private void removeTable(Table table) {
        found("Detected removed table '" + table.name() + "'", new DropTable(table.name()));
    }

    private void compareTable(Table target, Table current) {
        Table live = renameIndexes(target, renameColumns(target, current));
        String t = target.name();
        removeForeignKeys(target, live);
        removeChecks(target, live);
        removeUniquesAndIndexes(target, live);
        for (Column column : target.columns()) {
            if (live.column(column.name()).isEmpty()) {
                found("Detected added column '" + t + "." + column.name() + "'", new AddColumn(t, column));
                if (!column.nullable() && column.serverDefault() == null) {
                    warnings.add("Column '" + t + "." + column.name() + "' is added NOT NULL with no server default: "
                            + "this fails on a table that has rows; give it a default (@ColumnDefault) or make it "
                            + "nullable, fill it, and make it NOT NULL in a later revision");
                }
            }
        }
        for (Column column : target.columns()) {
            live.column(column.name()).ifPresent(existing -> compareColumn(t, column, existing));
        }
        warnOfKeysNoLongerGenerated(target, live);
        addUniquesAndIndexes(target, live);
        addChecks(target, live);
        addForeignKeys(target, live);
        List<Column> removed = live.columns().stream()
                .filter(c -> target.column(c.name()).isEmpty())
                .toList();
        for (Column column : removed) {
            found("Detected removed column '" + t + "." + column.name() + "'", new DropColumn(t, column.name()));
            target.columns().stream()
                    .filter(c -> live.column(c.name()).isEmpty()
                            && storedType(c).generic() == storedType(column).generic())
                    .findFirst()
                    .ifPresent(added -> warnings.add("Column '" + t + "." + added.name() + "' is added and '"
                            + t + "." + column.name() + "' removed, both "
                            + column.type().generic() + ": if it is a rename, "
                            + "annotate the field with @RenamedFrom(\"" + column.name() + "\") and run 'db migrate' "
                            + "again, or the values of '" + column.name() + "' are lost"));
        }
    }

    /** Emits the declared column renames; returns the live table as it stands after them. */
    private Table renameColumns(Table target, Table live) {
        Table renamed = live;
        for (Column wanted : target.columns()) {
            if (live.column(wanted.name()).isPresent()) {
                continue;
            }
            List<String> formerNames = rules.renames().formerNamesOfColumn(target.name(), wanted.name());
            if (!formerNames.isEmpty()
                    && formerNames.stream().noneMatch(f -> live.column(f).isPresent())) {
                warnings.add("@RenamedFrom(" + formerNames + ") on '" + target.name() + "." + wanted.name()
                        + "' names no column of '" + target.name() + "': check the spelling; '" + wanted.name()
                        + "' is added as a new column");
            }
            for (String former : formerNames) {
                if (renamed.column(former).isPresent() && target.column(former).isEmpty()) {
                    found(
                            "Detected renamed column '" + target.name() + "." + former + "' to '" + wanted.name() + "'",
                            new RenameColumn(target.name(), former, wanted.name()));
                    renamed = renamed.withRenamedColumn(former, wanted.name());
                    break;
                }
            }
        }
        return renamed;
    }

    /**
     * An index the models call by another name but which has the same columns
     * and uniqueness (as when its name derives from a renamed table) is renamed
     * rather than dropped and built again. Returns the live table after that.
     */
    private Table renameIndexes(Table target, Table live) {
        Table renamed = live;
        for (Index wanted : target.indexes()) {
            if (!wanted.isPlain() || hasIndexOrUnique(renamed, wanted.name())) {
                continue;
            }
            Optional<Index> same = renamed.indexes().stream()
                    .filter(Index::isPlain)
                    .filter(ix -> ix.unique() == wanted.unique() && ix.columns().equals(wanted.columns()))
                    .filter(ix -> !hasIndexOrUnique(target, ix.name()))
                    .findFirst();
            if (same.isPresent()) {
                RenameIndex rename = new RenameIndex(target.name(), same.get().name(), wanted.name());
                found(
                        "Detected renamed index '" + same.get().name() + "' to '" + wanted.name() + "' on '"
                                + target.name() + "'",
                        rename);
                renamed = renamed.withIndexes(ixs -> ixs.stream()
                        .map(ix -> ix.name().equals(rename.from()) ? ix.renamedTo(rename.to()) : ix)
                        .toList());
            }
        }
        return renamed;
    }

    private static boolean hasIndexOrUnique(Table table, String name) {
        return table.indexes().stream().anyMatch(ix -> ix.name().equals(name))
                || table.uniqueConstraints().stream().anyMatch(u -> u.name().equals(name));
    }

    /** Type, nullability and server default of a column both sides have; one alter_column for all. */
    private void compareColumn(String table, Column target, Column live) {
        String where = "'" + table + "." + target.name() + "'";
        List<String> changes = new ArrayList<>();
        Column to = live;
        // alter_column keeps a key's generated values, which on SQLite decide the type stored (INTEGER).
        if (!storedType(target.withAutoincrement(live.autoincrement())).equals(storedType(live))) {
            changes.add("Detected type change from " + live.type() + " to " + target.type() + " on " + where);
            to = to.withType(target.type());
        }
        if (!target.primaryKey() && target.nullable() != live.nullable()) {
            changes.add("Detected " + (target.nullable() ? "NULL" : "NOT NULL") + " on column " + where);
            to = to.withNullable(target.nullable());
        }
        if (!target.autoincrement() && !ServerDefaults.same(target.serverDefault(), live.serverDefault())) {
            changes.add(
                    (target.serverDefault() == null
                            ? "Detected removed server default on column " + where
                            : "Detected server default " + target.serverDefault() + " on column " + where));
            to = to.withServerDefault(target.serverDefault());
        }
        if (changes.isEmpty()) {
            return;
        }
        findings.addAll(changes.subList(0, changes.size() - 1));
        found(changes.get(changes.size() - 1), new AlterColumn(table, live, to));
    }

    /**
     * A key the models now want generated by the database (a sequence given up for IDENTITY) where
     * the database's column generates nothing: alter_column never changes that, so inserts would
     * fail for want of an id. (The other way, a key left generated, does no harm: Hibernate gives
     * every id from the sequence.)
     */
    private void warnOfKeysNoLongerGenerated(Table target, Table live) {
        for (Column column : target.columns()) {
            live.column(column.name())
                    .filter(existing -> column.autoincrement() && existing.primaryKey() && !existing.autoincrement())
                    .ifPresent(existing -> warnings.add("Column '" + target.name() + "." + column.name()
                            + "' takes generated keys in the models (IDENTITY) but not in the database, and "
                            + "alter_column does not change that: add an 'execute' step that makes it an identity "
                            + "column, or inserts will fail for want of an id"));
        }
    }

    // ---- sequences, matched by name; a start counts only when one is created ----

    private void compareSequences(Schema target, Schema live) {
        for (Sequence sequence : target.sequences()) {
            Optional<Sequence> existing = live.sequence(sequence.name());
            if (existing.isEmpty()) {
                found("Detected added sequence '" + sequence.name() + "'", new CreateSequence(sequence));
            } else if (existing.get().increment() != sequence.increment()) {
                found(
                        "Detected increment change from " + existing.get().increment() + " to " + sequence.increment()
                                + " on sequence '" + sequence.name() + "'",
                        new AlterSequence(sequence.name(), existing.get().increment(), sequence.increment()));
            }
        }
        for (Sequence sequence : live.sequences()) {
            if (target.sequence(sequence.name()).isEmpty()) {
                found("Detected removed sequence '" + sequence.name() + "'", new DropSequence(sequence.name()));
            }
        }
    }

    private ColumnType storedType(Column column) {
        return rules.storedType().apply(column);
    }

    // ---- indexes and unique constraints ----

    /** Plain (non-unique) indexes, matched by name; unique ones matched by name, then by columns. */
    private void removeUniquesAndIndexes(Table target, Table live) {
        for (Object unique : unmatchedUniques(uniques(live), uniques(target))) {
            if (unique instanceof Index index) {
                removeIndex(index);
            } else {
                UniqueConstraint constraint = (UniqueConstraint) unique;
                found(
                        "Detected removed unique constraint '" + constraint.name() + "' on '" + live.name() + "'",
                        new DropUniqueConstraint(live.name(), constraint.name()));
            }
        }
        List<Index> wanted = plainIndexes(target);
        for (Index index : plainIndexes(live)) {
            Optional<Index> same =
                    wanted.stream().filter(ix -> ix.name().equals(index.name())).findFirst();
            if (same.isEmpty() || !same.get().columns().equals(index.columns())) {
                removeIndex(index);
            }
        }
        for (Index index : expressionAndPartialIndexes(live)) {
            if (expressionAndPartialIndexes(target).stream()
                    .noneMatch(ix -> ix.name().equals(index.name()))) {
                removeIndex(index);
            }
        }
    }

    private void addUniquesAndIndexes(Table target, Table live) {
        for (Object unique : unmatchedUniques(uniques(target), uniques(live))) {
            if (unique instanceof Index index) {
                addIndex(index);
            } else {
                UniqueConstraint constraint = (UniqueConstraint) unique;
                found(
                        "Detected added unique constraint '" + constraint.name() + "' on " + list(constraint.columns()),
                        new CreateUniqueConstraint(target.name(), constraint));
            }
        }
        List<Index> present = plainIndexes(live);
        for (Index index : plainIndexes(target)) {
            Optional<Index> same = present.stream()
                    .filter(ix -> ix.name().equals(index.name()))
                    .findFirst();
            if (same.isEmpty() || !same.get().columns().equals(index.columns())) {
                addIndex(index);
            }
        }
        for (Index index : expressionAndPartialIndexes(target)) {
            if (expressionAndPartialIndexes(live).stream()
                    .noneMatch(ix -> ix.name().equals(index.name()))) {
                addIndex(index);
                warnIfNotMadeHere(index);
            }
        }
    }

    private void warnIfNotMadeHere(Index index) {
        if (!rules.makesIndex().test(index)) {
            warnings.add("Index '" + index.name() + "' on '" + index.table() + "' is "
                    + (index.expression() != null ? "on an expression" : "partial")
                    + ", which this database cannot make: its create_index does nothing here and makes the "
                    + "index on PostgreSQL and SQLite");
        }
    }

    /** Plain indexes that are not unique (unique ones are compared with the unique constraints). */
    private static List<Index> plainIndexes(Table table) {
        return table.indexes().stream()
                .filter(ix -> !ix.unique() && ix.isPlain())
                .toList();
    }

    /**
     * Indexes on an expression or partial, matched by name only: each database
     * rewrites the SQL it keeps ({@code lower((email)::text)}), so the text is not compared.
     */
    private static List<Index> expressionAndPartialIndexes(Table table) {
        return table.indexes().stream().filter(ix -> !ix.isPlain()).toList();
    }

    /** The uniques of {@code side} with no match in {@code other}: same name and columns, else same columns. */
    private static List<Object> unmatchedUniques(List<Object> side, List<Object> other) {
        Set<Object> matched = new LinkedHashSet<>();
        List<Object> unmatched = new ArrayList<>();
        for (Object unique : side) {
            Optional<Object> same = other.stream()
                    .filter(p -> !matched.contains(p))
                    .filter(p -> uniqueName(p).equals(uniqueName(unique))
                            && uniqueColumns(p).equals(uniqueColumns(unique)))
                    .findFirst()
                    .or(() -> other.stream()
                            .filter(p -> !matched.contains(p))
                            .filter(p -> uniqueColumns(p).equals(uniqueColumns(unique)))
                            .findFirst());
            same.ifPresentOrElse(matched::add, () -> unmatched.add(unique));
        }
        return unmatched;
    }

    private static List<Object> uniques(Table table) {
        List<Object> uniques = new ArrayList<>(table.uniqueConstraints());
        table.indexes().stream().filter(ix -> ix.unique() && ix.isPlain()).forEach(uniques::add);
        return uniques;
    }

    private static String uniqueName(Object unique) {
        return unique instanceof Index ix ? ix.name() : ((UniqueConstraint) unique).name();
    }

    private static List<String> uniqueColumns(Object unique) {
        return unique instanceof Index ix ? ix.columns() : ((UniqueConstraint) unique).columns();
    }

    // ---- check constraints: matched by name, else by the column whose values they list (see CheckConstraint) ----

    /** Live checks the models do not have, or have with other allowed values, go before the columns change. */
    private void removeChecks(Table target, Table live) {
        for (CheckConstraint check : live.checkConstraints()) {
            Optional<CheckConstraint> wanted = counterpart(check, target, live);
            if (wanted.isEmpty()) {
                found(
                        "Detected removed check constraint '" + check.name() + "' on '" + live.name() + "'",
                        new DropCheckConstraint(live.name(), check.name()));
            } else if (!wanted.get().sameMeaningAs(check)) {
                AllowedValues now = wanted.get().meaning().orElseThrow();
                AllowedValues before = check.meaning().orElseThrow();
                found(
                        "Detected changed check constraint '" + check.name() + "' on '" + live.name() + "': "
                                + now.changeFrom(before),
                        new DropCheckConstraint(live.name(), check.name()));
                warnOfValuesLeftOut(live.name() + "." + now.column(), before, now, "the upgrade");
                warnOfValuesLeftOut(live.name() + "." + now.column(), now, before, "the downgrade");
            }
        }
    }

    /**
     * Rows holding values that {@code to} no longer allows stop {@code step} (the
     * engine refuses it before anything runs, and {@code db test}, whose rows hold
     * every value, fails on it): said when the revision is written, with the fix.
     */
    private void warnOfValuesLeftOut(String column, AllowedValues from, AllowedValues to, String step) {
        List<String> leftOut = from.values().stream()
                .filter(value -> !to.values().contains(value))
                .toList();
        if (!leftOut.isEmpty()) {
            warnings.add("Rows of '" + column + "' holding " + leftOut + " stop " + step + " of this revision, which "
                    + "no longer allows them: to let it run then, add an 'execute' UPDATE of those rows before the "
                    + "check in " + step.substring(4) + ", as db test's sample rows hold every value");
        }
    }

    /** Checks the models add, or list other values for, go after the columns change. */
    private void addChecks(Table target, Table live) {
        for (CheckConstraint check : target.checkConstraints()) {
            Optional<CheckConstraint> present = counterpart(check, live, target);
            if (present.isEmpty()) {
                found(
                        "Detected added check constraint '" + check.name() + "' on '" + target.name() + "'",
                        new CreateCheckConstraint(target.name(), check));
            } else if (!present.get().sameMeaningAs(check)) {
                upgrade.add(new CreateCheckConstraint(target.name(), check));
            }
        }
    }

    /**
     * The check of {@code other} that stands for {@code check}: the one of the same
     * name, else one listing the values of the same column that no check of
     * {@code own} is named after (a check Hibernate's own DDL named).
     */
    private static Optional<CheckConstraint> counterpart(CheckConstraint check, Table other, Table own) {
        Optional<CheckConstraint> named = other.checkConstraints().stream()
                .filter(c -> c.name().equals(check.name()))
                .findFirst();
        if (named.isPresent() || check.meaning().isEmpty()) {
            return named;
        }
        String column = check.meaning().get().column();
        return other.checkConstraints().stream()
                .filter(c -> own.checkConstraints().stream()
                        .noneMatch(mine -> mine.name().equals(c.name())))
                .filter(c -> c.meaning()
                        .map(values -> values.column().equalsIgnoreCase(column))
                        .orElse(false))
                .findFirst();
    }

    // ---- foreign keys ----

    /** Foreign keys match when they link the same columns with the same ON DELETE action. */
    private static boolean sameForeignKey(ForeignKey a, ForeignKey b) {
        return a.sameLink(b) && Objects.equals(a.onDelete(), b.onDelete());
    }

    private void removeForeignKeys(Table target, Table live) {
        for (ForeignKey fk : live.foreignKeys()) {
            if (target.foreignKeys().stream().noneMatch(other -> sameForeignKey(fk, other))) {
                found(
                        "Detected removed foreign key (" + String.join(", ", fk.columns()) + ")("
                                + String.join(", ", fk.referredColumns()) + ") on table " + live.name(),
                        new DropForeignKey(live.name(), fk.name()));
            }
        }
    }

    private void addForeignKeys(Table target, Table live) {
        for (ForeignKey fk : target.foreignKeys()) {
            if (live.foreignKeys().stream().noneMatch(other -> sameForeignKey(fk, other))) {
                found(
                        "Detected added foreign key (" + String.join(", ", fk.columns()) + ")("
                                + String.join(", ", fk.referredColumns()) + ") on table " + target.name(),
                        new CreateForeignKey(target.name(), fk));
            }
        }
    }

    private void addIndex(Index index) {
        found("Detected added index '" + index.name() + "' on " + on(index), new CreateIndex(index));
    }

    private void removeIndex(Index index) {
        found(
                "Detected removed index '" + index.name() + "' on '" + index.table() + "'",
                new DropIndex(index.name(), index.table()));
    }

    private void found(String finding, Operation operation) {
        findings.add(finding);
        upgrade.add(operation);
    }

    /** What an index is on, as Alembic logs it: {@code '['email']'}, or its expression, and its condition. */
    private static String on(Index index) {
        String key = index.expression() != null ? "'" + index.expression() + "'" : list(index.columns());
        return index.where() == null ? key : key + " where '" + index.where() + "'";
    }

    /** Columns as Alembic logs them: {@code '['email']'}. */
    private static String list(List<String> columns) {
        return "'[" + String.join(", ", columns.stream().map(c -> "'" + c + "'").toList()) + "]'";
    }

    /** Tables ordered so that each comes after the tables its foreign keys refer to. */
    static List<Table> dependencyOrder(List<Table> tables) {
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        List<Table> pending = new ArrayList<>(tables);
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (Table table : List.copyOf(pending)) {
                boolean ready = table.foreignKeys().stream()
                        .map(ForeignKey::referredTable)
                        .allMatch(ref -> ref.equals(table.name())
                                || placed.contains(ref)
                                || tables.stream().noneMatch(t -> t.name().equals(ref)));
                if (ready) {
                    ordered.add(table);
                    placed.add(table.name());
                    pending.remove(table);
                    progress = true;
                }
            }
            if (!progress) { // a cycle of foreign keys: keep the given order
                ordered.addAll(pending);
                break;
            }
        }
        return ordered;
    }
}
