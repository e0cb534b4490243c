package microblog.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import microblog.app.TestProject;
import microblog.app.cli.MicroblogProcess;
import microblog.app.cli.MicroblogProcess.Result;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Drives the real shell through standard input with the chapter's play-time session, on each database. */
class ShellCommandTest {
    @TempDir
    Path project;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void playTimeInTheShell(Backend backend) throws Exception {
        TestProject.copyMigrations(project);
        try (TestDatabase database = TestDatabases.create(backend, project)) {
            Map<String, String> env = Map.of("DATABASE_URL", database.url());
            assertThat(MicroblogProcess.run(project, env, null, "db", "upgrade").exitCode())
                    .isZero();
            playTime(env, database.databaseUrl().toString());
        }
    }

    @Test
    void anErrorIsOneLineAndItsWholeTraceIsThereWhenAskedFor() throws Exception {
        TestProject.copyMigrations(project);
        String session =
                """
                db.session().add(new User("john", "john@example.com"));
                db.session().commit();
                db.session().add(new User("john", "other@example.com"));
                lastError().getCause() != null
                User.query().count()
                /exit
                """;
        Result result = MicroblogProcess.run(project, Map.of(), session, "shell");
        assertThat(result.exitCode()).as(result.err()).isZero();
        String error =
                result.out().lines().filter(line -> line.contains("Exception")).reduce("", String::concat);
        assertThat(error)
                .contains("|  Exception microblog.db.IntegrityViolationException: the change violates a "
                        + "constraint; the transaction was rolled back: ")
                .contains("user.username")
                .endsWith("(the whole trace: lastError().printStackTrace())");
        assertThat(result.out())
                .doesNotContain("\tat ", "|        at ", "Caused by")
                .contains("==> true", "==> 1");
        assertThat(result.err()).doesNotContain("UNIQUE");
        assertThat(Files.readString(project.resolve(".microblog_shell_history")))
                .as("the session's lines are kept in the shell's own history file (user.home is the project here)")
                .contains("User.query().count()");
    }

    @Test
    void aDatabaseThatCannotBeReachedIsOneErrorLineAndNoShell() throws Exception {
        Result result = MicroblogProcess.run(
                project, Map.of("DATABASE_URL", "sqlite:///missing/dir/app.db"), "/exit\n", "shell");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()
                        .lines()
                        .filter(line -> line.startsWith("Error:"))
                        .count())
                .isEqualTo(1);
        assertThat(result.out()).doesNotContain("jshell>");
    }

    private void playTime(Map<String, String> env, String shownUrl) throws Exception {
        String session =
                """
                db
                var u = new User("john", "john@example.com");
                db.session().add(u);
                db.session().commit();
                u = new User("susan", "susan@example.com");
                db.session().add(u);
                db.session().commit();
                var users = User.query().all()
                for (var each : users) System.out.println(each.getId() + " " + each.getUsername());
                u = User.query().get(1)
                var p = new Post("my first post!", u);
                db.session().add(p);
                db.session().commit();
                User.query().get(1).posts().all()
                User.query().get(2).posts().all()
                for (var each : Post.query().all()) System.out.println(each.getId() + " " + each.getAuthor().getUsername() + " " + each.getBody());
                User.query().orderBy(desc("username")).all()
                for (var each : User.query().all()) db.session().delete(each);
                for (var each : Post.query().all()) db.session().delete(each);
                db.session().commit();
                User.query().all()
                /exit
                """;
        Result result = MicroblogProcess.run(project, env, session, "shell");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("db ==> <Database engine=" + shownUrl + ">")
                .contains("users ==> [<User john>, <User susan>]")
                .contains("1 john\n2 susan")
                .contains("u ==> <User john>")
                .contains("==> [<Post my first post!>]")
                .contains("==> []")
                .contains("1 john my first post!")
                .contains("==> [<User susan>, <User john>]")
                .doesNotContain("Exception");
        String out = result.out();
        assertThat(out.lastIndexOf("==> []"))
                .as("all users gone after the deletes")
                .isGreaterThan(out.indexOf("[<User susan>, <User john>]"));
    }
}
