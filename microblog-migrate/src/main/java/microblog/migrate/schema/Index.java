package microblog.migrate.schema;

import java.util.List;

/**
 * An index, unique or not, of one table: on columns, or on an SQL expression
 * ({@code lower(email)}), and over every row or only those a condition
 * selects (a partial index). PostgreSQL and SQLite have both kinds; MySQL,
 * MariaDB and H2 neither (see {@link #isPlain}).
 *
 * @param columns the indexed columns, in order; empty where {@code expression} is the key
 * @param expression the key as SQL, or null for an index on {@code columns}
 * @param where the condition of a partial index, as SQL, or null for one over every row
 */
public record Index(String name, String table, List<String> columns, boolean unique, String expression, String where) {
    public Index {
        columns = List.copyOf(columns);
        if (expression != null && !columns.isEmpty()) {
            throw new IllegalArgumentException("index " + name + " has both columns and an expression");
        }
    }

    /** An index on columns, over every row. */
    public Index(String name, String table, List<String> columns, boolean unique) {
        this(name, table, columns, unique, null, null);
    }

    /** Whether this is an index on columns over every row, which every database can make. */
    public boolean isPlain() {
        return expression == null && where == null;
    }

    /** What the index is on, for a finding: its columns, or its expression. */
    public String key() {
        return expression != null ? expression : String.join(", ", columns);
    }

    public Index renamedTo(String newName) {
        return new Index(newName, table, columns, unique, expression, where);
    }

    /** This index on table {@code newTable}, as after a rename of the table. */
    public Index onTable(String newTable) {
        return new Index(name, newTable, columns, unique, expression, where);
    }

    /** This index with {@code newColumns} as its columns, as after a rename of one. */
    public Index withColumns(List<String> newColumns) {
        return new Index(name, table, newColumns, unique, expression, where);
    }
}
