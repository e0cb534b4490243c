package microblog.migrate.schema;

/**
 * A named CHECK constraint. Constraints are matched by name: each database
 * spells a stored expression its own way (PostgreSQL adds parentheses and
 * casts, MariaDB back-quotes names), so comparing the text would report drift
 * that is not there.
 *
 * @param expression the condition, as SQL every database reads, without CHECK
 */
public record CheckConstraint(String name, String expression) {
    /** The conventional name of an unnamed check: on a column, or the n-th of its table. */
    public static String conventionalName(String table, String columnOrNumber) {
        return Identifiers.fit("ck_" + table + "_" + columnOrNumber);
    }
}
