package microblog.migrate.dialect;

/** Values written into SQL as literals, for the few statements that cannot take parameters (DDL, scripts). */
public final class SqlLiterals {
    private SqlLiterals() {}

    /** {@code value} as a SQL string literal. */
    public static String string(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
