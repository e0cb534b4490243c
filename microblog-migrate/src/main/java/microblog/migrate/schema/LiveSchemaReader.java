package microblog.migrate.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
    private final SchemaCatalog catalog;
    private final Set<String> ignoredTables;

    public LiveSchemaReader(Connection connection, SchemaCatalog catalog, Set<String> ignoredTables) {
        this.connection = connection;
        this.catalog = catalog;
        this.ignoredTables = ignoredTables;
    }

    /** The tables and sequences; on SQLite, the tables that stand in for sequences are read as sequences only. */
    public Schema read() {
        try {
            List<Sequence> sequences = catalog.sequences(connection);
            Set<String> sequenceNames = new HashSet<>();
            sequences.forEach(s -> sequenceNames.add(s.name()));
            List<Table> tables = new ArrayList<>();
            for (String name : tableNames()) {
                if (!sequenceNames.contains(name)) {
                    tables.add(readTable(name));
                }
            }
            return new Schema(tables, sequences);
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

    public Optional<Sequence> sequence(String name) {
        try {
            return catalog.sequences(connection).stream()
                    .filter(s -> s.name().equals(name))
                    .findFirst();
        } catch (SQLException e) {
            throw new MigrationException("cannot read sequence '" + name + "': " + e.getMessage(), e);
        }
    }

    /** See {@link SchemaCatalog#storedDefinitions}. */
    public StoredDefinitions storedDefinitions(String table) {
        try {
            return catalog.storedDefinitions(connection, table);
        } catch (SQLException e) {
            throw new MigrationException(
                    "cannot read the indexes and triggers of '" + table + "': " + e.getMessage(), e);
        }
    }

    private String catalog() throws SQLException {
        return catalog.kind().metadataCatalog(connection);
    }

    private String schemaPattern() throws SQLException {
        return catalog.kind().metadataSchema(connection);
    }

    private List<String> tableNames() throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs =
                connection.getMetaData().getTables(catalog(), schemaPattern(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String lower = name.toLowerCase(Locale.ROOT);
                if (!catalog.isInternalTable(lower)
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
        Map<String, String> declaredTypes = catalog.declaredTypes(connection, table);
        try (ResultSet rs = meta.getColumns(catalog(), schemaPattern(), table, "%")) {
            TreeMap<Integer, Column> byPosition = new TreeMap<>();
            while (rs.next()) {
                if (!table.equals(rs.getString("TABLE_NAME"))) {
                    continue; // '_' in the table name is a LIKE wildcard
                }
                String name = rs.getString("COLUMN_NAME");
                ColumnType type = TypeNormalizer.normalize(
                        catalog,
                        table + "." + name,
                        declaredTypes.getOrDefault(name, rs.getString("TYPE_NAME")),
                        rs.getInt("COLUMN_SIZE"),
                        rs.getInt("DECIMAL_DIGITS"));
                boolean pk = primaryKey.contains(name);
                boolean auto = pk && primaryKey.size() == 1 && type.isInteger() && catalog.isAutoincrement(rs);
                String serverDefault = auto ? null : PortableDefault.of(rs.getString("COLUMN_DEF"), type);
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
        List<Index> reported = indexes(meta, table);
        Map<String, String> uniqueConstraints = catalog.uniqueConstraintsByIndex(connection, table, reported);
        Set<String> foreignKeyIndexes = catalog.foreignKeyIndexes(connection, table, reported, foreignKeys);
        for (Index index : reported) {
            if (index.unique() && index.columns().equals(primaryKey)) {
                continue; // the primary key's own index
            }
            if (uniqueConstraints.containsKey(index.name())) {
                uniques.add(new UniqueConstraint(uniqueConstraints.get(index.name()), index.columns()));
            } else if (!foreignKeyIndexes.contains(index.name())) {
                indexes.add(index);
            }
        }
        Table read =
                new Table(table, columns, uniques, foreignKeys, indexes, catalog.checkConstraints(connection, table));
        // An enum's check as allowed values, not in this database's words, which a downgrade would carry elsewhere.
        return read.withCheckConstraints(
                checks -> checks.stream().map(c -> c.inTermsOf(read)).toList());
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
        Map<String, Index> byName = new LinkedHashMap<>();
        columns.forEach((name, cols) ->
                byName.put(name, new Index(name, table, new ArrayList<>(cols.values()), unique.get(name))));
        catalog.expressionAndPartialIndexes(connection, table).forEach(index -> byName.put(index.name(), index));
        List<Index> indexes = new ArrayList<>(byName.values());
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
}
