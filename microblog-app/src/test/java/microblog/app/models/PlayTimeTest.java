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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chapter's "play time" session, in Java, on a database built by the shipped migrations. */
class PlayTimeTest {
    @TempDir
    Path base;

    private Microblog app;
    private Database db;

    @BeforeEach
    void open() throws Exception {
        app = TestProject.migratedApp(base);
        db = app.db();
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void reprsAreTheTutorials() {
        assertThat(new User("susan", "susan@example.com")).hasToString("<User susan>");
        assertThat(new Post("my first post!", null)).hasToString("<Post my first post!>");
    }

    @Test
    void playTime() {
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
        assertThat(Duration.between(p.getTimestamp(), LocalDateTime.now(ZoneOffset.UTC)).abs())
                .as("timestamp defaults to now in UTC").isLessThan(Duration.ofMinutes(1));

        assertThat(User.query().get(1).posts().all()).hasToString("[<Post my first post!>]");
        assertThat(User.query().get(2).posts().all()).isEmpty();
        db.session().rollback(); // fresh objects: the author must come through the relationship
        assertThat(Post.query().all()).singleElement()
                .satisfies(post -> assertThat(post.getId() + " " + post.getAuthor().getUsername() + " " + post.getBody())
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

    @Test
    void usernamesAreUnique() {
        db.session().add(new User("john", "john@example.com"));
        db.session().commit();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            db.session().add(new User("john", "other@example.com"));
            db.session().commit();
        }).isInstanceOf(IntegrityViolationException.class).hasMessageContaining("user.username");
        db.session().rollback();
        assertThat(User.query().count()).isEqualTo(1);
    }
}
