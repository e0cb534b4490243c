package microblog.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import microblog.app.cli.MicroblogProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chapter's migration workflow, typed at the command line of a new project. */
class DbCommandLineTest {
    @TempDir
    Path project;

    @Test
    void initMigrateUpgradeDowngrade() throws Exception {
        Result init = MicroblogProcess.run(project, "db", "init");
        assertThat(init.exitCode()).isZero();
        assertThat(init.out())
                .contains(
                        "Creating directory " + project.resolve("migrations") + " ... done",
                        "Generating " + project.resolve("migrations/migrate.yaml") + " ... done");

        Result migrate = MicroblogProcess.run(project, "db", "migrate", "-m", "users and posts");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.err())
                .contains(
                        "Detected added table 'user'",
                        "Detected added index 'ix_user_email' on '['email']'",
                        "Detected added index 'ix_user_username' on '['username']'",
                        "Detected added table 'post'",
                        "Detected added index 'ix_post_timestamp' on '['timestamp']'");
        assertThat(migrate.out())
                .containsPattern("Generating .*/versions/[0-9a-f]{12}_users_and_posts\\.yaml \\.\\.\\. done");
        assertThat(project.resolve("app.db")).doesNotExist();
        String revision;
        try (Stream<Path> files = Files.list(project.resolve("migrations/versions"))) {
            revision = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .findFirst()
                    .orElseThrow()
                    .substring(0, 12);
        }

        Result upgrade = MicroblogProcess.run(project, "db", "upgrade");
        assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
        assertThat(upgrade.err()).contains("Running upgrade  -> " + revision + ", users and posts");
        assertThat(project.resolve("app.db")).exists();

        assertThat(MicroblogProcess.run(project, "db", "current").out()).isEqualTo(revision + " (head)\n");
        assertThat(MicroblogProcess.run(project, "db", "history").out())
                .isEqualTo("<base> -> " + revision + " (head), users and posts\n");
        assertThat(MicroblogProcess.run(project, "db", "check").exitCode()).isZero();

        Result downgrade = MicroblogProcess.run(project, "db", "downgrade");
        assertThat(downgrade.err()).contains("Running downgrade " + revision + " -> , users and posts");
        assertThat(MicroblogProcess.run(project, "db", "current").out()).isEmpty();
    }

    @Test
    void diagramPrintsMermaidOrWritesAnSvgPicture() throws Exception {
        Result mermaid = MicroblogProcess.run(project, "db", "diagram");
        assertThat(mermaid.exitCode()).as(mermaid.err()).isZero();
        assertThat(mermaid.out())
                .startsWith("erDiagram\n")
                .contains("        Integer user_id FK\n", "    user |o--o{ post : \"user_id\"\n");
        assertThat(project.resolve("app.db"))
                .as("the models' diagram needs no database")
                .doesNotExist();

        Result svg = MicroblogProcess.run(project, "db", "diagram", "--svg", "schema.svg");
        assertThat(svg.exitCode()).as(svg.err()).isZero();
        assertThat(svg.out()).isEqualTo("Generating " + project.resolve("schema.svg") + " ... done\n");
        assertThat(Files.readString(project.resolve("schema.svg")))
                .startsWith("<svg ")
                .contains(">password_hash<");

        assertError(
                MicroblogProcess.run(project, "db", "diagram", "--svg", "missing/dir/schema.svg"),
                "Error: cannot write " + project.resolve("missing/dir/schema.svg"));
    }

    @Test
    void sqlWithAutogenerateIsRefusedAsAlembicRefusesIt() throws Exception {
        microblog.app.TestProject.copyMigrations(project);
        for (String[] args :
                new String[][] {{"db", "migrate", "--sql"}, {"db", "revision", "--autogenerate", "--sql"}}) {
            assertError(MicroblogProcess.run(project, args), "Error: --sql cannot be used with autogenerate");
        }
        Result plain = MicroblogProcess.run(
                project, "db", "revision", "--sql", "-m", "by hand", "--head", "base", "--branch-label", "extras");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(project.resolve("app.db"))
                .as("a plain revision never connects")
                .doesNotExist();
        assertThat(MicroblogProcess.run(project, "db", "heads").out()).contains(" (extras) (head)\n");
    }

    @Test
    void twoHeadsAreMergedUpgradedThroughAndAnEditedRevisionIsRefusedUntilRepaired() throws Exception {
        microblog.app.TestProject.copyMigrations(project);
        assertThat(MicroblogProcess.run(project, "db", "upgrade").exitCode()).isZero();
        Result branch = MicroblogProcess.run(
                project, "db", "revision", "-m", "about me", "--head", "21d81fd5534f", "--rev-id", "abc000000001");
        assertError(
                branch,
                "Error: revision 21d81fd5534f is not a head: building on it starts a new branch; pass " + "--splice");
        branch = MicroblogProcess.run(
                project,
                "db",
                "revision",
                "-m",
                "about me",
                "--head",
                "21d81fd5534f",
                "--splice",
                "--rev-id",
                "abc000000001");
        assertThat(branch.exitCode()).as(branch.err()).isZero();
        Path about = project.resolve("migrations/versions/abc000000001_about_me.yaml");
        Files.writeString(
                about,
                Files.readString(about)
                        .replace(
                                "upgrade: []",
                                "upgrade:\n  - add_column: {table: user, column: {name: about_me, type: String(140)}}")
                        .replace("downgrade: []", "downgrade:\n  - drop_column: {table: user, name: about_me}"));
        assertThat(MicroblogProcess.run(project, "db", "heads").out())
                .isEqualTo("96b77003c54b (head)\nabc000000001 (head)\n");
        assertThat(MicroblogProcess.run(project, "db", "branches").out())
                .isEqualTo("21d81fd5534f (branchpoint)\n"
                        + "        -> 96b77003c54b (head), posts table\n        -> abc000000001 (head), about me\n");
        assertError(MicroblogProcess.run(project, "db", "upgrade", "head"), "Error: there are several heads");

        Result merge = MicroblogProcess.run(project, "db", "merge", "heads", "-m", "join", "--rev-id", "abc000000002");
        assertThat(merge.exitCode()).as(merge.err()).isZero();
        assertThat(merge.out())
                .isEqualTo(
                        "Generating " + project.resolve("migrations/versions/abc000000002_join.yaml") + " ... done\n");
        Result upgrade = MicroblogProcess.run(project, "db", "upgrade", "--tag", "v2");
        assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
        assertThat(upgrade.err())
                .contains(
                        "Running upgrade 21d81fd5534f -> abc000000001, about me (tag v2)",
                        "Running upgrade 96b77003c54b, abc000000001 -> abc000000002, join (tag v2)");
        assertThat(MicroblogProcess.run(project, "db", "history", "-i").out())
                .startsWith("96b77003c54b, abc000000001 -> abc000000002 (head) (current) (mergepoint), join\n");
        assertThat(MicroblogProcess.run(project, "db", "current", "-v").out())
                .contains("Rev: abc000000002 (head) " + "(current)\n")
                .containsPattern("Applied: 20\\d\\d-.*, in \\d+ ms, tag v2\n");

        String applied = Files.readString(about);
        Files.writeString(about, applied.replace("String(140)", "String(200)"));
        assertError(
                MicroblogProcess.run(project, "db", "downgrade"),
                "Error: revision abc000000001 (about me) was " + "edited after it was applied to this database");
        assertError(
                MicroblogProcess.run(project, "db", "repair"),
                "Error: the database is not what the revisions, " + "as they are now, describe (");
        Files.writeString(
                about,
                applied.replace(
                        "downgrade:",
                        "  - execute: {sql: UPDATE user SET about_me = NULL " + "WHERE 1 = 0}\ndowngrade:"));
        Result repair = MicroblogProcess.run(project, "db", "repair");
        assertThat(repair.exitCode()).as(repair.err()).isZero();
        assertThat(repair.out()).isEqualTo("Recorded as they are now, edited since they were applied: abc000000001\n");
        Result downgrade = MicroblogProcess.run(project, "db", "downgrade", "-1");
        assertThat(downgrade.exitCode()).as(downgrade.err()).isZero();
        assertThat(MicroblogProcess.run(project, "db", "current").out())
                .as("below the merge, still the head")
                .isEqualTo("96b77003c54b\nabc000000001\n");

        Result typo = MicroblogProcess.run(
                project, Map.of("EDITOR", "sed -i s/^message:/mesage:/"), null, "db", "edit", "abc000000002");
        assertError(typo, "Error: abc000000002_join.yaml: unknown key 'mesage'");
        Result fixed = MicroblogProcess.run(
                project, Map.of("EDITOR", "sed -i s/^mesage:/message:/"), null, "db", "edit", "abc000000002");
        assertThat(fixed.exitCode()).as(fixed.err()).isZero();
    }

    @Test
    void migrateOnOneOfTwoHeadsNeedsTheDatabaseThere() throws Exception {
        microblog.app.TestProject.copyMigrations(project);
        assertThat(MicroblogProcess.run(project, "db", "upgrade", "21d81fd5534f")
                        .exitCode())
                .isZero();
        Result migrate = MicroblogProcess.run(project, "db", "migrate", "-m", "posts again", "--head", "21d81fd5534f");
        assertError(migrate, "Error: revision 21d81fd5534f is not a head");
        migrate = MicroblogProcess.run(project, "db", "migrate", "-m", "posts again", "--head", "96b77003c54b");
        assertError(
                migrate,
                "Error: Target database is not up to date: it is at 21d81fd5534f, the repository at "
                        + "96b77003c54b; run 'db upgrade' first");
        migrate = MicroblogProcess.run(
                project,
                "db",
                "migrate",
                "-m",
                "posts again",
                "--head",
                "21d81fd5534f",
                "--splice",
                "--rev-id",
                "abc000000003");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.err()).contains("Detected added table 'post'");
        assertThat(MicroblogProcess.run(project, "db", "heads").out()).contains("abc000000003 (head)");
    }

    @Test
    void commandsThatNeedNoModelsNeverLoadHibernate() throws Exception {
        microblog.app.TestProject.copyMigrations(project);
        for (String[] args : new String[][] {
            {"db", "upgrade"},
            {"db", "current"},
            {"db", "history"},
            {"db", "heads"},
            {"db", "show", "head"},
            {"db", "stamp", "head"}, // compares the schema with the revisions: still no Hibernate
            {"db", "downgrade"},
            {"db", "upgrade", "--sql"}
        }) {
            Result result = MicroblogProcess.runWithJvmOptions(
                    project, java.util.List.of("-verbose:class"), Map.of(), null, args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(result.out())
                    .as(String.join(" ", args))
                    .contains("microblog.cli.command.MigrationCommands")
                    .doesNotContain("org.hibernate");
        }
    }

    @Test
    void everyCommandTakesTheRepositoryDirectory() throws Exception {
        assertThat(MicroblogProcess.run(project, "db", "init", "-d", "elsewhere")
                        .exitCode())
                .isZero();
        assertThat(project.resolve("elsewhere/migrate.yaml")).exists();
        assertThat(project.resolve("migrations")).doesNotExist();
        Result migrate = MicroblogProcess.run(project, "db", "migrate", "-d", "elsewhere", "-m", "all");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(MicroblogProcess.run(project, "db", "upgrade", "-d", "elsewhere")
                        .exitCode())
                .isZero();
        assertThat(MicroblogProcess.run(project, "db", "heads", "-d", "elsewhere")
                        .out())
                .endsWith(" (head)\n");
        assertThat(MicroblogProcess.run(project, "db", "current", "-d", "elsewhere")
                        .out())
                .endsWith(" (head)\n");
    }

    @Test
    void aPopulatedDatabaseLosesNothingWithoutConsentAndTheRevisionsPassDbTest() throws Exception {
        microblog.app.TestProject.copyMigrations(project);
        assertThat(MicroblogProcess.run(project, "db", "upgrade").exitCode()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("app.db"));
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO user (id, username, email) VALUES (1, 'john', 'john@example.com')");
            st.execute(
                    "INSERT INTO post (body, timestamp, user_id) VALUES ('my first post!', '2026-11-25 10:00:00', 1)");
        }
        assertError(
                MicroblogProcess.run(project, "db", "downgrade", "base"),
                "Error: downgrade of revision "
                        + "96b77003c54b (posts table) would drop table 'post' holding 1 row; downgrade of revision "
                        + "21d81fd5534f (users table) would drop table 'user' holding 1 row; nothing was changed. "
                        + "To accept the loss, run 'db downgrade' again with --accept-data-loss (in code: "
                        + "Migrations.builder()...acceptDataLoss())");
        assertThat(MicroblogProcess.run(project, "db", "current").out()).isEqualTo("96b77003c54b (head)\n");

        Result test = MicroblogProcess.run(project, "db", "test");
        assertThat(test.exitCode()).as(test.err()).isZero();
        assertThat(test.out())
                .contains(
                        "21d81fd5534f users table: upgrade, downgrade, upgrade with rows ... ok",
                        "96b77003c54b posts table: upgrade, downgrade, upgrade with rows ... ok",
                        "At head, the schema matches the models.");

        Result accepted = MicroblogProcess.run(project, "db", "downgrade", "base", "--accept-data-loss");
        assertThat(accepted.exitCode()).as(accepted.err()).isZero();
        assertThat(accepted.err())
                .contains(
                        "Accepted data loss: 96b77003c54b will drop table 'post' holding 1 row",
                        "Accepted data loss: 21d81fd5534f will drop table 'user' holding 1 row");
        assertThat(MicroblogProcess.run(project, "db", "current").out()).isEmpty();
    }

    @Test
    void aMalformedDotEnvStopsEveryCommandBeforeItTouchesAnyDatabase() throws Exception {
        microblog.app.TestProject.copyMigrations(project);
        Files.writeString(project.resolve(".env"), "DATABASE_URL=\"postgresql://u@127.0.0.1/db\n");
        assertError(
                MicroblogProcess.run(project, "db", "upgrade"),
                "Error: " + project.resolve(".env")
                        + " line 1: the value of DATABASE_URL opens a quote (\") that is never closed");
        assertThat(project.resolve("app.db"))
                .as("no fallback to the default database")
                .doesNotExist();
    }

    @Test
    void badInputIsOneLineAndANonZeroExit() throws Exception {
        assertError(
                MicroblogProcess.run(project, "db", "migrate", "-m", "x"),
                "Error: no migrations repository at " + project.resolve("migrations"));
        assertThat(MicroblogProcess.run(project, "db", "init").exitCode()).isZero();
        assertError(
                MicroblogProcess.run(project, "db", "init"),
                "Error: directory " + project.resolve("migrations") + " already exists");
        assertError(MicroblogProcess.run(project, "db", "upgrade", "abc123"), "Error: no revision 'abc123'");
        assertError(
                MicroblogProcess.run(project, "db", "downgrade"),
                "Error: cannot downgrade: the database is already at base");
        assertError(
                MicroblogProcess.run(project, Map.of("DATABASE_URL", "what://ever"), null, "db", "current"),
                "Error: DATABASE_URL scheme 'what' is not supported");
        assertError(
                MicroblogProcess.run(
                        project, Map.of("DATABASE_URL", "postgresql://127.0.0.1:1/x"), null, "db", "current"),
                "Error: cannot reach PostgreSQL at postgresql://127.0.0.1:1/x");
    }

    @Test
    void currentOnAMisspeltSqliteFileSaysSoWhileAFreshProjectsDefaultReadsAsEmpty() throws Exception {
        microblog.app.TestProject.copyMigrations(project);
        Result fresh = MicroblogProcess.run(project, "db", "current");
        assertThat(fresh.exitCode()).as(fresh.err()).isZero();
        assertThat(fresh.out()).isEmpty();
        assertThat(project.resolve("app.db")).doesNotExist();
        assertError(
                MicroblogProcess.run(project, Map.of("DATABASE_URL", "sqlite:///ap.db"), null, "db", "current"),
                "Error: no database at " + project.resolve("ap.db") + ": the file does not exist; check DATABASE_URL");
        assertThat(project.resolve("ap.db")).doesNotExist();
        if (System.getProperty("os.name").equals("Linux")) {
            assertError(
                    MicroblogProcess.run(project, "db", "init", "-d", "/proc/x"),
                    "Error: cannot create /proc/x: No such file or directory");
        }
    }

    @Test
    void usageErrorsSayErrorPointToTheHelpAndExitWith2() throws Exception {
        Result typo = MicroblogProcess.run(project, "db", "upgrade", "--accept-data-los");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err())
                .isEqualTo("Error: Unknown option: '--accept-data-los'\nPossible solutions: "
                        + "--accept-data-loss\nSee 'microblog db upgrade --help'.\n");
        Result missing = MicroblogProcess.run(project, "db", "stamp");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("Error: Missing required parameter: 'REV'");
        for (String command : new String[] {
            "init",
            "revision",
            "migrate",
            "merge",
            "upgrade",
            "downgrade",
            "current",
            "history",
            "heads",
            "branches",
            "show",
            "stamp",
            "check",
            "test",
            "repair",
            "edit"
        }) {
            Result help = MicroblogProcess.run(project, "db", command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).startsWith("Usage: microblog db " + command);
        }
    }

    @Test
    void runSaysWhatIsWrongWithItsAddressBeforeStartingAnything() throws Exception {
        assertError(
                MicroblogProcess.run(project, "run", "--port", "70000"),
                "Error: --port 70000 is not a port: use 1 to 65535");
        assertError(
                MicroblogProcess.run(project, "run", "--host", "nosuchhost.invalid"),
                "Error: --host nosuchhost.invalid is not an address of this machine nor a known name");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertError(
                    MicroblogProcess.run(project, "run", "--port", String.valueOf(taken.getLocalPort())),
                    "Error: port " + taken.getLocalPort() + " on 127.0.0.1 is in use (another server?)");
        }
        assertThat(project.resolve("app.db"))
                .as("nothing was booted or migrated")
                .doesNotExist();
    }

    private static void assertError(Result result, String start) {
        assertThat(result.exitCode()).isEqualTo(1);
        String lastLine = result.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertThat(lastLine).startsWith(start);
        assertThat(result.err()).doesNotContain("\tat ");
    }
}
