package microblog.migrate.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import microblog.db.url.DatabaseKind;
import microblog.migrate.schema.CheckConstraint;
import microblog.migrate.schema.Index;
import microblog.migrate.schema.IndexKeys;
import microblog.migrate.schema.SchemaCatalog;
import microblog.migrate.schema.Sequence;

/** PostgreSQL's catalogue, in the current schema: it tells UNIQUE constraints from unique indexes. */
final class PostgresCatalog implements SchemaCatalog {
    private static final String IN_TABLE = "FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid "
            + "JOIN pg_namespace ns ON ns.oid = rel.relnamespace "
            + "WHERE rel.relname = ? AND ns.nspname = current_schema() ";

    @Override
    public DatabaseKind kind() {
        return DatabaseKind.POSTGRESQL;
    }

    /** A sequence behind an identity (dependency 'i') or serial (dependency 'a') column belongs to its column. */
    @Override
    public List<Sequence> sequences(Connection connection) throws SQLException {
        return CatalogQueries.sequences(
                connection,
                "SELECT c.relname, s.seqstart, s.seqincrement FROM pg_class c JOIN pg_sequence s ON s.seqrelid = c.oid"
                        + " WHERE c.relkind = 'S' AND c.relnamespace = current_schema()::regnamespace"
                        + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass"
                        + " AND d.objid = c.oid AND d.deptype IN ('a', 'i')) ORDER BY 1");
    }

    @Override
    public List<CheckConstraint> checkConstraints(Connection connection, String table) throws SQLException {
        return CatalogQueries.checks(
                connection,
                "SELECT con.conname, pg_get_constraintdef(con.oid) " + IN_TABLE + "AND con.contype = 'c' ORDER BY 1",
                table);
    }

    /**
     * The key as {@code pg_get_indexdef} writes it ({@code ... USING btree (lower((email)::text))}),
     * and the condition of a partial index.
     */
    @Override
    public List<Index> expressionAndPartialIndexes(Connection connection, String table) throws SQLException {
        return CatalogQueries.forTable(
                connection,
                "SELECT i.relname, ix.indisunique, pg_get_indexdef(ix.indexrelid), pg_get_expr(ix.indpred, ix.indrelid)"
                        + " FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid"
                        + " JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace ns ON ns.oid = t.relnamespace"
                        + " WHERE t.relname = ? AND ns.nspname = current_schema()"
                        + " AND (ix.indexprs IS NOT NULL OR ix.indpred IS NOT NULL) ORDER BY 1",
                table,
                rs -> IndexKeys.index(
                        rs.getString(1),
                        table,
                        IndexStatements.key(rs.getString(3)).orElseThrow(),
                        rs.getBoolean(2),
                        rs.getString(4)));
    }

    /** A UNIQUE constraint's index has the constraint's name. */
    @Override
    public Map<String, String> uniqueConstraintsByIndex(Connection connection, String table, List<Index> indexes)
            throws SQLException {
        Map<String, String> names = new HashMap<>();
        CatalogQueries.forTable(
                        connection,
                        "SELECT con.conname " + IN_TABLE + "AND con.contype = 'u'",
                        table,
                        rs -> rs.getString(1))
                .forEach(name -> names.put(name, name));
        return names;
    }

    @Override
    public boolean foldsUnquotedNamesToLowerCase() {
        return true;
    }
}
