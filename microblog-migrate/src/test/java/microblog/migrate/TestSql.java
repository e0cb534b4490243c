package microblog.migrate;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.testing.TestDatabase;

/** Plain SQL on a test database, beside the API under test: to put rows in, and to read what is there. */
final class TestSql {
    private TestSql() {}

    static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection c = new ConnectionFactory(db.databaseUrl()).open();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Each row as its values joined with '|'; decimals in their plain form ({@code 0}, not {@code 0.00}). */
    static List<String> rows(TestDatabase db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = new ConnectionFactory(db.databaseUrl()).open();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    values.add(
                            value instanceof BigDecimal decimal
                                    ? decimal.stripTrailingZeros().toPlainString()
                                    : rs.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
