package microblog.migrate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.migrate.MigrationException;
import microblog.migrate.TargetDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations write: pointed at a read-only replica they stop before anything else, in one line. */
class MigrationConnectionsTest {
    @TempDir
    Path dir;

    @Test
    void aReadOnlyPostgresqlDatabaseIsRefusedForWriting() throws Exception {
        try (TestDatabase db = TestDatabases.create(Backend.POSTGRESQL, dir)) {
            try (Connection c = MigrationConnections.openForWriting(TargetDatabase.of(db.databaseUrl()))) {
                assertThat(c.isValid(2)).as("a primary is written to").isTrue();
            }
            try (Connection c = new ConnectionFactory(db.databaseUrl()).open();
                    Statement st = c.createStatement()) {
                st.execute("ALTER DATABASE " + c.getCatalog() + " SET default_transaction_read_only = on");
            }
            assertThatThrownBy(() -> MigrationConnections.openForWriting(TargetDatabase.of(db.databaseUrl())))
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("the database " + db.databaseUrl() + " is a read-only replica: migrations write, so "
                            + "point the database URL at the primary");
        }
    }
}
