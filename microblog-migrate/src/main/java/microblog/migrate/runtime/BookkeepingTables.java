package microblog.migrate.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import microblog.db.url.DatabaseKind;
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
}
