package microblog.migrate.runtime;

import static microblog.migrate.runtime.BookkeepingTables.literal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import microblog.migrate.dialect.MigrationDialect;

/**
 * The table that records which revisions a database stands at: one row per
 * head, in column {@code version_num}. Named {@code alembic_version} by default,
 * like Flask-Migrate's, so a database tells either tool where it stands.
 */
public final class VersionTable {
    private final String name;
    private final MigrationDialect ddl;

    public VersionTable(String name, MigrationDialect ddl) {
        this.name = name;
        this.ddl = ddl;
    }

    public String name() {
        return name;
    }

    /** The tables this tool keeps for itself, which autogenerate never compares with the models. */
    public Set<String> bookkeepingTables() {
        return Set.of(
                name, ProgressRecord.tableName(name), AppliedRevisions.tableName(name), MigrationLease.tableName(name));
    }

    public boolean exists(Connection connection) throws SQLException {
        return BookkeepingTables.exists(connection, ddl.kind(), name);
    }

    /** The revisions recorded, or none if the table is missing. */
    public Set<String> heads(Connection connection) throws SQLException {
        return exists(connection) ? recordedHeads(connection) : new LinkedHashSet<>();
    }

    /**
     * The revisions recorded in the table, which the caller knows to exist: this skips the catalog
     * lookup of {@link #heads}, a query of its own on every database (about 2 ms on PostgreSQL),
     * which a migration would otherwise make once per revision.
     */
    Set<String> recordedHeads(Connection connection) throws SQLException {
        Set<String> heads = new LinkedHashSet<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT version_num FROM " + ddl.quote(name))) {
            while (rs.next()) {
                heads.add(rs.getString(1));
            }
        }
        return heads;
    }

    public String createSql() {
        return "CREATE TABLE " + ddl.quote(name) + " (\n    " + ddl.quote("version_num") + " VARCHAR(32) NOT NULL,\n"
                + "    CONSTRAINT " + ddl.quote(name + "_pkc") + " PRIMARY KEY (" + ddl.quote("version_num") + ")\n)"
                + ddl.bookkeepingTableOptions();
    }

    public String purgeSql() {
        return "DELETE FROM " + ddl.quote(name);
    }

    /** Statements that move the recorded heads from {@code before} to {@code after}. */
    public List<String> moveSql(Set<String> before, Set<String> after) {
        List<String> removed = before.stream().filter(h -> !after.contains(h)).toList();
        List<String> added = after.stream().filter(h -> !before.contains(h)).toList();
        List<String> sql = new ArrayList<>();
        String table = ddl.quote(name);
        String column = ddl.quote("version_num");
        if (removed.size() == 1 && added.size() == 1) {
            sql.add("UPDATE " + table + " SET " + column + " = " + literal(added.get(0)) + " WHERE " + column + " = "
                    + literal(removed.get(0)));
            return sql;
        }
        removed.forEach(r -> sql.add("DELETE FROM " + table + " WHERE " + column + " = " + literal(r)));
        added.forEach(a -> sql.add("INSERT INTO " + table + " (" + column + ") VALUES (" + literal(a) + ")"));
        return sql;
    }
}
