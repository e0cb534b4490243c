package microblog.migrate.schema;

import java.util.Optional;

/**
 * A named CHECK constraint: a condition in SQL, or the values one column may
 * hold ({@link AllowedValues}, the checks Hibernate derives for enums and
 * discriminators), which each database is given in its own quoting.
 *
 * <p>A check is compared by the values it allows where its condition lists
 * them, whatever the database made of the text; otherwise by name only: each
 * database spells a stored condition its own way (PostgreSQL adds parentheses
 * and casts, MariaDB back-quotes names), so comparing the text would report
 * drift that is not there.
 *
 * @param expression the condition, as SQL every database reads, without CHECK; null where
 *     {@code allowedValues} says it
 * @param allowedValues the values the check allows, or null for a condition given as SQL
 */
public record CheckConstraint(String name, String expression, AllowedValues allowedValues) {
    public CheckConstraint {
        if ((expression == null) == (allowedValues == null)) {
            throw new IllegalArgumentException(
                    "check constraint " + name + " needs either an expression or allowed values");
        }
    }

    /** A check whose condition is SQL. */
    public CheckConstraint(String name, String expression) {
        this(name, expression, null);
    }

    /** A check that lets a column hold only {@code values}. */
    public static CheckConstraint allowing(String name, AllowedValues values) {
        return new CheckConstraint(name, null, values);
    }

    /** The conventional name of an unnamed check: on a column, or the n-th of its table. */
    public static String conventionalName(String table, String columnOrNumber) {
        return Identifiers.fit("ck_" + table + "_" + columnOrNumber);
    }

    /** The values this check allows, read from its condition if it is SQL of that shape. */
    public Optional<AllowedValues> meaning() {
        return allowedValues != null ? Optional.of(allowedValues) : AllowedValuesReader.read(expression);
    }

    /**
     * This check as allowed values on a column of {@code table}, if its condition
     * is of that shape; as it is otherwise. A database's stored text
     * ({@code = ANY (ARRAY[...])}) then never reaches a revision, which must
     * read the same on every database.
     */
    public CheckConstraint inTermsOf(Table table) {
        if (allowedValues != null) {
            return this;
        }
        return AllowedValuesReader.read(expression)
                .map(values -> values.onColumnOf(table))
                .map(values -> allowing(name, values))
                .orElse(this);
    }

    /** Whether both allow the same, as far as can be told: the same values, or conditions not of that shape. */
    public boolean sameMeaningAs(CheckConstraint other) {
        Optional<AllowedValues> mine = meaning();
        Optional<AllowedValues> theirs = other.meaning();
        return mine.isEmpty() || theirs.isEmpty() || mine.get().sameAs(theirs.get());
    }
}
