package microblog.migrate.runtime;

import java.sql.SQLException;
import microblog.db.url.DatabaseKind;

/** The few database errors the migration runtime tells apart, by SQLState and MySQL's error codes. */
final class SqlErrors {
    private static final int MYSQL_TABLE_EXISTS = 1050;
    private static final int MYSQL_DUPLICATE_KEY = 1062;

    private SqlErrors() {}

    /**
     * The database aborted the transaction for a conflict with another (a deadlock, a
     * serialization failure, a Galera certification failure), as {@code kind}'s dialect in
     * microblog-db tells them apart: nothing of the transaction was committed.
     */
    static boolean isConflict(SQLException e, DatabaseKind kind) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && kind.dialect().isTransactionConflict(sql)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A row or table that another process made at the same moment: a duplicate key, or, on
     * PostgreSQL, the table's row type or catalogue row that two concurrent {@code CREATE TABLE IF
     * NOT EXISTS} both try to add (42710, or 23505 on {@code pg_type_typname_nsp_index}).
     */
    static boolean isDuplicate(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state)
                || "42P07".equals(state)
                || "42710".equals(state)
                || e.getErrorCode() == MYSQL_TABLE_EXISTS
                || e.getErrorCode() == MYSQL_DUPLICATE_KEY;
    }
}
