package microblog.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.NoResultException;
import jakarta.persistence.NonUniqueResultException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.db.testmodels.Author;
import microblog.db.testmodels.BlogEntry;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A broken constraint, through the application's own pool, says which kind it was and, where the database names
 * it, which constraint, so that an application can tell a taken username from
 * any other failure without parsing messages.
 */
class IntegrityViolationTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aBrokenConstraintNamesItsKindAndWhereTheDatabaseTellsItsName(Backend backend) throws Exception {
        try (TestDatabase server = TestDatabases.create(backend, dir)) {
            createTables(server, backend);
            try (HikariDataSource pool = pool(server); // the application's own pool: the dialect is detected
                    Database db = Database.open(pool, List.of(Author.class, BlogEntry.class), SessionScope.THREAD)) {
                db.session().add(new Author("john"));
                db.session().commit();

                IntegrityViolationException duplicate = catchThrowableOfType(IntegrityViolationException.class, () -> {
                    db.session().add(new Author("john"));
                    db.session().commit();
                });
                assertThat(duplicate.kind()).isEqualTo(ConstraintKind.UNIQUE);
                if (backend != Backend.SQLITE) { // SQLite's message names the columns, not the constraint
                    assertThat(duplicate.constraintName())
                            .hasValueSatisfying(name -> assertThat(name).containsIgnoringCase("uq_author_name"));
                }

                IntegrityViolationException missingTitle =
                        catchThrowableOfType(IntegrityViolationException.class, () -> {
                            db.session().add(new BlogEntry(null, LocalDateTime.now(), null));
                            db.session().commit();
                        });
                assertThat(missingTitle.kind()).isEqualTo(ConstraintKind.NOT_NULL);

                assertThat(catchThrowableOfType(NoResultException.class, () -> db.query(Author.class)
                                .filterBy("name", "nobody")
                                .one()))
                        .hasMessageContaining("none");
                db.session().add(new Author("susan"));
                db.session().commit();
                assertThat(catchThrowableOfType(NonUniqueResultException.class, () -> db.query(Author.class)
                                .one()))
                        .hasMessageContaining("several");
            }
        }
    }

    private static HikariDataSource pool(TestDatabase server) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.databaseUrl().jdbcUrl());
        config.setDataSourceProperties(new ConnectionFactory(server.databaseUrl()).driverProperties());
        return new HikariDataSource(config);
    }

    private static void createTables(TestDatabase server, Backend backend) throws Exception {
        String id =
                switch (backend) {
                    case SQLITE -> "id INTEGER PRIMARY KEY";
                    case POSTGRESQL -> "id SERIAL PRIMARY KEY";
                    case MARIADB -> "id INTEGER AUTO_INCREMENT PRIMARY KEY";
                };
        try (Connection c = new ConnectionFactory(server.databaseUrl()).open();
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE author (" + id + ", name VARCHAR(64), CONSTRAINT uq_author_name UNIQUE (name))");
            st.execute("CREATE TABLE blog_entry (" + id + ", title VARCHAR(255) NOT NULL, written_at "
                    + (backend == Backend.POSTGRESQL ? "TIMESTAMP" : "DATETIME") + ", author_id INTEGER, "
                    + "CONSTRAINT fk_blog_entry_author FOREIGN KEY (author_id) REFERENCES author (id))");
        }
    }
}
