package microblog.migrate.schema;

import java.util.Objects;

/**
 * A sequence of numbers a database hands out, as Hibernate's {@code SEQUENCE}
 * generator (and a plain {@code @GeneratedValue} on a Long id) needs one. Where
 * the database has none (SQLite), it is Hibernate's emulation: a one-row table
 * whose {@code next_val} column holds the next value.
 *
 * @param start the first value, as the mapping declares it ({@code initialValue})
 * @param increment what each call adds, Hibernate's {@code allocationSize}: it takes
 *     that many ids per call and hands them out itself
 * @param table the table whose key the sequence numbers, or null if not known
 * @param column that key's column, or null with {@code table}; a sequence created
 *     for a table that already holds rows starts above its largest key, where
 *     starting at {@code start} would hand out keys already taken
 */
public record Sequence(String name, long start, long increment, String table, String column) {
    public Sequence {
        Objects.requireNonNull(name, "name");
        if (increment == 0) {
            throw new IllegalArgumentException("sequence '" + name + "' needs a non-zero increment");
        }
        if ((table == null) != (column == null)) {
            throw new IllegalArgumentException(
                    "sequence '" + name + "' numbers a table's column: give both or neither");
        }
    }

    /** A sequence that numbers no known column. */
    public static Sequence of(String name, long start, long increment) {
        return new Sequence(name, start, increment, null, null);
    }

    /** This sequence, giving the values of {@code table.column}. */
    public Sequence numbering(String table, String column) {
        return new Sequence(name, start, increment, table, column);
    }

    public Sequence withIncrement(long other) {
        return new Sequence(name, start, other, table, column);
    }

    /** Whether it is known which column takes its values. */
    public boolean numbersAColumn() {
        return table != null;
    }
}
