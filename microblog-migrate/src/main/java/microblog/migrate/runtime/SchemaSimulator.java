package microblog.migrate.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import microblog.migrate.ddl.TableLookup;
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
import microblog.migrate.schema.Table;

/**
 * Keeps a schema in memory and applies operations to it. When SQL is written
 * offline there is no database to ask what a table looks like; this answers
 * instead, from the revisions replayed so far.
 */
public final class SchemaSimulator implements TableLookup {
    private final Map<String, Table> tables = new LinkedHashMap<>();

    @Override
    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public void apply(Operation operation) {
        if (operation instanceof CreateTable op) {
            tables.put(op.table().name(), op.table());
        } else if (operation instanceof DropTable op) {
            tables.remove(op.table());
        } else if (operation instanceof AddColumn op) {
            change(op.table(), t -> t.withColumns(cols -> add(cols, op.column())));
        } else if (operation instanceof DropColumn op) {
            change(op.table(), t -> t.withoutColumn(op.column()));
        } else if (operation instanceof CreateIndex op) {
            change(op.index().table(), t -> t.withIndexes(ixs -> add(ixs, op.index())));
        } else if (operation instanceof DropIndex op) {
            change(op.table(), t -> t.withIndexes(ixs -> {
                ixs.removeIf(ix -> ix.name().equals(op.name()));
                return ixs;
            }));
        } else if (operation instanceof CreateForeignKey op) {
            change(op.table(), t -> t.withForeignKeys(fks -> add(fks, op.foreignKey())));
        } else if (operation instanceof DropForeignKey op) {
            change(op.table(), t -> t.withForeignKeys(fks -> {
                fks.removeIf(fk -> fk.name().equals(op.name()));
                return fks;
            }));
        } else if (operation instanceof CreateUniqueConstraint op) {
            change(op.table(), t -> t.withUniqueConstraints(us -> add(us, op.constraint())));
        } else if (operation instanceof DropUniqueConstraint op) {
            change(op.table(), t -> t.withUniqueConstraints(us -> {
                us.removeIf(u -> u.name().equals(op.name()));
                return us;
            }));
        }
        // ExecuteSql: what hand-written SQL does is unknown; the schema stays as it was.
    }

    private void change(String name, java.util.function.UnaryOperator<Table> change) {
        Table table = tables.get(name);
        if (table != null) {
            tables.put(name, change.apply(table));
        }
    }

    private static <T> List<T> add(List<T> items, T item) {
        items.add(item);
        return items;
    }
}
