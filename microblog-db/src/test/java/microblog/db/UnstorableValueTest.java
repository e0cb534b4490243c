package microblog.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.db.testmodels.Author;
import microblog.db.url.DatabaseKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A value the database cannot store for a reason of its own is named as such, not as one too long. */
class UnstorableValueTest {
    private static final String NUL = "PostgreSQL cannot store the NUL character (\\u0000) in text; remove it";

    @TempDir
    Path dir;

    @Test
    void aNulCharacterOnPostgresqlIsNamedAndTheSessionGoesOn() throws Exception {
        try (TestDatabase server = TestDatabases.create(Backend.POSTGRESQL, dir)) {
            try (Connection c = new ConnectionFactory(server.databaseUrl()).open();
                    Statement st = c.createStatement()) {
                st.execute("CREATE TABLE author (id SERIAL PRIMARY KEY, name VARCHAR(64) UNIQUE)");
            }
            try (Database db = Database.open(server.databaseUrl(), List.of(Author.class))) {
                assertThatThrownBy(() -> {
                            db.session().add(new Author("jo\u0000hn"));
                            db.session().commit();
                        })
                        .isInstanceOf(DatabaseException.class)
                        .hasMessage(NUL + "; the transaction was rolled back");
                db.session().add(new Author("john"));
                db.session().commit();
                assertThat(db.query(Author.class).all()).hasSize(1);
            }
        }
    }

    @Test
    void theDriversOwnRefusalOfANulIsNamedTheSameWay() {
        assertThat(DatabaseKind.POSTGRESQL.unstorableValue(
                        new SQLException("Zero bytes may not occur in string parameters.", "22023")))
                .isEqualTo(NUL);
        assertThat(DatabaseKind.POSTGRESQL.unstorableValue(new SQLException("value too long", "22001")))
                .isNull();
        assertThat(DatabaseKind.SQLITE.unstorableValue(
                        new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")))
                .isNull();
    }
}
