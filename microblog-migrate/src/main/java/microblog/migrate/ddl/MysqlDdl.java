package microblog.migrate.ddl;

import java.util.List;
import microblog.db.url.DatabaseKind;
import microblog.migrate.operations.AlterColumn;
import microblog.migrate.operations.DropForeignKey;
import microblog.migrate.operations.DropIndex;
import microblog.migrate.operations.DropUniqueConstraint;
import microblog.migrate.schema.ColumnType;

/**
 * MySQL and MariaDB: back-quoted names, AUTO_INCREMENT, DATETIME(6) for
 * microseconds, and their own ways to drop indexes and constraints.
 */
final class MysqlDdl extends DdlRenderer {
    @Override
    public DatabaseKind kind() {
        return DatabaseKind.MYSQL;
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    protected String typeSql(ColumnType type) {
        return switch (type.name()) {
            case "Boolean" -> "BOOL";
            case "DateTime" -> "DATETIME(6)";
            case "Time" -> "TIME(6)";
            case "Float" -> "FLOAT";
            case "Double" -> "DOUBLE";
            case "Numeric" -> standardType(type).replace("NUMERIC", "DECIMAL");
            case "LargeBinary" -> "LONGBLOB";
            default -> standardType(type);
        };
    }

    @Override
    protected String autoincrementClause() {
        return " AUTO_INCREMENT";
    }

    @Override
    protected String tableSuffix() {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    }

    /** MySQL restates the whole column: type, nullability and default in one MODIFY. */
    @Override
    protected List<String> alterColumn(AlterColumn op, TableLookup tables) {
        return List.of("ALTER TABLE " + quote(op.table()) + " MODIFY COLUMN " + columnDefinition(op.to()));
    }

    @Override
    protected String dropIndex(DropIndex op) {
        return "DROP INDEX " + quote(op.name()) + " ON " + quote(op.table());
    }

    @Override
    protected List<String> dropForeignKey(DropForeignKey op, TableLookup tables) {
        return List.of("ALTER TABLE " + quote(op.table()) + " DROP FOREIGN KEY " + quote(op.name()));
    }

    @Override
    protected List<String> dropUnique(DropUniqueConstraint op, TableLookup tables) {
        return List.of("ALTER TABLE " + quote(op.table()) + " DROP INDEX " + quote(op.name()));
    }
}
