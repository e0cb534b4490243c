package microblog.migrate.schema;

import java.util.List;

/**
 * A foreign key from {@code columns} of its table to {@code referredColumns} of
 * {@code referredTable}.
 *
 * @param onDelete the ON DELETE action (CASCADE, SET NULL, ...), or null for the default
 */
public record ForeignKey(
        String name, List<String> columns, String referredTable, List<String> referredColumns, String onDelete) {
    public ForeignKey {
        columns = List.copyOf(columns);
        referredColumns = List.copyOf(referredColumns);
    }

    public ForeignKey withColumns(List<String> newColumns) {
        return new ForeignKey(name, newColumns, referredTable, referredColumns, onDelete);
    }

    public ForeignKey named(String newName) {
        return new ForeignKey(newName, columns, referredTable, referredColumns, onDelete);
    }

    public ForeignKey referringTo(String table) {
        return new ForeignKey(name, columns, table, referredColumns, onDelete);
    }

    /** The conventional name, so that every database calls it the same. */
    public static String conventionalName(String table, List<String> columns, String referredTable) {
        return Identifiers.fit("fk_" + table + "_" + String.join("_", columns) + "_" + referredTable);
    }

    /** Two foreign keys match when they link the same columns, whatever their names. */
    public boolean sameLink(ForeignKey other) {
        return columns.equals(other.columns)
                && referredTable.equals(other.referredTable)
                && referredColumns.equals(other.referredColumns);
    }
}
