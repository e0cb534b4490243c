package microblog.migrate.schema;

/**
 * One column of a table.
 *
 * @param autoincrement whether the database assigns its values (an integer primary key)
 * @param serverDefault a SQL expression the database fills in when no value is given, or null
 */
public record Column(String name, ColumnType type, boolean nullable, boolean primaryKey, boolean autoincrement,
                     String serverDefault) {

    public Column {
        if (primaryKey) {
            nullable = false;
        }
    }

    public Column renamed(String newName) {
        return new Column(newName, type, nullable, primaryKey, autoincrement, serverDefault);
    }

    public static Column of(String name, ColumnType type, boolean nullable) {
        return new Column(name, type, nullable, false, false, null);
    }
}
