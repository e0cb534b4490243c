package microblog.migrate.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import microblog.db.url.DatabaseKind;
import microblog.migrate.schema.CheckConstraint;
import microblog.migrate.schema.ColumnType;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.Index;
import microblog.migrate.schema.SchemaCatalog;
import microblog.migrate.schema.Sequence;

/** MySQL and MariaDB: information_schema for checks, and InnoDB's indexes behind foreign keys. */
final class MysqlCatalog implements SchemaCatalog {
    @Override
    public DatabaseKind kind() {
        return DatabaseKind.MYSQL;
    }

    /** TIMESTAMP stores UTC and converts at the session's zone: an instant, like timestamptz. */
    @Override
    public Optional<ColumnType> ownType(String name, int size) {
        return name.equals("TIMESTAMP") ? Optional.of(ColumnType.DATE_TIME_WITH_TIMEZONE) : Optional.empty();
    }

    /**
     * MariaDB (10.3 and later) lists a sequence as a table of type SEQUENCE, whose one row holds
     * its options; MySQL has none.
     */
    @Override
    public List<Sequence> sequences(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = DATABASE() AND table_type = 'SEQUENCE' ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        List<Sequence> sequences = new ArrayList<>();
        for (String name : names) {
            try (Statement st = connection.createStatement();
                    ResultSet rs =
                            st.executeQuery("SELECT start_value, increment FROM `" + name.replace("`", "``") + "`")) {
                rs.next();
                sequences.add(Sequence.of(name, rs.getLong(1), rs.getLong(2)));
            }
        }
        return sequences;
    }

    @Override
    public List<CheckConstraint> checkConstraints(Connection connection, String table) throws SQLException {
        return CatalogQueries.checks(
                connection,
                "SELECT tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE FROM information_schema.TABLE_CONSTRAINTS tc "
                        + "JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA "
                        + "AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME WHERE tc.CONSTRAINT_TYPE = 'CHECK' "
                        + "AND tc.TABLE_SCHEMA = DATABASE() AND tc.TABLE_NAME = ? ORDER BY 1",
                table);
    }

    /**
     * InnoDB adds an index on a foreign key's columns when none exists, named after the constraint,
     * or, for a constraint created without a name (as SQLAlchemy creates them), after its first column;
     * and keeps it when the key is dropped, or dropped and added again under another name (as a table
     * rename does with the keys named after it, see ConstraintRenames). An index named as the
     * convention names foreign keys ({@code fk_...}) is one of those, key or not: no other database
     * has it, so no revision may drop it by name.
     */
    @Override
    public Set<String> foreignKeyIndexes(
            Connection connection, String table, List<Index> indexes, List<ForeignKey> foreignKeys) {
        return indexes.stream()
                .filter(index -> !index.unique())
                .filter(index -> index.name().startsWith("fk_")
                        || foreignKeys.stream()
                                .anyMatch(fk -> index.columns().equals(fk.columns())
                                        && (index.name().equals(fk.name())
                                                || index.name()
                                                        .equals(fk.columns().get(0)))))
                .map(Index::name)
                .collect(Collectors.toSet());
    }
}
