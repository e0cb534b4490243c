package microblog.migrate.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import microblog.migrate.schema.Sequence;

/**
 * SQLite has no sequences. Hibernate's SQLite dialect emulates one with a table of one column,
 * {@code next_val}, holding the next value in its one row; it reads the row and adds the
 * increment at each call. This is that table: made here as Hibernate makes it, with the
 * sequence's start and increment in a comment of its CREATE statement (which SQLite keeps as
 * written), and recognised in a live database by its shape.
 */
final class SqliteSequenceTables {
    static final String VALUE_COLUMN = "next_val";

    private static final Pattern OPTIONS = Pattern.compile("/\\* sequence: start (-?\\d+), increment (-?\\d+) \\*/");

    private SqliteSequenceTables() {}

    /** The CREATE TABLE for {@code sequence} under the table name {@code table}. */
    static String createTable(String table, Sequence sequence, MigrationDialect ddl) {
        return "CREATE TABLE " + ddl.quote(table) + " (" + ddl.quote(VALUE_COLUMN) + " BIGINT /* sequence: start "
                + sequence.start() + ", increment " + sequence.increment() + " */)";
    }

    /**
     * The sequences the database holds: tables whose only column is {@code next_val}. One
     * Hibernate made itself has no comment; its start is read as the value it holds, and its
     * increment as 1, which autogenerate then corrects to the model's.
     */
    static List<Sequence> read(Connection connection) throws SQLException {
        record Candidate(String name, String sql) {}
        List<Candidate> candidates = new ArrayList<>();
        String tables = "SELECT m.name, m.sql FROM sqlite_master m WHERE m.type = 'table'"
                + " AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.name NOT LIKE '\\_migrate\\_tmp\\_%' ESCAPE '\\'"
                + " AND (SELECT COUNT(*) FROM pragma_table_info(m.name)) = 1"
                + " AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = '" + VALUE_COLUMN
                + "' AND c.pk = 0) ORDER BY m.name";
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(tables)) {
            while (rs.next()) {
                candidates.add(new Candidate(rs.getString(1), rs.getString(2)));
            }
        }
        List<Sequence> sequences = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Matcher options = OPTIONS.matcher(candidate.sql());
            sequences.add(
                    options.find()
                            ? Sequence.of(
                                    candidate.name(),
                                    Long.parseLong(options.group(1)),
                                    Long.parseLong(options.group(2)))
                            : Sequence.of(candidate.name(), heldValue(connection, candidate.name()), 1));
        }
        return sequences;
    }

    private static long heldValue(Connection connection, String table) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT MAX(\"" + VALUE_COLUMN + "\") FROM \"" + table.replace("\"", "\"\"") + "\"")) {
            rs.next();
            long value = rs.getLong(1);
            return rs.wasNull() ? 1 : value;
        }
    }
}
