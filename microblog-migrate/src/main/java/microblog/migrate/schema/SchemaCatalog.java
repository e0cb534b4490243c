package microblog.migrate.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import microblog.db.url.DatabaseKind;

/**
 * How one database describes its own schema, where JDBC metadata alone does not say it the
 * same way everywhere: what it keeps of constraints, the indexes it makes by itself, the type
 * names it reports. {@link LiveSchemaReader} does the rest, the same for all; each database's
 * answers live beside its DDL (see {@code microblog.migrate.dialect}).
 */
public interface SchemaCatalog {

    DatabaseKind kind();

    /** Whether a table (its name in lower case) is the database's own bookkeeping, not the application's. */
    default boolean isInternalTable(String name) {
        return false;
    }

    /**
     * The neutral type for a reported type name where this database means something of its own
     * by it (upper case, without parameters); empty for the shared meaning.
     */
    default Optional<ColumnType> ownType(String name, int size) {
        return Optional.empty();
    }

    /** Whether the column in {@code column} (a {@code getColumns} row) of a one-column integer key takes generated keys. */
    default boolean isAutoincrement(ResultSet column) throws SQLException {
        return "YES".equals(column.getString("IS_AUTOINCREMENT"));
    }

    /** The types the table's columns were declared with, where they say more than the driver reports. */
    default Map<String, String> declaredTypes(Connection connection, String table) throws SQLException {
        return Map.of();
    }

    /**
     * The sequences the application made, by name (without those the database made for identity or
     * serial columns); on SQLite, Hibernate's one-row tables that stand in for them.
     */
    List<Sequence> sequences(Connection connection) throws SQLException;

    /** The table's named CHECK constraints. */
    List<CheckConstraint> checkConstraints(Connection connection, String table) throws SQLException;

    /**
     * The unique constraints behind some of {@code indexes}, by index name: where the database
     * tells a UNIQUE constraint from a unique index. The others are read as indexes.
     */
    default Map<String, String> uniqueConstraintsByIndex(Connection connection, String table, List<Index> indexes)
            throws SQLException {
        return Map.of();
    }

    /**
     * The table's indexes on an expression or over some rows only, in full (the
     * driver's index list leaves out or garbles what they are on); none where
     * the database has no such indexes.
     */
    default List<Index> expressionAndPartialIndexes(Connection connection, String table) throws SQLException {
        return List.of();
    }

    /** The indexes the database made by itself behind a foreign key, which no model declares. */
    default Set<String> foreignKeyIndexes(
            Connection connection, String table, List<Index> indexes, List<ForeignKey> foreignKeys)
            throws SQLException {
        return Set.of();
    }

    /**
     * The CREATE statements the database keeps for the table's own indexes and triggers, where a
     * change rebuilds the table and must restore them; none where tables are altered in place.
     */
    default StoredDefinitions storedDefinitions(Connection connection, String table) throws SQLException {
        return StoredDefinitions.NONE;
    }

    /** Whether the database keeps the names foreign keys were created with. */
    default boolean keepsForeignKeyNames() {
        return true;
    }

    /** Whether an unquoted name is stored in lower case (PostgreSQL's folding), rather than as written. */
    default boolean foldsUnquotedNamesToLowerCase() {
        return false;
    }
}
