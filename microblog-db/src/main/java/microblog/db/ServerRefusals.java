package microblog.db;

import java.sql.SQLException;
import microblog.db.url.DatabaseKind;

/**
 * The refusals that come from where the server stands rather than from the statement: a
 * read-only replica given a write, a transaction pooler that lost a prepared statement. Each one
 * line that says what to change.
 */
final class ServerRefusals {
    private ServerRefusals() {}

    /** The one-line failure {@code e} stands for, or null where it is none of these. */
    static DatabaseException explain(Throwable e, DatabaseKind kind) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                if (kind.dialect().isReadOnlyRefusal(sql)) {
                    return new ReadOnlyReplicaException(
                            "the server refused a write: it is a read-only replica (" + firstLine(sql.getMessage())
                                    + "); writes go to the primary: point the database URL at it, or with several "
                                    + "hosts ask for it (PostgreSQL: target_session_attrs=read-write)",
                            e);
                }
                if (kind.dialect().isPreparedStatementLostToPooler(sql)) {
                    return new DatabaseException(
                            "a transaction pooler (PgBouncer) stands before the server and lost the driver's "
                                    + "prepared statement (" + firstLine(sql.getMessage())
                                    + "): add ?pgbouncer=true to the database URL, and no prepareThreshold other "
                                    + "than 0",
                            e);
                }
            }
        }
        return null;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }
}
