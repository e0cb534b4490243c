package microblog.migrate.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A database's named session lock, as the migration lock takes it: the SQL for
 * one lock, and how the database describes the session holding it. PostgreSQL
 * and MySQL/MariaDB have one; SQLite has none (its write lock serves).
 */
public interface SessionLock {

    /** One row, one column: true (or 1) when the lock was taken at once, without waiting. */
    String tryLockSql();

    String releaseSql();

    /** One row describing the holder's session, read by {@link #describeHolder}; no row when free. */
    String holderSql();

    /** The holder as a user reads it: {@code session 42 (from 10.0.0.5, connected since ...)}. */
    String describeHolder(ResultSet holder) throws SQLException;

    /** One row, one column: the holder's session id, from what any user may read. */
    String holderIdSql();

    /** The statement that ends session {@code id}, or, for null, its pattern with a placeholder. */
    String terminateSql(Long id);
}
