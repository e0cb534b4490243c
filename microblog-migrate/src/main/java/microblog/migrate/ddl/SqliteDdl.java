package microblog.migrate.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import microblog.db.url.DatabaseKind;
import microblog.migrate.MigrationException;
import microblog.migrate.operations.CreateForeignKey;
import microblog.migrate.operations.CreateUniqueConstraint;
import microblog.migrate.operations.DropColumn;
import microblog.migrate.operations.DropForeignKey;
import microblog.migrate.operations.DropUniqueConstraint;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.ColumnType;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.Table;
import microblog.migrate.schema.UniqueConstraint;

/**
 * SQLite: what its ALTER TABLE cannot do (constraints, dropping columns, adding
 * a column with a foreign key) becomes the table rebuild SQLite's documentation
 * prescribes: create the new shape, copy the rows, drop the old table, rename,
 * recreate the indexes. It runs inside the revision's transaction, with foreign
 * keys checked at commit rather than mid-copy.
 */
final class SqliteDdl extends DdlRenderer {
    @Override
    public DatabaseKind kind() {
        return DatabaseKind.SQLITE;
    }

    @Override
    protected String typeSql(ColumnType type) {
        return standardType(type);
    }

    /**
     * Only a column declared exactly {@code INTEGER PRIMARY KEY} gets generated
     * values in SQLite (it becomes the rowid, 64 bits wide), so a BigInteger or
     * SmallInteger key is declared INTEGER here.
     */
    @Override
    protected String columnDefinition(Column column) {
        if (column.autoincrement() && column.type().isInteger()) {
            return super.columnDefinition(new Column(column.name(), ColumnType.INTEGER, column.nullable(),
                    column.primaryKey(), true, column.serverDefault()));
        }
        return super.columnDefinition(column);
    }

    @Override
    protected List<String> dropColumn(DropColumn op, TableLookup tables) {
        return rebuild(op.table(), tables, t -> t.withoutColumn(op.column()));
    }

    @Override
    protected List<String> createForeignKey(CreateForeignKey op, TableLookup tables) {
        return rebuild(op.table(), tables, t -> t.withForeignKeys(fks -> {
            fks.add(op.foreignKey());
            return fks;
        }));
    }

    @Override
    protected List<String> dropForeignKey(DropForeignKey op, TableLookup tables) {
        return rebuild(op.table(), tables, t -> t.withForeignKeys(
                fks -> removeNamed(fks, ForeignKey::name, op.name(), "foreign key", op.table())));
    }

    @Override
    protected List<String> createUnique(CreateUniqueConstraint op, TableLookup tables) {
        return rebuild(op.table(), tables, t -> t.withUniqueConstraints(us -> {
            us.add(op.constraint());
            return us;
        }));
    }

    @Override
    protected List<String> dropUnique(DropUniqueConstraint op, TableLookup tables) {
        return rebuild(op.table(), tables, t -> t.withUniqueConstraints(
                us -> removeNamed(us, UniqueConstraint::name, op.name(), "unique constraint", op.table())));
    }

    private static <T> List<T> removeNamed(List<T> items, Function<T, String> name, String wanted, String what,
                                           String table) {
        if (!items.removeIf(item -> name.apply(item).equals(wanted))) {
            throw new MigrationException("table '" + table + "' has no " + what + " '" + wanted + "'");
        }
        return items;
    }

    private List<String> rebuild(String tableName, TableLookup tables, UnaryOperator<Table> change) {
        Table before = tables.table(tableName).orElseThrow(() -> new MigrationException(
                "cannot change table '" + tableName + "' on SQLite: it does not exist"));
        Table after = change.apply(before);
        String temporary = "_migrate_tmp_" + tableName;
        List<String> kept = after.columns().stream().map(Column::name)
                .filter(name -> before.column(name).isPresent()).toList();
        List<String> sql = new ArrayList<>();
        sql.add("PRAGMA defer_foreign_keys = ON");
        sql.add(createTable(new Table(temporary, after.columns(), after.uniqueConstraints(), after.foreignKeys(),
                List.of())));
        sql.add("INSERT INTO " + quote(temporary) + " (" + columnList(kept) + ") SELECT " + columnList(kept)
                + " FROM " + quote(tableName));
        sql.add("DROP TABLE " + quote(tableName));
        sql.add("ALTER TABLE " + quote(temporary) + " RENAME TO " + quote(tableName));
        after.indexes().forEach(index -> sql.add(createIndex(index)));
        return sql;
    }
}
