package microblog.migrate.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * MySQL/MariaDB's GET_LOCK. Its names are server-wide, so the name is made of
 * the database and the version table: unrelated databases on one server never
 * wait for each other.
 */
final class MysqlLock implements SessionLock {
    private final String name; // a SQL expression

    private MysqlLock(String name) {
        this.name = name;
    }

    static SessionLock forVersionTable(Connection connection, String versionTable) {
        return new MysqlLock(
                "CONCAT('migrate_', MD5(CONCAT(DATABASE(), '.', " + SqlLiterals.string(versionTable) + ")))");
    }

    @Override
    public String tryLockSql() {
        return "SELECT GET_LOCK(" + name + ", 0)";
    }

    @Override
    public String releaseSql() {
        return "SELECT RELEASE_LOCK(" + name + ")";
    }

    @Override
    public String holderSql() {
        return "SELECT p.ID, p.HOST, p.USER, p.TIME, p.COMMAND FROM information_schema.PROCESSLIST p "
                + "WHERE p.ID = IS_USED_LOCK(" + name + ")";
    }

    @Override
    public String describeHolder(ResultSet rs) throws SQLException {
        return "connection " + rs.getLong(1) + " (" + rs.getString(3) + " from " + rs.getString(2) + ", "
                + rs.getString(5) + " for " + rs.getLong(4) + " s)";
    }

    @Override
    public String holderIdSql() {
        return "SELECT IS_USED_LOCK(" + name + ")";
    }

    @Override
    public String terminateSql(Long id) {
        return "KILL " + (id == null ? "<connection id>" : id);
    }
}
