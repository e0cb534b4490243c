package microblog.migrate.autogenerate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import microblog.migrate.operations.AddColumn;
import microblog.migrate.operations.CreateForeignKey;
import microblog.migrate.operations.CreateIndex;
import microblog.migrate.operations.CreateTable;
import microblog.migrate.operations.CreateUniqueConstraint;
import microblog.migrate.operations.DropColumn;
import microblog.migrate.operations.DropForeignKey;
import microblog.migrate.operations.DropIndex;
import microblog.migrate.operations.DropTable;
import microblog.migrate.operations.DropUniqueConstraint;
import microblog.migrate.operations.Operation;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.Index;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Table;
import microblog.migrate.schema.UniqueConstraint;

/**
 * Compares the schema the models want with the one the database has, and
 * lists the operations between them, each paired with its inverse.
 *
 * <p>Covers tables, columns (added, removed), indexes, unique constraints and
 * foreign keys. A unique index and a unique constraint over the same columns
 * count as the same thing, because MySQL makes no difference between them.
 * Changes to an existing column's type or nullability are not detected yet.
 */
public final class SchemaComparator {
    private final List<Operation> upgrade = new ArrayList<>();
    private final List<Operation> inverses = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();

    private SchemaComparator() {
    }

    public static Changes compare(Schema target, Schema current) {
        SchemaComparator comparator = new SchemaComparator();
        comparator.compareSchemas(target, current);
        List<Operation> downgrade = new ArrayList<>(comparator.inverses);
        Collections.reverse(downgrade);
        return new Changes(comparator.upgrade, downgrade, comparator.findings);
    }

    private void compareSchemas(Schema target, Schema current) {
        for (Table table : dependencyOrder(target.tables())) {
            if (current.table(table.name()).isEmpty()) {
                addTable(table);
            }
        }
        for (Table table : target.tables()) {
            current.table(table.name()).ifPresent(live -> compareTable(table, live));
        }
        List<Table> removed = new ArrayList<>(dependencyOrder(current.tables()));
        Collections.reverse(removed);
        for (Table table : removed) {
            if (target.table(table.name()).isEmpty()) {
                removeTable(table);
            }
        }
    }

    private void addTable(Table table) {
        found("Detected added table '" + table.name() + "'",
                new CreateTable(table.withIndexes(ixs -> List.of())), new DropTable(table.name()));
        table.indexes().forEach(this::addIndex);
    }

    private void removeTable(Table table) {
        table.indexes().forEach(this::removeIndex);
        found("Detected removed table '" + table.name() + "'",
                new DropTable(table.name()), new CreateTable(table.withIndexes(ixs -> List.of())));
    }

    private void compareTable(Table target, Table live) {
        String t = target.name();
        for (Column column : target.columns()) {
            if (live.column(column.name()).isEmpty()) {
                found("Detected added column '" + t + "." + column.name() + "'",
                        new AddColumn(t, column), new DropColumn(t, column.name()));
            }
        }
        for (Column column : live.columns()) {
            if (target.column(column.name()).isEmpty()) {
                found("Detected removed column '" + t + "." + column.name() + "'",
                        new DropColumn(t, column.name()), new AddColumn(t, column));
            }
        }
        compareUniques(target, live);
        compareIndexes(target, live);
        compareForeignKeys(target, live);
    }

    /** Plain (non-unique) indexes, matched by name. */
    private void compareIndexes(Table target, Table live) {
        List<Index> wanted = target.indexes().stream().filter(ix -> !ix.unique()).toList();
        List<Index> present = live.indexes().stream().filter(ix -> !ix.unique()).toList();
        for (Index index : wanted) {
            Optional<Index> same = present.stream().filter(ix -> ix.name().equals(index.name())).findFirst();
            if (same.isEmpty()) {
                addIndex(index);
            } else if (!same.get().columns().equals(index.columns())) {
                removeIndex(same.get());
                addIndex(index);
            }
        }
        for (Index index : present) {
            if (wanted.stream().noneMatch(ix -> ix.name().equals(index.name()))) {
                removeIndex(index);
            }
        }
    }

    /**
     * Unique indexes and unique constraints, matched by name, then by columns.
     * Removals come first, so that a replacement may reuse the old name.
     */
    private void compareUniques(Table target, Table live) {
        List<Object> wanted = uniques(target);
        List<Object> present = uniques(live);
        Set<Object> matched = new LinkedHashSet<>();
        List<Object> added = new ArrayList<>();
        for (Object unique : wanted) {
            Optional<Object> same = present.stream().filter(p -> !matched.contains(p))
                    .filter(p -> uniqueName(p).equals(uniqueName(unique)) && uniqueColumns(p).equals(uniqueColumns(unique)))
                    .findFirst()
                    .or(() -> present.stream().filter(p -> !matched.contains(p))
                            .filter(p -> uniqueColumns(p).equals(uniqueColumns(unique))).findFirst());
            same.ifPresentOrElse(matched::add, () -> added.add(unique));
        }
        for (Object unique : present) {
            if (matched.contains(unique)) {
                continue;
            }
            if (unique instanceof Index index) {
                removeIndex(index);
            } else {
                UniqueConstraint constraint = (UniqueConstraint) unique;
                found("Detected removed unique constraint '" + constraint.name() + "' on '" + live.name() + "'",
                        new DropUniqueConstraint(live.name(), constraint.name()),
                        new CreateUniqueConstraint(live.name(), constraint));
            }
        }
        for (Object unique : added) {
            if (unique instanceof Index index) {
                addIndex(index);
            } else {
                UniqueConstraint constraint = (UniqueConstraint) unique;
                found("Detected added unique constraint '" + constraint.name() + "' on " + list(constraint.columns()),
                        new CreateUniqueConstraint(target.name(), constraint),
                        new DropUniqueConstraint(target.name(), constraint.name()));
            }
        }
    }

    private static List<Object> uniques(Table table) {
        List<Object> uniques = new ArrayList<>(table.uniqueConstraints());
        table.indexes().stream().filter(Index::unique).forEach(uniques::add);
        return uniques;
    }

    private static String uniqueName(Object unique) {
        return unique instanceof Index ix ? ix.name() : ((UniqueConstraint) unique).name();
    }

    private static List<String> uniqueColumns(Object unique) {
        return unique instanceof Index ix ? ix.columns() : ((UniqueConstraint) unique).columns();
    }

    private void compareForeignKeys(Table target, Table live) {
        for (ForeignKey fk : target.foreignKeys()) {
            if (live.foreignKeys().stream().noneMatch(fk::sameLink)) {
                found("Detected added foreign key (" + String.join(", ", fk.columns()) + ")("
                                + String.join(", ", fk.referredColumns()) + ") on table " + target.name(),
                        new CreateForeignKey(target.name(), fk), new DropForeignKey(target.name(), fk.name()));
            }
        }
        for (ForeignKey fk : live.foreignKeys()) {
            if (target.foreignKeys().stream().noneMatch(fk::sameLink)) {
                found("Detected removed foreign key (" + String.join(", ", fk.columns()) + ")("
                                + String.join(", ", fk.referredColumns()) + ") on table " + live.name(),
                        new DropForeignKey(live.name(), fk.name()), new CreateForeignKey(live.name(), fk));
            }
        }
    }

    private void addIndex(Index index) {
        found("Detected added index '" + index.name() + "' on " + list(index.columns()),
                new CreateIndex(index), new DropIndex(index.name(), index.table()));
    }

    private void removeIndex(Index index) {
        found("Detected removed index '" + index.name() + "' on '" + index.table() + "'",
                new DropIndex(index.name(), index.table()), new CreateIndex(index));
    }

    private void found(String finding, Operation operation, Operation inverse) {
        findings.add(finding);
        upgrade.add(operation);
        inverses.add(inverse);
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
                boolean ready = table.foreignKeys().stream().map(ForeignKey::referredTable)
                        .allMatch(ref -> ref.equals(table.name()) || placed.contains(ref)
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
