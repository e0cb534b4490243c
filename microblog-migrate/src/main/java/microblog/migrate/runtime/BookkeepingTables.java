package microblog.migrate.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import microblog.db.url.DatabaseKind;
import microblog.migrate.dialect.MigrationDialect;
import microblog.migrate.dialect.SqlLiterals;

/** Whether one of this tool's own tables exists, looked up where each database keeps tables. */
final class BookkeepingTables {
    private BookkeepingTables() {}

    /** {@code value} as a SQL string literal. */
    static String literal(String value) {
        return SqlLiterals.string(value);
    }

    static boolean exists(Connection connection, DatabaseKind kind, String table) throws SQLException {
        try (ResultSet rs = connection
                .getMetaData()
                .getTables(
                        kind.metadataCatalog(connection), kind.metadataSchema(connection), table, new String[] {"TABLE"
                        })) {
            while (rs.next()) {
                if (table.equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The columns of {@code table}, in lower case: tables made by an older version may lack newer ones. */
    static Set<String> columns(Connection connection, MigrationDialect ddl, String table) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + ddl.quote(table) + " WHERE 1 = 0")) {
            Set<String> names = new HashSet<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                names.add(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            return names;
        }
    }
}
