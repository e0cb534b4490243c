package microblog.migrate.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import microblog.db.url.DatabaseKind;
import microblog.migrate.schema.CheckConstraint;
import microblog.migrate.schema.ColumnType;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.GenericType;
import microblog.migrate.schema.Index;
import microblog.migrate.schema.SchemaCatalog;
import microblog.migrate.schema.Sequence;

/**
 * H2's information_schema, in the current schema. H2 names the index behind a constraint itself
 * ({@code uq_user_email_INDEX_3}) and marks it generated: the catalogue says which constraint
 * each one serves.
 */
final class H2Catalog implements SchemaCatalog {
    private static final String CONSTRAINT_INDEXES = "SELECT tc.index_name, tc.constraint_name, tc.constraint_type"
            + " FROM information_schema.table_constraints tc JOIN information_schema.indexes ix"
            + " ON ix.index_schema = tc.index_schema AND ix.index_name = tc.index_name"
            + " WHERE tc.table_schema = SCHEMA() AND tc.table_name = ? AND ix.is_generated";

    @Override
    public DatabaseKind kind() {
        return DatabaseKind.H2;
    }

    /** H2 reports the standard's long names for large objects and variable binaries. */
    @Override
    public Optional<ColumnType> ownType(String name, int size) {
        return switch (name) {
            case "CHARACTER LARGE OBJECT" -> Optional.of(ColumnType.of(GenericType.TEXT));
            case "BINARY LARGE OBJECT", "BINARY VARYING" -> Optional.of(ColumnType.of(GenericType.LARGE_BINARY));
            default -> Optional.empty();
        };
    }

    /** Identity columns' sequences are H2's own and not listed here. */
    @Override
    public List<Sequence> sequences(Connection connection) throws SQLException {
        return CatalogQueries.sequences(
                connection,
                "SELECT sequence_name, start_value, increment FROM information_schema.sequences"
                        + " WHERE sequence_schema = SCHEMA() ORDER BY 1");
    }

    @Override
    public List<CheckConstraint> checkConstraints(Connection connection, String table) throws SQLException {
        return CatalogQueries.checks(
                connection,
                "SELECT tc.constraint_name, cc.check_clause FROM information_schema.table_constraints tc"
                        + " JOIN information_schema.check_constraints cc ON cc.constraint_schema = tc.constraint_schema"
                        + " AND cc.constraint_name = tc.constraint_name WHERE tc.constraint_type = 'CHECK'"
                        + " AND tc.table_schema = SCHEMA() AND tc.table_name = ? ORDER BY 1",
                table);
    }

    @Override
    public Map<String, String> uniqueConstraintsByIndex(Connection connection, String table, List<Index> indexes)
            throws SQLException {
        Map<String, String> names = new HashMap<>();
        for (String[] row : constraintIndexes(connection, table)) {
            if (row[2].equals("UNIQUE")) {
                names.put(row[0], row[1]);
            }
        }
        return names;
    }

    /**
     * The indexes H2 generated for foreign keys; an index the user made and a key reuses stays, and so
     * does a unique one: H2 hands a dropped unique constraint's index to a key that uses it, still unique.
     */
    @Override
    public Set<String> foreignKeyIndexes(
            Connection connection, String table, List<Index> indexes, List<ForeignKey> foreignKeys)
            throws SQLException {
        Set<String> names = new HashSet<>();
        for (String[] row : constraintIndexes(connection, table)) {
            boolean unique =
                    indexes.stream().anyMatch(ix -> ix.unique() && ix.name().equals(row[0]));
            if (row[2].equals("FOREIGN KEY") && !unique) {
                names.add(row[0]);
            }
        }
        return names;
    }

    private static List<String[]> constraintIndexes(Connection connection, String table) throws SQLException {
        return CatalogQueries.forTable(connection, CONSTRAINT_INDEXES, table, rs ->
                new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
    }

    @Override
    public boolean foldsUnquotedNamesToLowerCase() {
        return true;
    }
}
