package microblog.migrate.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import microblog.db.url.DatabaseKind;
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
import microblog.migrate.operations.ExecuteSql;
import microblog.migrate.operations.Operation;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.ColumnType;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.Index;
import microblog.migrate.schema.Table;
import microblog.migrate.schema.UniqueConstraint;

/**
 * Turns operations into SQL statements for one kind of database. The shared
 * shape is standard SQL; subclasses supply type names, quoting and what their
 * database spells differently.
 *
 * <p>Written here rather than taken from Hibernate's dialects because the
 * commands that apply revisions must not boot Hibernate (start-up time), and
 * because Hibernate's own schema export leaves out SQLite foreign keys and
 * named unique constraints.
 */
public abstract class DdlRenderer {

    public static DdlRenderer forKind(DatabaseKind kind) {
        return switch (kind) {
            case SQLITE -> new SqliteDdl();
            case POSTGRESQL -> new PostgresDdl();
            case MYSQL -> new MysqlDdl();
        };
    }

    public abstract DatabaseKind kind();

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

    /** The statements for {@code operation}, in order. */
    public List<String> render(Operation operation, TableLookup tables) {
        if (operation instanceof CreateTable op) {
            return List.of(createTable(op.table()));
        } else if (operation instanceof DropTable op) {
            return List.of("DROP TABLE " + quote(op.table()));
        } else if (operation instanceof AddColumn op) {
            return addColumn(op, tables);
        } else if (operation instanceof DropColumn op) {
            return dropColumn(op, tables);
        } else if (operation instanceof CreateIndex op) {
            return List.of(createIndex(op.index()));
        } else if (operation instanceof DropIndex op) {
            return List.of(dropIndex(op));
        } else if (operation instanceof CreateForeignKey op) {
            return createForeignKey(op, tables);
        } else if (operation instanceof DropForeignKey op) {
            return dropForeignKey(op, tables);
        } else if (operation instanceof CreateUniqueConstraint op) {
            return createUnique(op, tables);
        } else if (operation instanceof DropUniqueConstraint op) {
            return dropUnique(op, tables);
        } else if (operation instanceof ExecuteSql op) {
            return List.of(op.perDatabase().getOrDefault(key(), op.sql()));
        }
        throw new IllegalArgumentException("no SQL for " + operation);
    }

    protected String createTable(Table table) {
        List<String> parts = new ArrayList<>();
        table.columns().forEach(c -> parts.add(columnDefinition(c)));
        if (!table.primaryKey().isEmpty() && !primaryKeyIsInline(table)) {
            parts.add("PRIMARY KEY (" + columnList(table.primaryKey()) + ")");
        }
        table.uniqueConstraints().forEach(u -> parts.add(uniqueClause(u)));
        table.foreignKeys().forEach(fk -> parts.add(foreignKeyClause(fk)));
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

    protected String columnDefinition(Column column) {
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(typeSql(column.type()));
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

    protected String foreignKeyClause(ForeignKey fk) {
        return "CONSTRAINT " + quote(fk.name()) + " FOREIGN KEY (" + columnList(fk.columns()) + ") REFERENCES "
                + quote(fk.referredTable()) + " (" + columnList(fk.referredColumns()) + ")"
                + (fk.onDelete() == null ? "" : " ON DELETE " + fk.onDelete());
    }

    protected String createIndex(Index index) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON "
                + quote(index.table()) + " (" + columnList(index.columns()) + ")";
    }

    protected String dropIndex(DropIndex op) {
        return "DROP INDEX " + quote(op.name());
    }

    protected List<String> addColumn(AddColumn op, TableLookup tables) {
        return List.of("ALTER TABLE " + quote(op.table()) + " ADD COLUMN "
                + columnDefinition(op.column()));
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

    protected String columnList(List<String> columns) {
        return columns.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    /** Type names shared by most databases; subclasses override what differs. */
    protected String standardType(ColumnType type) {
        return switch (type.name()) {
            case "Integer" -> "INTEGER";
            case "BigInteger" -> "BIGINT";
            case "SmallInteger" -> "SMALLINT";
            case "String" -> type.length() == null ? "VARCHAR" : "VARCHAR(" + type.length() + ")";
            case "Text" -> "TEXT";
            case "Boolean" -> "BOOLEAN";
            case "DateTime" -> type.timezone() ? "TIMESTAMP WITH TIME ZONE" : "DATETIME";
            case "Date" -> "DATE";
            case "Time" -> "TIME";
            case "Float" -> "REAL";
            case "Double" -> "DOUBLE PRECISION";
            case "Numeric" -> type.precision() == null ? "NUMERIC"
                    : "NUMERIC(" + type.precision() + (type.scale() == null ? "" : ", " + type.scale()) + ")";
            case "LargeBinary" -> "BLOB";
            // SQLite keeps any declared name, so UUID reads back as one; the 16 bytes Hibernate writes stay a blob.
            case "Uuid" -> "UUID";
            default -> throw new IllegalArgumentException("no SQL type for " + type);
        };
    }
}
