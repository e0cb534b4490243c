package microblog.migrate.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import microblog.db.url.DatabaseKind;
import microblog.migrate.schema.CheckConstraint;
import microblog.migrate.schema.Index;
import microblog.migrate.schema.SchemaCatalog;
import microblog.migrate.schema.Sequence;
import microblog.migrate.schema.StoredDefinitions;
import microblog.migrate.schema.UniqueNames;

/**
 * SQLite keeps the CREATE statements rather than a catalogue: named checks and declared types
 * are read from them, and constraints it keeps no name for get the names this tool gives them.
 */
final class SqliteCatalog implements SchemaCatalog {
    @Override
    public DatabaseKind kind() {
        return DatabaseKind.SQLITE;
    }

    /**
     * SQLite's own tables, and the ones Hibernate makes at start-up for bulk changes of entities
     * spread over several tables ({@code HTE_<table>}), which no revision knows of.
     */
    @Override
    public boolean isInternalTable(String name) {
        return name.startsWith("sqlite_") || name.startsWith("hte_");
    }

    /**
     * A one-column primary key declared INTEGER is the rowid, which takes generated keys; one
     * declared otherwise (BIGINT, as a key numbered by a sequence is) takes what it is given.
     */
    @Override
    public boolean isAutoincrement(ResultSet column) throws SQLException {
        return "INTEGER".equalsIgnoreCase(column.getString("TYPE_NAME"));
    }

    /**
     * Declared types, such as {@code NUMERIC(10, 2)}: the xerial driver reports a NUMERIC's size
     * as precision plus scale, so the declaration is the reliable source.
     */
    @Override
    public Map<String, String> declaredTypes(Connection connection, String table) throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA table_info(\"" + table.replace("\"", "\"\"") + "\")")) {
            while (rs.next()) {
                types.put(rs.getString("name"), rs.getString("type"));
            }
        }
        return types;
    }

    @Override
    public List<Sequence> sequences(Connection connection) throws SQLException {
        return SqliteSequenceTables.read(connection);
    }

    @Override
    public List<CheckConstraint> checkConstraints(Connection connection, String table) throws SQLException {
        List<CheckConstraint> checks = new ArrayList<>();
        String sql = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?";
        CatalogQueries.forTable(connection, sql, table, rs -> rs.getString(1))
                .forEach(createTable -> checks.addAll(SqliteCheckConstraints.in(createTable)));
        return checks;
    }

    /** A UNIQUE constraint is an automatic index, named by SQLite alone: it gets the conventional name. */
    @Override
    public Map<String, String> uniqueConstraintsByIndex(Connection connection, String table, List<Index> indexes) {
        Map<String, String> names = new HashMap<>();
        indexes.stream()
                .filter(index -> index.name().startsWith("sqlite_autoindex_"))
                .forEach(index -> names.put(index.name(), UniqueNames.conventional(table, index.columns())));
        return names;
    }

    /** Read from the CREATE INDEX statements SQLite keeps: its driver lists no expression and no condition. */
    @Override
    public List<Index> expressionAndPartialIndexes(Connection connection, String table) throws SQLException {
        List<Index> indexes = new ArrayList<>();
        storedDefinitions(connection, table).indexes().forEach((name, sql) -> IndexStatements.read(name, table, sql)
                .filter(index -> !index.isPlain())
                .ifPresent(indexes::add));
        return indexes;
    }

    /** The statements to replay when the table is rebuilt (not those of constraints, which have none). */
    @Override
    public StoredDefinitions storedDefinitions(Connection connection, String table) throws SQLException {
        Map<String, String> indexes = new LinkedHashMap<>();
        List<String> triggers = new ArrayList<>();
        String sql = "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL"
                + " AND type IN ('index', 'trigger') ORDER BY rowid";
        record Stored(String type, String name, String sql) {}
        for (Stored stored : CatalogQueries.forTable(
                connection,
                sql,
                table,
                rs -> new Stored(rs.getString("type"), rs.getString("name"), rs.getString("sql")))) {
            if (stored.type().equals("index")) {
                indexes.put(stored.name(), stored.sql());
            } else {
                triggers.add(stored.sql());
            }
        }
        return new StoredDefinitions(indexes, triggers);
    }

    @Override
    public boolean keepsForeignKeyNames() {
        return false;
    }
}
