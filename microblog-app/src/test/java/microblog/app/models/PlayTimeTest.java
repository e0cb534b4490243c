package microblog.app.models;

import static microblog.db.Sort.desc;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import microblog.app.Microblog;
import microblog.app.TestProject;
import microblog.db.Database;
import microblog.db.IntegrityViolationException;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chapter's "play time" session, in Java, on a database built by the
 * shipped migrations: the same code and results on SQLite, PostgreSQL and MariaDB.
 */
class PlayTimeTest {
    @TempDir
    Path base;

    private TestDatabase database;
    private Microblog app;
    private Database db;

    void open(Backend backend) throws Exception {
        database = TestDatabases.create(backend, base);
        app = TestProject.migratedApp(base, database.url());
        db = app.db();
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @org.junit.jupiter.api.Test
    void reprsAreTheTutorials() {
        assertThat(new User("susan", "susan@example.com")).hasToString("<User susan>");
        assertThat(new Post("my first post!", null)).hasToString("<Post my first post!>");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void playTime(Backend backend) throws Exception {
        open(backend);
        db.session().add(new User("john", "john@example.com"));
        db.session().commit();
        db.session().add(new User("susan", "susan@example.com"));
        db.session().commit();

        assertThat(User.query().all()).hasToString("[<User john>, <User susan>]");
        assertThat(User.query().all()).extracting(User::getId).containsExactly(1, 2);
        assertThat(User.query().get(1)).hasToString("<User john>");

        User u = User.query().get(1);
        Post p = new Post("my first post!", u);
        db.session().add(p);
        db.session().commit();
        assertThat(Duration.between(p.getTimestamp(), LocalDateTime.now(ZoneOffset.UTC))
                        .abs())
                .as("timestamp defaults to now in UTC")
                .isLessThan(Duration.ofMinutes(1));

        assertThat(User.query().get(1).posts().all()).hasToString("[<Post my first post!>]");
        assertThat(User.query().get(2).posts().all()).isEmpty();
        db.session().rollback(); // fresh objects: the author must come through the relationship
        assertThat(Post.query().all()).singleElement().satisfies(post -> assertThat(
                        post.getId() + " " + post.getAuthor().getUsername() + " " + post.getBody())
                .isEqualTo("1 john my first post!"));
        assertThat(User.query().orderBy(desc("username")).all()).hasToString("[<User susan>, <User john>]");
        assertThat(User.query().orderBy(desc(User_.username)).all()).hasToString("[<User susan>, <User john>]");

        for (User each : User.query().all()) {
            db.session().delete(each);
        }
        for (Post each : Post.query().all()) {
            db.session().delete(each);
        }
        db.session().commit();
        assertThat(User.query().all()).isEmpty();
        assertThat(Post.query().all()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void usernamesAreUnique(Backend backend) throws Exception {
        open(backend);
        db.session().add(new User("john", "john@example.com"));
        db.session().commit();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
                    db.session().add(new User("john", "other@example.com"));
                    db.session().commit();
                })
                .isInstanceOf(IntegrityViolationException.class)
                .hasMessageContaining("username");
        db.session().rollback();
        assertThat(User.query().count()).isEqualTo(1);
    }
}
