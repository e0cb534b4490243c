package microblog.migrate.schema;

/**
 * One column of a table. Made with {@link #of} and the {@code with...} methods,
 * which name each property, rather than with the record's six positional values.
 *
 * @param autoincrement whether the database assigns its values (an integer primary key)
 * @param serverDefault a SQL expression the database fills in when no value is given, or null
 */
public record Column(
        String name,
        ColumnType type,
        boolean nullable,
        boolean primaryKey,
        boolean autoincrement,
        String serverDefault) {

    public Column {
        if (primaryKey) {
            nullable = false;
        }
    }

    /** A nullable column, no key, no default. */
    public static Column of(String name, ColumnType type) {
        return new Column(name, type, true, false, false, null);
    }

    /** A primary key whose values the database assigns, as {@code id} usually is. */
    public static Column autoincrementKey(String name, ColumnType type) {
        return of(name, type).withPrimaryKey(true).withAutoincrement(true);
    }

    /** This column, NOT NULL. */
    public Column notNull() {
        return withNullable(false);
    }

    public Column withNullable(boolean nullable) {
        return new Column(name, type, nullable, primaryKey, autoincrement, serverDefault);
    }

    /** This column as (part of) the primary key, which makes it NOT NULL; or not. */
    public Column withPrimaryKey(boolean primaryKey) {
        return new Column(name, type, nullable, primaryKey, autoincrement, serverDefault);
    }

    public Column withAutoincrement(boolean autoincrement) {
        return new Column(name, type, nullable, primaryKey, autoincrement, serverDefault);
    }

    /** This column with {@code expression} (SQL) as its server default, or none for null. */
    public Column withServerDefault(String expression) {
        return new Column(name, type, nullable, primaryKey, autoincrement, expression);
    }

    public Column withType(ColumnType other) {
        return new Column(name, other, nullable, primaryKey, autoincrement, serverDefault);
    }

    public Column renamed(String newName) {
        return new Column(newName, type, nullable, primaryKey, autoincrement, serverDefault);
    }
}
