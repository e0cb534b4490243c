package microblog.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.testing.TestDatabase;
import microblog.migrate.dialect.MigrationDialect;
import microblog.migrate.runtime.VersionTable;
import microblog.migrate.schema.LiveSchemaReader;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Table;

/** A test database's schema as the tests check it, read directly rather than through the API they test. */
final class LiveSchemas {
    private LiveSchemas() {}

    /** The tables of {@code db}, without the version table and its bookkeeping. */
    static Schema schemaOf(TestDatabase db) throws SQLException {
        try (Connection c = new ConnectionFactory(db.databaseUrl()).open()) {
            return new LiveSchemaReader(
                            c,
                            MigrationDialect.forKind(db.databaseUrl().kind()).catalog(),
                            new VersionTable(
                                            "alembic_version",
                                            MigrationDialect.forKind(
                                                    db.databaseUrl().kind()))
                                    .bookkeepingTables())
                    .read();
        }
    }

    static List<String> tableNames(TestDatabase db) throws SQLException {
        return schemaOf(db).tables().stream().map(Table::name).toList();
    }
}
