package microblog.migrate.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import microblog.db.url.DatabaseKind;
import microblog.migrate.MigrationException;

/**
 * Reads the schema a live database has, through JDBC metadata, into the same
 * values the models are read into, so the two can be compared. Only reads.
 *
 * <p>Names that a database does not keep (SQLite forgets constraint names) are
 * given the conventional ones this tool creates them with.
 */
public final class LiveSchemaReader {
    private final Connection connection;
    private final DatabaseKind kind;
    private final Set<String> ignoredTables;

    public LiveSchemaReader(Connection connection, DatabaseKind kind, Set<String> ignoredTables) {
        this.connection = connection;
        this.kind = kind;
        this.ignoredTables = ignoredTables;
    }

    public Schema read() {
        try {
            List<Table> tables = new ArrayList<>();
            for (String name : tableNames()) {
                tables.add(readTable(name));
            }
            return new Schema(tables);
        } catch (SQLException e) {
            throw new MigrationException("cannot read the database schema: " + e.getMessage(), e);
        }
    }

    public Optional<Table> table(String name) {
        try {
            return tableNames().contains(name) ? Optional.of(readTable(name)) : Optional.empty();
        } catch (SQLException e) {
            throw new MigrationException("cannot read table '" + name + "': " + e.getMessage(), e);
        }
    }

    /**
     * The CREATE statements SQLite stored for the table's own indexes and
     * triggers (not those it made for constraints, which have none). Other
     * databases do not need them: they alter tables in place.
     */
    public StoredDefinitions storedDefinitions(String table) {
        if (kind != DatabaseKind.SQLITE) {
            return StoredDefinitions.NONE;
        }
        Map<String, String> indexes = new LinkedHashMap<>();
        List<String> triggers = new ArrayList<>();
        String sql = "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL"
                + " AND type IN ('index', 'trigger') ORDER BY rowid";
        try (var st = connection.prepareStatement(sql)) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString("type").equals("index")) {
                        indexes.put(rs.getString("name"), rs.getString("sql"));
                    } else {
                        triggers.add(rs.getString("sql"));
                    }
                }
            }
        } catch (SQLException e) {
            throw new MigrationException(
                    "cannot read the indexes and triggers of '" + table + "': " + e.getMessage(), e);
        }
        return new StoredDefinitions(indexes, triggers);
    }

    private String catalog() throws SQLException {
        return kind.metadataCatalog(connection);
    }

    private String schemaPattern() throws SQLException {
        return kind.metadataSchema(connection);
    }

    private List<String> tableNames() throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs =
                connection.getMetaData().getTables(catalog(), schemaPattern(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String lower = name.toLowerCase(Locale.ROOT);
                if (!lower.startsWith("sqlite_")
                        && !lower.startsWith("_migrate_tmp_")
                        && !ignoredTables.contains(name)) {
                    names.add(name);
                }
            }
        }
        names.sort(String::compareTo);
        return names;
    }

    private Table readTable(String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String> primaryKey = primaryKey(meta, table);
        List<Column> columns = new ArrayList<>();
        Map<String, String> declaredTypes = sqliteDeclaredTypes(table);
        try (ResultSet rs = meta.getColumns(catalog(), schemaPattern(), table, "%")) {
            TreeMap<Integer, Column> byPosition = new TreeMap<>();
            while (rs.next()) {
                if (!table.equals(rs.getString("TABLE_NAME"))) {
                    continue; // '_' in the table name is a LIKE wildcard
                }
                String name = rs.getString("COLUMN_NAME");
                ColumnType type = TypeNormalizer.normalize(
                        kind,
                        table + "." + name,
                        declaredTypes.getOrDefault(name, rs.getString("TYPE_NAME")),
                        rs.getInt("COLUMN_SIZE"),
                        rs.getInt("DECIMAL_DIGITS"));
                boolean pk = primaryKey.contains(name);
                boolean auto = pk
                        && primaryKey.size() == 1
                        && type.isInteger()
                        && (kind == DatabaseKind.SQLITE || "YES".equals(rs.getString("IS_AUTOINCREMENT")));
                String serverDefault = auto ? null : serverDefault(rs.getString("COLUMN_DEF"));
                boolean nullable = rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
                byPosition.put(
                        rs.getInt("ORDINAL_POSITION"),
                        Column.of(name, type)
                                .withNullable(nullable)
                                .withPrimaryKey(pk)
                                .withAutoincrement(auto)
                                .withServerDefault(serverDefault));
            }
            columns.addAll(byPosition.values());
        }
        List<ForeignKey> foreignKeys = foreignKeys(meta, table);
        List<Index> indexes = new ArrayList<>();
        List<UniqueConstraint> uniques = new ArrayList<>();
        Set<String> uniqueConstraintNames = uniqueConstraintNames(table);
        for (Index index : indexes(meta, table)) {
            if (index.unique() && index.columns().equals(primaryKey)) {
                continue; // the primary key's own index
            }
            if (kind == DatabaseKind.MYSQL && !index.unique() && backsForeignKey(index, foreignKeys)) {
                continue; // InnoDB's automatic index behind a foreign key
            }
            if (index.name().startsWith("sqlite_autoindex_")) {
                uniques.add(new UniqueConstraint(UniqueNames.conventional(table, index.columns()), index.columns()));
            } else if (uniqueConstraintNames.contains(index.name())) {
                uniques.add(new UniqueConstraint(index.name(), index.columns()));
            } else {
                indexes.add(index);
            }
        }
        return new Table(table, columns, uniques, foreignKeys, indexes, checkConstraints(table));
    }

    /**
     * InnoDB adds an index on a foreign key's columns when none exists, named after the constraint,
     * or, for a constraint created without a name (as SQLAlchemy creates them), after its first column.
     */
    private static boolean backsForeignKey(Index index, List<ForeignKey> foreignKeys) {
        return foreignKeys.stream()
                .anyMatch(fk -> index.columns().equals(fk.columns())
                        && (index.name().equals(fk.name())
                                || index.name().equals(fk.columns().get(0))));
    }

    /** MariaDB reports a column without a default as having the default {@code NULL}: the same thing. */
    private static String serverDefault(String reported) {
        return reported == null || reported.strip().equalsIgnoreCase("NULL") ? null : reported;
    }

    private List<String> primaryKey(DatabaseMetaData meta, String table) throws SQLException {
        TreeMap<Integer, String> columns = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog(), schemaPattern(), table)) {
            while (rs.next()) {
                columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(columns.values());
    }

    private List<Index> indexes(DatabaseMetaData meta, String table) throws SQLException {
        Map<String, TreeMap<Integer, String>> columns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        try (ResultSet rs = meta.getIndexInfo(catalog(), schemaPattern(), table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (name == null || column == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                    continue;
                }
                columns.computeIfAbsent(name, n -> new TreeMap<>()).put(rs.getInt("ORDINAL_POSITION"), column);
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        List<Index> indexes = new ArrayList<>();
        columns.forEach(
                (name, cols) -> indexes.add(new Index(name, table, new ArrayList<>(cols.values()), unique.get(name))));
        indexes.sort((a, b) -> a.name().compareTo(b.name()));
        return indexes;
    }

    private List<ForeignKey> foreignKeys(DatabaseMetaData meta, String table) throws SQLException {
        record Part(String name, String referred, String column, String referredColumn, int deleteRule) {}
        Map<String, List<Part>> byKey = new LinkedHashMap<>();
        try (ResultSet rs = meta.getImportedKeys(catalog(), schemaPattern(), table)) {
            int unnamed = 0;
            while (rs.next()) {
                String name = rs.getString("FK_NAME");
                if (name == null || name.isEmpty()) {
                    name = rs.getShort("KEY_SEQ") == 1 ? "#" + ++unnamed : "#" + unnamed;
                }
                byKey.computeIfAbsent(name, n -> new ArrayList<>())
                        .add(new Part(
                                name,
                                rs.getString("PKTABLE_NAME"),
                                rs.getString("FKCOLUMN_NAME"),
                                rs.getString("PKCOLUMN_NAME"),
                                rs.getShort("DELETE_RULE")));
            }
        }
        List<ForeignKey> keys = new ArrayList<>();
        byKey.forEach((name, parts) -> {
            List<String> cols = parts.stream().map(Part::column).toList();
            String referred = parts.get(0).referred();
            String keyName = name.startsWith("#") ? ForeignKey.conventionalName(table, cols, referred) : name;
            keys.add(new ForeignKey(
                    keyName,
                    cols,
                    referred,
                    parts.stream().map(Part::referredColumn).toList(),
                    deleteRule(parts.get(0).deleteRule())));
        });
        return keys;
    }

    private static String deleteRule(int rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "CASCADE";
            case DatabaseMetaData.importedKeySetNull -> "SET NULL";
            case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
            default -> null;
        };
    }

    /**
     * SQLite's declared column types, such as {@code NUMERIC(10, 2)}: the xerial
     * driver reports a NUMERIC's size as precision plus scale, so the declaration
     * is the reliable source.
     */
    private Map<String, String> sqliteDeclaredTypes(String table) throws SQLException {
        Map<String, String> types = new HashMap<>();
        if (kind != DatabaseKind.SQLITE) {
            return types;
        }
        try (var st = connection.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA table_info(\"" + table.replace("\"", "\"\"") + "\")")) {
            while (rs.next()) {
                types.put(rs.getString("name"), rs.getString("type"));
            }
        }
        return types;
    }

    /** The table's named CHECK constraints, each database asked in its own catalogue. */
    private List<CheckConstraint> checkConstraints(String table) throws SQLException {
        String sql =
                switch (kind) {
                    case SQLITE -> "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?";
                    case POSTGRESQL -> "SELECT con.conname, pg_get_constraintdef(con.oid) FROM pg_constraint con "
                            + "JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace "
                            + "WHERE con.contype = 'c' AND rel.relname = ? AND ns.nspname = current_schema() ORDER BY 1";
                    case MYSQL -> "SELECT tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE FROM information_schema.TABLE_CONSTRAINTS tc "
                            + "JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA "
                            + "AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME WHERE tc.CONSTRAINT_TYPE = 'CHECK' "
                            + "AND tc.TABLE_SCHEMA = DATABASE() AND tc.TABLE_NAME = ? ORDER BY 1";
                };
        List<CheckConstraint> checks = new ArrayList<>();
        try (var st = connection.prepareStatement(sql)) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (kind == DatabaseKind.SQLITE) {
                        checks.addAll(SqliteCheckConstraints.in(rs.getString(1)));
                    } else {
                        checks.add(new CheckConstraint(rs.getString(1), checkExpression(rs.getString(2))));
                    }
                }
            }
        }
        return checks;
    }

    /** {@code CHECK ((karma >= 0))} or {@code `karma` >= 0} as {@code (karma >= 0)}: SQL every database reads. */
    private static String checkExpression(String stored) {
        String text = stored.strip();
        if (text.regionMatches(true, 0, "CHECK", 0, 5)) {
            text = text.substring(5).strip();
            text = text.substring(1, text.length() - 1).strip(); // CHECK's own parentheses
        }
        return text.replaceAll("`(\\w+)`", "$1");
    }

    /** PostgreSQL tells UNIQUE constraints from unique indexes; elsewhere the two are one thing. */
    private Set<String> uniqueConstraintNames(String table) throws SQLException {
        Set<String> names = new HashSet<>();
        if (kind != DatabaseKind.POSTGRESQL) {
            return names;
        }
        String sql = "SELECT con.conname FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid "
                + "JOIN pg_namespace ns ON ns.oid = rel.relnamespace "
                + "WHERE con.contype = 'u' AND rel.relname = ? AND ns.nspname = current_schema()";
        try (var st = connection.prepareStatement(sql)) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
