package microblog.migrate.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL's advisory lock. Its key is a hash of the schema and the version
 * table, so that applications sharing a database, each with its own version
 * table, never wait for each other.
 */
final class PostgresLock implements SessionLock {
    private final long key;

    private PostgresLock(long key) {
        this.key = key;
    }

    static SessionLock forVersionTable(Connection connection, String versionTable) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT hashtextextended('migrate:' || current_schema() || '.' || "
                        + SqlLiterals.string(versionTable) + ", 0)")) {
            rs.next();
            return new PostgresLock(rs.getLong(1));
        }
    }

    @Override
    public String tryLockSql() {
        return "SELECT pg_try_advisory_lock(" + key + ")";
    }

    @Override
    public String releaseSql() {
        return "SELECT pg_advisory_unlock(" + key + ")";
    }

    @Override
    public String holderSql() {
        return "SELECT a.pid, coalesce(host(a.client_addr), 'local socket'), a.application_name, a.backend_start, "
                + "a.state FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' "
                + "AND l.granted AND ((l.classid::bigint << 32) | l.objid::bigint) = " + key;
    }

    @Override
    public String describeHolder(ResultSet rs) throws SQLException {
        String application = rs.getString(3);
        return "session " + rs.getLong(1) + " (from " + rs.getString(2)
                + (application == null || application.isBlank() ? "" : ", " + application)
                + ", connected since " + rs.getTimestamp(4).toInstant() + ", " + rs.getString(5) + ")";
    }

    @Override
    public String holderIdSql() {
        return "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND "
                + "((classid::bigint << 32) | objid::bigint) = " + key;
    }

    @Override
    public String terminateSql(Long id) {
        return "SELECT pg_terminate_backend(" + (id == null ? "<pid>" : id) + ")";
    }
}
