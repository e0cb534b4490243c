package microblog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import microblog.app.models.Post;
import microblog.app.models.Post_;
import microblog.cli.command.MigrationCommands;
import microblog.db.Sort;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.migrate.MigrationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database the Python microblog made (Flask-Migrate's "users table" and "posts table" revisions,
 * as SQLAlchemy renders them on each database, with users and posts in it) is taken over by
 * {@code db stamp head}, but only while its schema is what our revisions describe.
 */
class PythonDatabaseAdoptionTest {
    /** The Python microblog's head revision, as its alembic_version holds it. */
    private static final String PYTHON_HEAD = "780739b227a7";

    @TempDir
    Path base;

    @ParameterizedTest
    @EnumSource(value = Backend.class, mode = EnumSource.Mode.EXCLUDE, names = "H2") // no SQLAlchemy dialect for H2
    void stampHeadAdoptsAMatchingDatabaseAndRefusesOneThatDiffers(Backend backend) throws Exception {
        try (TestDatabase database = TestDatabases.create(backend, base)) {
            execute(database, pythonSchema(backend));
            execute(
                    database,
                    """
                    INSERT INTO alembic_version (version_num) VALUES ('780739b227a7');
                    INSERT INTO %1$s (id, username, email) VALUES (1, 'john', 'john@example.com');
                    INSERT INTO %1$s (id, username, email) VALUES (2, 'susan', 'susan@example.com');
                    INSERT INTO post (body, timestamp, user_id) VALUES ('my first post!', '2026-11-20 10:00:00', 1);
                    INSERT INTO post (body, timestamp, user_id) VALUES ('hello from susan', '2026-11-21 10:00:00', 2);
                    INSERT INTO post (body, timestamp, user_id) VALUES ('my second post', '2026-11-22 10:00:00', 1);
                    CREATE INDEX ix_post_body ON post (body);
                    """
                            .formatted(backend == Backend.POSTGRESQL ? "\"user\"" : "user"));
            TestProject.copyMigrations(base);
            try (Microblog app = new Microblog(Config.load(base, Map.of("DATABASE_URL", database.url())))) {
                MigrationCommands commands =
                        new MigrationCommands(app.migrationConfig(), new PrintWriter(new StringWriter()));

                assertThatThrownBy(() -> commands.upgrade("head"))
                        .isInstanceOf(MigrationException.class)
                        .hasMessageContaining("the database is at revision " + PYTHON_HEAD)
                        .hasMessageContaining("run 'db stamp head' to adopt it");
                assertThatThrownBy(() -> commands.stamp("head"))
                        .isInstanceOf(MigrationException.class)
                        .hasMessageContaining(
                                "the database is at " + PYTHON_HEAD + ", which no revision file here defines")
                        .hasMessageContaining("Detected removed index 'ix_post_body' on 'post'")
                        .hasMessageContaining("nothing was stamped");
                assertThat(versionOf(database)).isEqualTo(PYTHON_HEAD);

                execute(
                        database,
                        backend == Backend.MARIADB ? "DROP INDEX ix_post_body ON post" : "DROP INDEX ix_post_body");
                commands.stamp("head");
                assertThat(versionOf(database)).isEqualTo("96b77003c54b");
                commands.check(); // the models and the adopted schema agree
                commands.upgrade("head"); // nothing left to run
                app.db();
                assertThat(Post.query()
                                .with(Post_.author)
                                .orderBy(Sort.desc(Post_.timestamp))
                                .all())
                        .extracting(p -> p.getAuthor().getUsername() + ": " + p.getBody())
                        .containsExactly("john: my second post", "susan: hello from susan", "john: my first post!");
            }
        }
    }

    /** The DDL that Flask-Migrate's two revisions of the tutorial run, as SQLAlchemy 2.0 renders it. */
    private static String pythonSchema(Backend backend) {
        String versionTable = "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                + "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));\n";
        return versionTable
                + switch (backend) {
                    case SQLITE -> """
                    CREATE TABLE user (id INTEGER NOT NULL, username VARCHAR(64), email VARCHAR(120),
                        password_hash VARCHAR(128), PRIMARY KEY (id));
                    CREATE UNIQUE INDEX ix_user_email ON user (email);
                    CREATE UNIQUE INDEX ix_user_username ON user (username);
                    CREATE TABLE post (id INTEGER NOT NULL, body VARCHAR(140), timestamp DATETIME, user_id INTEGER,
                        PRIMARY KEY (id), FOREIGN KEY(user_id) REFERENCES user (id));
                    CREATE INDEX ix_post_timestamp ON post (timestamp);
                    """;
                    case H2 -> throw new IllegalArgumentException("Flask-Migrate does not run on H2");
                    case POSTGRESQL -> """
                    CREATE TABLE "user" (id SERIAL NOT NULL, username VARCHAR(64), email VARCHAR(120),
                        password_hash VARCHAR(128), PRIMARY KEY (id));
                    CREATE UNIQUE INDEX ix_user_email ON "user" (email);
                    CREATE UNIQUE INDEX ix_user_username ON "user" (username);
                    CREATE TABLE post (id SERIAL NOT NULL, body VARCHAR(140), timestamp TIMESTAMP WITHOUT TIME ZONE,
                        user_id INTEGER, PRIMARY KEY (id), FOREIGN KEY(user_id) REFERENCES "user" (id));
                    CREATE INDEX ix_post_timestamp ON post (timestamp);
                    """;
                    case MARIADB -> """
                    CREATE TABLE user (id INTEGER NOT NULL AUTO_INCREMENT, username VARCHAR(64), email VARCHAR(120),
                        password_hash VARCHAR(128), PRIMARY KEY (id));
                    CREATE UNIQUE INDEX ix_user_email ON user (email);
                    CREATE UNIQUE INDEX ix_user_username ON user (username);
                    CREATE TABLE post (id INTEGER NOT NULL AUTO_INCREMENT, body VARCHAR(140), timestamp DATETIME,
                        user_id INTEGER, PRIMARY KEY (id), FOREIGN KEY(user_id) REFERENCES user (id));
                    CREATE INDEX ix_post_timestamp ON post (timestamp);
                    """;
                };
    }

    private static void execute(TestDatabase database, String script) throws SQLException {
        try (Connection c = new ConnectionFactory(database.databaseUrl()).open();
                Statement st = c.createStatement()) {
            for (String sql : script.split(";\n")) {
                if (!sql.isBlank()) {
                    st.execute(sql);
                }
            }
        }
    }

    private static String versionOf(TestDatabase database) throws SQLException {
        try (Connection c = new ConnectionFactory(database.databaseUrl()).open();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version_num FROM alembic_version")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
