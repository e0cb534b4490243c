package microblog.migrate.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import microblog.migrate.schema.CheckConstraint;
import microblog.migrate.schema.Sequence;

/** Runs the catalogue queries the schema catalogues share: one table's name in, rows out. */
final class CatalogQueries {
    private CatalogQueries() {}

    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    static <T> List<T> forTable(Connection connection, String sql, String table, Row<T> row) throws SQLException {
        List<T> found = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(row.read(rs));
                }
            }
        }
        return found;
    }

    /** Sequences from a query whose rows are (name, start, increment). */
    static List<Sequence> sequences(Connection connection, String sql) throws SQLException {
        List<Sequence> found = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                found.add(Sequence.of(rs.getString(1), rs.getLong(2), rs.getLong(3)));
            }
        }
        return found;
    }

    /** Named checks from a query whose rows are (name, expression as the database keeps it). */
    static List<CheckConstraint> checks(Connection connection, String sql, String table) throws SQLException {
        return forTable(
                connection, sql, table, rs -> new CheckConstraint(rs.getString(1), checkExpression(rs.getString(2))));
    }

    /** {@code CHECK ((karma >= 0))} or {@code `karma` >= 0} as {@code (karma >= 0)}: SQL every database reads. */
    static String checkExpression(String stored) {
        String text = stored.strip();
        if (text.regionMatches(true, 0, "CHECK", 0, 5)) {
            text = text.substring(5).strip();
            text = text.substring(1, text.length() - 1).strip(); // CHECK's own parentheses
        }
        return text.replaceAll("`(\\w+)`", "$1");
    }
}
