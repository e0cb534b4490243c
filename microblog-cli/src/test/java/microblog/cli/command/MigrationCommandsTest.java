package microblog.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.url.DatabaseUrl;
import microblog.migrate.MigrationException;
import microblog.migrate.engine.NewRevision;
import microblog.migrate.testing.LogCapture;
import microblog.migrate.testmodels.NoteCard;
import microblog.migrate.testmodels.Tag;
import microblog.migrate.testmodels.Writer;
import microblog.migrate.testmodels.evolution.RenamedV1;
import microblog.migrate.testmodels.evolution.RenamedV2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class MigrationCommandsTest {
    @TempDir
    Path project;

    private DatabaseUrl url;
    private Path dbFile;
    private List<Class<?>> models;
    private StringWriter output;

    @BeforeEach
    void setUp() {
        url = DatabaseUrl.parse("sqlite:///app.db", project);
        dbFile = project.resolve("app.db");
        models = new ArrayList<>(List.of(Writer.class));
    }

    private MigrationCommands commands() {
        output = new StringWriter();
        Collection<Class<?>> current = List.copyOf(models);
        MigrationConfig config = MigrationConfig.forUrl(project.resolve("migrations"), () -> url, () -> current);
        return new MigrationCommands(config, new PrintWriter(output, true));
    }

    private String out() {
        return output.toString();
    }

    @Test
    void initCreatesTheRepositoryOnceOnly() {
        commands().init();
        assertThat(project.resolve("migrations/migrate.yaml")).exists();
        assertThat(project.resolve("migrations/README")).exists();
        assertThat(project.resolve("migrations/versions")).isDirectory();
        assertThat(out()).contains("Creating directory " + project.resolve("migrations") + " ... done");
        assertThatThrownBy(() -> commands().init())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void initSaysWhyTheDirectoryCannotBeCreated() throws Exception {
        MigrationConfig config = MigrationConfig.forUrl(Path.of("/proc/x"), () -> url, () -> models);
        assertThatThrownBy(() -> new MigrationCommands(config, new PrintWriter(new StringWriter())).init())
                .isInstanceOf(MigrationException.class)
                .hasMessage("cannot create /proc/x: No such file or directory; choose another directory (-d DIR)");
        Path file = project.resolve("a-file");
        MigrationConfig underFile = MigrationConfig.forUrl(file.resolve("migrations"), () -> url, () -> models);
        Files.writeString(file, "");
        assertThatThrownBy(() -> new MigrationCommands(underFile, new PrintWriter(new StringWriter())).init())
                .isInstanceOf(MigrationException.class)
                .hasMessage("cannot create " + file.resolve("migrations")
                        + ": Not a directory; choose another directory (-d DIR)");
    }

    @Test
    void currentOnASqliteFileTheUserNamedThatDoesNotExistSaysSo() {
        commands().init();
        url = DatabaseUrl.parse("sqlite:///ap.db", project);
        MigrationConfig named = MigrationConfig.forUrl(project.resolve("migrations"), () -> url, () -> models)
                .withDatabaseSetting("DATABASE_URL");
        assertThatThrownBy(() -> new MigrationCommands(named, new PrintWriter(new StringWriter())).current())
                .isInstanceOf(MigrationException.class)
                .hasMessage("no database at " + project.resolve("ap.db") + ": the file does not exist; "
                        + "check DATABASE_URL, or run 'db upgrade' to create it");
        assertThat(project.resolve("ap.db")).doesNotExist();
        // The database the application chose may not exist yet: a fresh project reads as empty, as Flask-Migrate's.
        MigrationCommands chosen = commands();
        chosen.current();
        assertThat(out()).isEmpty();
        assertThat(project.resolve("ap.db")).doesNotExist();
    }

    @Test
    void commandsBeforeInitSayToRunInit() {
        assertThatThrownBy(() -> commands().migrate("x")).hasMessageContaining("create one first ('db init'");
        assertThatThrownBy(() -> commands().upgrade(null)).hasMessageContaining("db init");
    }

    @Test
    void theTutorialWorkflow() throws Exception {
        commands().init();
        Path users;
        try (LogCapture log = new LogCapture()) {
            users = commands().migrate("users table").orElseThrow();
            assertThat(log.messages())
                    .contains("Detected added table 'writer'", "Detected added index 'ix_writer_name' on '['name']'");
        }
        assertThat(users.getFileName().toString()).matches("[0-9a-f]{12}_users_table\\.yaml");
        assertThat(dbFile).as("migrate never touches the database").doesNotExist();

        commands().current();
        assertThat(out()).isEmpty();
        assertThat(dbFile).as("current never creates the database").doesNotExist();

        commands().upgrade(null);
        String first = users.getFileName().toString().substring(0, 12);
        assertThat(tables()).contains("writer", "alembic_version");
        commands().current();
        assertThat(out()).isEqualTo(first + " (head)\n");

        models.add(NoteCard.class);
        Path notes = commands().migrate("notes table").orElseThrow();
        String second = notes.getFileName().toString().substring(0, 12);
        assertThat(Files.readString(notes)).contains("down_revision: " + first);
        commands().upgrade(null);
        assertThat(tables()).contains("note_card");

        commands().history();
        assertThat(out())
                .isEqualTo(first + " -> " + second + " (head), notes table\n<base> -> " + first + ", users table\n");
        commands().heads();
        assertThat(out()).isEqualTo(second + " (head)\n");

        try (LogCapture log = new LogCapture()) {
            assertThat(commands().migrate("nothing")).isEmpty();
            assertThat(log.messages()).contains("No changes in schema detected.");
        }
        try (Stream<Path> files = Files.list(project.resolve("migrations/versions"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".yaml")).count())
                    .isEqualTo(2);
        }
        commands().check();
        assertThat(out()).contains("No new upgrade operations detected.");

        commands().downgrade(null);
        assertThat(tables()).doesNotContain("note_card").contains("writer");
        assertThatThrownBy(() -> commands().check()).hasMessageContaining("not up to date");

        commands().downgrade("base");
        assertThat(tables()).containsExactly("alembic_version", "alembic_version_applied");
        assertThatThrownBy(() -> commands().downgrade(null)).hasMessageContaining("already at base");

        assertThatThrownBy(() -> commands().stamp("head"))
                .as("a stamp says where the schema stands: refused while the tables are missing")
                .hasMessageContaining("Detected added table 'writer'")
                .hasMessageContaining("nothing was stamped");
        commands().purgeAndStamp("head");
        commands().current();
        assertThat(out()).isEqualTo(second + " (head)\n");
        assertThat(tables()).containsExactly("alembic_version", "alembic_version_applied");
    }

    @Test
    void aTableDroppedOnSqliteComesBackInTheDowngradeWithTheTypesItsRevisionWrote() throws Exception {
        models = new ArrayList<>(List.of(Writer.class, Tag.class)); // Tag's id is a Long: BigInteger
        commands().init();
        commands().migrate("writers and tags");
        commands().upgrade(null);
        models.remove(Tag.class);
        Path drop = commands().migrate("no more tags").orElseThrow();
        // SQLite stores BigInteger as INTEGER; read back as Integer, the table would come back narrower elsewhere
        String downgrade =
                Files.readString(drop).substring(Files.readString(drop).indexOf("downgrade:"));
        assertThat(downgrade).contains("{name: id, type: BigInteger, primary_key: true, autoincrement: true}");
    }

    @Test
    void entityListsThatWouldDropEveryTableAreRefused() {
        commands().init();
        models = new ArrayList<>(List.of(String.class));
        assertThatThrownBy(() -> commands().migrate("oops"))
                .isInstanceOf(MigrationException.class)
                .hasMessage("java.lang.String is not an entity (it has no @Entity): list only the application's "
                        + "entity classes");
        models = new ArrayList<>();
        assertThatThrownBy(() -> commands().migrate("oops"))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("no entity classes given");
        assertThat(project.resolve("migrations/versions")).isDirectoryNotContaining("glob:**.yaml");
    }

    @Test
    void checkFailsWhenModelsHaveUngeneratedChanges() {
        commands().init();
        commands().migrate("users");
        commands().upgrade(null);
        models.add(NoteCard.class);
        assertThatThrownBy(() -> commands().check())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("New upgrade operations detected")
                .hasMessageContaining("create_table note_card");
    }

    @Test
    void checkRepeatsTheLikelyRenameThatMigratePointsOut() {
        models = new ArrayList<>(RenamedV1.MODELS);
        commands().init();
        commands().migrate("members");
        commands().upgrade(null);
        models = new ArrayList<>(RenamedV2.MODELS);
        String hint = "Table 'account' is added and 'member' removed, with the same columns: if it is a rename, "
                + "annotate the entity class with @RenamedFrom(\"member\") and run 'db migrate' again";
        try (LogCapture capture = new LogCapture()) {
            assertThatThrownBy(() -> commands().check())
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("New upgrade operations detected");
            assertThat(capture.messages()).anyMatch(line -> line.contains(hint));
        }
    }

    @Test
    void aFailingRevisionLeavesTheDatabaseAsItWas() throws Exception {
        commands().init();
        String first = commands()
                .migrate("users")
                .orElseThrow()
                .getFileName()
                .toString()
                .substring(0, 12);
        commands().upgrade(null);
        Files.writeString(
                project.resolve("migrations/versions/bad000000001_bad.yaml"),
                """
                revision: bad000000001
                down_revision: %s
                message: bad
                upgrade:
                  - create_table:
                      name: half
                      columns:
                        - {name: id, type: Integer, primary_key: true}
                  - execute: {sql: INSERT INTO nowhere VALUES (1)}
                downgrade:
                  - drop_table: {name: half}
                """
                        .formatted(first));
        assertThatThrownBy(() -> commands().upgrade(null))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("revision bad000000001 (bad) failed at statement 2")
                .hasMessageContaining("no such table: nowhere")
                .hasMessageContaining("rolled back");
        assertThat(tables()).doesNotContain("half");
        commands().current();
        assertThat(out()).isEqualTo(first + "\n");
    }

    @Test
    void sqliteRebuildAddsAForeignKeyAndKeepsTheRows() throws Exception {
        commands().init();
        Path versions = project.resolve("migrations/versions");
        Files.writeString(
                versions.resolve("aaa000000001_tables.yaml"),
                """
                revision: aaa000000001
                down_revision: null
                message: tables
                upgrade:
                  - create_table:
                      name: owner
                      columns: [{name: id, type: Integer, primary_key: true, autoincrement: true}]
                  - create_table:
                      name: pet
                      columns:
                        - {name: id, type: Integer, primary_key: true, autoincrement: true}
                        - {name: owner_id, type: Integer}
                  - create_index: {name: ix_pet_owner_id, table: pet, columns: [owner_id]}
                  - execute: {sql: "INSERT INTO owner (id) VALUES (1)"}
                  - execute: {sql: "INSERT INTO pet (id, owner_id) VALUES (7, 1)"}
                downgrade:
                  - drop_table: {name: pet}
                  - drop_table: {name: owner}
                """);
        Files.writeString(
                versions.resolve("bbb000000002_fk.yaml"),
                """
                revision: bbb000000002
                down_revision: aaa000000001
                message: fk
                upgrade:
                  - create_foreign_key: {table: pet, name: fk_pet_owner_id_owner, columns: [owner_id], references: owner, referred_columns: [id]}
                downgrade:
                  - drop_foreign_key: {table: pet, name: fk_pet_owner_id_owner}
                """);
        commands().upgrade(null);
        assertThat(query("SELECT id || ':' || owner_id FROM pet")).isEqualTo("7:1");
        assertThat(query("SELECT count(*) FROM pragma_foreign_key_list('pet')")).isEqualTo("1");
        assertThat(query("SELECT count(*) FROM pragma_index_list('pet') WHERE name = 'ix_pet_owner_id'"))
                .isEqualTo("1");
        assertThatThrownBy(() -> execute("INSERT INTO pet (id, owner_id) VALUES (8, 99)"))
                .hasMessageContaining("FOREIGN KEY");
        commands().downgrade(null);
        assertThat(query("SELECT count(*) FROM pragma_foreign_key_list('pet')")).isEqualTo("0");
        assertThat(query("SELECT id || ':' || owner_id FROM pet")).isEqualTo("7:1");
    }

    @Test
    void sqliteRebuildOfAReferencedTableKeepsChildrenViewsTriggersAndPartialIndexes() throws Exception {
        commands().init();
        Files.writeString(
                project.resolve("migrations/versions/abc000000001_base.yaml"),
                """
                revision: abc000000001
                down_revision: null
                message: base
                upgrade:
                  - create_table:
                      name: owner
                      columns:
                        - {name: id, type: Integer, primary_key: true, autoincrement: true}
                        - {name: name, type: String(40)}
                        - {name: email, type: String(80)}
                        - {name: note, type: String(80)}
                  - create_table:
                      name: pet
                      columns:
                        - {name: id, type: Integer, primary_key: true, autoincrement: true}
                        - {name: owner_id, type: Integer}
                      foreign_keys:
                        - {name: fk_pet_owner_id_owner, columns: [owner_id], references: owner, referred_columns: [id]}
                  - execute: {sql: "CREATE INDEX ix_owner_email ON owner (email) WHERE email IS NOT NULL"}
                  - execute: {sql: "CREATE VIEW owner_pets AS SELECT o.name, p.id AS pet FROM owner o JOIN pet p ON p.owner_id = o.id"}
                  - execute: {sql: "CREATE TRIGGER owner_upper AFTER INSERT ON owner BEGIN UPDATE owner SET name = upper(new.name) WHERE id = new.id; END"}
                downgrade:
                  - execute: {sql: "DROP VIEW owner_pets"}
                  - drop_table: {name: pet}
                  - drop_table: {name: owner}
                """);
        Files.writeString(
                project.resolve("migrations/versions/abc000000002_drop.yaml"),
                """
                revision: abc000000002
                down_revision: abc000000001
                message: drop note
                upgrade:
                  - drop_column: {table: owner, name: note}
                  - alter_column: {table: owner, name: name, from: {type: String(40)}, to: {type: String(60)}}
                downgrade:
                  - alter_column: {table: owner, name: name, from: {type: String(60)}, to: {type: String(40)}}
                  - add_column: {table: owner, column: {name: note, type: String(80)}}
                """);
        commands().upgrade("abc000000001");
        execute("INSERT INTO owner (id, name, email, note) VALUES (1, 'ann', 'a@x', 'n1'), (2, 'bob', NULL, NULL)");
        execute("INSERT INTO pet (id, owner_id) VALUES (10, 1), (11, 1), (12, 2)");
        commands().acceptingDataLoss().upgrade(null);

        assertThat(query("SELECT group_concat(id || ':' || owner_id) FROM pet")).isEqualTo("10:1,11:1,12:2");
        assertThat(query("SELECT group_concat(name || '/' || pet) FROM owner_pets"))
                .isEqualTo("ANN/10,ANN/11,BOB/12");
        assertThat(query("SELECT sql FROM sqlite_master WHERE name = 'ix_owner_email'"))
                .endsWith("WHERE email IS NOT NULL");
        execute("INSERT INTO owner (id, name) VALUES (3, 'cy')");
        assertThat(query("SELECT name FROM owner WHERE id = 3"))
                .as("the trigger is back")
                .isEqualTo("CY");
        try (Connection c = new ConnectionFactory(url).open();
                Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("INSERT INTO pet (id, owner_id) VALUES (13, 99)"))
                    .as("pet's foreign key to the rebuilt owner still holds")
                    .hasMessageContaining("FOREIGN KEY");
        }
        commands().downgrade(null);
        assertThat(query("SELECT group_concat(id || ':' || owner_id) FROM pet")).isEqualTo("10:1,11:1,12:2");
        assertThat(query("SELECT count(*) FROM owner_pets")).isEqualTo("3");
    }

    @Test
    void offlineSqlNeedsNoDatabase() {
        commands().init();
        commands().migrate("users");
        commands().upgradeSql(null);
        assertThat(out())
                .contains(
                        "BEGIN;",
                        "CREATE TABLE \"writer\"",
                        "CREATE UNIQUE INDEX \"ix_writer_name\"",
                        "INSERT INTO \"alembic_version\"",
                        "COMMIT;")
                .doesNotContain("\"tag\")");
        MigrationCommands tagged = commands().tagged("v2");
        tagged.upgradeSql(null);
        assertThat(out())
                .containsPattern("\"duration_ms\", \"tag\"\\) VALUES \\('[0-9a-f]{12}', '[0-9a-f]{64}', .*, "
                        + "NULL, 'v2'\\);");
        commands().downgradeSql("head:base");
        assertThat(out())
                .contains(
                        "-- Data loss: this step drops table 'writer' and its rows\nDROP TABLE \"writer\"",
                        "DELETE FROM \"alembic_version\"");
        assertThat(dbFile).doesNotExist();
    }

    @Test
    void offlineSqlRefusesASqliteRebuildOfATableHandWrittenDdlChanged() throws Exception {
        commands().init();
        Path versions = project.resolve("migrations/versions");
        Files.writeString(
                versions.resolve("eee000000001_pets.yaml"),
                """
                revision: eee000000001
                down_revision: null
                message: pets
                upgrade:
                  - create_table: {name: pet, columns: [{name: id, type: Integer, primary_key: true}, {name: nickname, type: String(40)}]}
                  - execute: {sql: "INSERT INTO pet (id, nickname) VALUES (1, 'rex')"}
                downgrade:
                  - drop_table: {name: pet}
                """);
        Files.writeString(
                versions.resolve("eee000000002_by_hand.yaml"),
                """
                revision: eee000000002
                down_revision: eee000000001
                message: by hand
                upgrade:
                  - execute: {sql: "ALTER TABLE pet ADD COLUMN born DATE"}
                  - drop_column: {table: pet, name: nickname}
                downgrade:
                  - add_column: {table: pet, column: {name: nickname, type: String(40)}}
                """);
        commands().upgradeSql("eee000000001");
        assertThat(out()).as("data-only SQL changes no shape").contains("INSERT INTO pet");
        assertThatThrownBy(() -> commands().upgradeSql(null))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("cannot write offline SQL that changes table 'pet' on SQLite: an earlier "
                        + "'execute' operation may have changed it");
        commands().acceptingDataLoss().upgrade(null);
        assertThat(query("SELECT id || ':' || coalesce(born, '-') FROM pet"))
                .as("online sees the real shape")
                .isEqualTo("1:-");
    }

    @Test
    void offlineSqlRefusesARebuildAfterHandWrittenSqlDropsOneOfTheTablesIndexes() throws Exception {
        commands().init();
        Path versions = project.resolve("migrations/versions");
        Files.writeString(
                versions.resolve("fff000000001_pets.yaml"),
                """
                revision: fff000000001
                down_revision: null
                message: pets
                upgrade:
                  - create_table: {name: pet, columns: [{name: id, type: Integer, primary_key: true}, {name: nickname, type: String(40)}]}
                  - create_index: {name: ix_pet_nickname, table: pet, columns: [nickname]}
                  - execute: {sql: "DROP INDEX ix_pet_nickname"}
                  - alter_column: {table: pet, name: nickname, from: {type: String(40)}, to: {type: String(80)}}
                downgrade:
                  - drop_table: {name: pet}
                """);
        assertThatThrownBy(() -> commands().upgradeSql(null))
                .as("DROP INDEX names no table, but the index is the pet table's: its rebuild would bring it back")
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("cannot write offline SQL that changes table 'pet' on SQLite: an earlier "
                        + "'execute' operation may have changed it");
    }

    @Test
    void repositorySettingsAreChecked() throws Exception {
        commands().init();
        Path config = project.resolve("migrations/migrate.yaml");
        assertThat(Files.readString(config)).contains("# exclude_tables: [audit_log, legacy_*]");
        Files.writeString(config, "version_table: alembic_version\ncolour: red\n");
        assertThatThrownBy(() -> commands().history())
                .isInstanceOf(MigrationException.class)
                .hasMessage(
                        config
                                + ": unknown setting 'colour': use one of exclude_tables, lock_lease, lock_timeout, transaction_per_migration, version_table");
        Files.writeString(config, "lock_timeout: soon\n");
        assertThatThrownBy(() -> commands().history())
                .hasMessage(config + ": lock_timeout must be a number of seconds, such as 600");
        Files.writeString(config, "exclude_tables: legacy_*\n");
        assertThatThrownBy(() -> commands().history())
                .hasMessage(config + ": exclude_tables must be a list of table names or patterns, such as "
                        + "[audit_log, legacy_*]");
    }

    @Test
    void onSqliteAMigrationWaitsForAnotherWriterLongerThanTheBusyTimeoutAndSaysSo() throws Exception {
        commands().init();
        commands().migrate("writers");
        execute("CREATE TABLE other (id INTEGER)");
        Connection holder = new ConnectionFactory(url).open();
        holder.createStatement().execute("BEGIN IMMEDIATE");
        Thread release = new Thread(() -> {
            try {
                Thread.sleep(1500);
                holder.createStatement().execute("COMMIT");
                holder.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        url = DatabaseUrl.parse("jdbc:sqlite:" + dbFile + "?busy_timeout=100", project); // 100 ms, held for 1.5 s
        try (LogCapture log = new LogCapture()) {
            release.start();
            commands().upgrade(null);
            assertThat(log.messages())
                    .contains(
                            "Waiting for the database's write lock, held by another process (a migration or a writer)");
        }
        release.join();
        assertThat(query("SELECT count(*) FROM alembic_version")).isEqualTo("1");
    }

    @Test
    void onSqliteAWriteLockHeldPastLockTimeoutIsSaidInThoseWords() throws Exception {
        commands().init();
        commands().migrate("writers");
        Path config = project.resolve("migrations/migrate.yaml");
        Files.writeString(config, Files.readString(config) + "lock_timeout: 1\n");
        try (Connection holder = new ConnectionFactory(url).open()) {
            holder.createStatement().execute("BEGIN IMMEDIATE");
            try (LogCapture log = new LogCapture()) {
                assertThatThrownBy(() -> commands().upgrade(null))
                        .isInstanceOf(MigrationException.class)
                        .hasMessageStartingWith("another process (a migration or a writer) held the database's write "
                                + "lock for longer than lock_timeout in migrate.yaml; nothing was changed");
                assertThat(log.messages()).noneMatch(m -> m.startsWith("Running upgrade"));
            }
            holder.createStatement().execute("ROLLBACK");
        }
        commands().upgrade(null);
        assertThat(query("SELECT count(*) FROM alembic_version")).isEqualTo("1");
    }

    @Test
    void branchesAreMadeWithRevisionShownWithBranchesAndJoinedWithMerge() throws Exception {
        commands().init();
        String base = commands()
                .migrate("writers", "base0")
                .orElseThrow()
                .getFileName()
                .toString();
        assertThat(base).isEqualTo("base0_writers.yaml");
        commands().revision("hand", null, "b1");
        assertThatThrownBy(() -> commands().revision("other", "base0", "b2"))
                .hasMessage("revision base0 is not a head: building on it starts a new branch; pass --splice if that "
                        + "is what you want");
        commands().revision("other", "base0", true, "b2");
        MigrationCommands listing = commands();
        listing.branches();
        assertThat(out()).isEqualTo("base0 (branchpoint)\n        -> b1 (head), hand\n        -> b2 (head), other\n");
        assertThatThrownBy(() -> commands().revision("x", null, null))
                .hasMessage("there are 2 heads (b1, b2): pass --head REV to build on one, or merge them with "
                        + "'db merge heads'");
        commands().upgrade("heads");
        MigrationCommands current = commands();
        current.current();
        assertThat(out()).isEqualTo("b1 (head)\nb2 (head)\n");

        MigrationCommands marked = commands();
        marked.history(false, true);
        assertThat(out()).contains("base0 -> b1 (head) (current), hand", "base0 -> b2 (head) (current), other");
        MigrationCommands verbose = commands();
        verbose.current(true);
        assertThat(out())
                .contains("Rev: b1 (head) (current)", "    Upgrade: []")
                .containsPattern("    Applied: 20\\d\\d-\\d\\d-\\d\\dT.*, in \\d+ ms");

        commands().merge(List.of("heads"), "join", "m1");
        commands().upgrade(null);
        MigrationCommands after = commands();
        after.current();
        assertThat(out()).isEqualTo("m1 (head)\n");
        MigrationCommands history = commands();
        history.history();
        assertThat(out())
                .startsWith("b1, b2 -> m1 (head) (mergepoint), join\n")
                .contains("<base> -> base0 (branchpoint), writers");
        assertThatThrownBy(() -> commands().merge(List.of(), "again", null))
                .hasMessage("nothing to merge: there is one head, m1; merge joins two or more heads");
        assertThatThrownBy(() -> commands().revision("dup", null, "m1"))
                .hasMessage("--rev-id 'm1': revision m1 already exists");
        assertThatThrownBy(() -> commands().revision("bad", null, "no spaces"))
                .hasMessageStartingWith("--rev-id 'no spaces' is not a revision id");
        commands().downgrade("base0");
        MigrationCommands down = commands();
        down.current();
        assertThat(out()).isEqualTo("base0\n");
    }

    @Test
    void stampKeepsTheRecordOfAppliedRevisionsTrueEvenForRevisionsWhoseFileIsGone() throws Exception {
        commands().init();
        commands().migrate("writers", "aaa1");
        Path empty = commands().revision("empty", null, "bbb2");
        assertThat(Files.readString(empty))
                .contains("upgrade: []", "downgrade: []")
                .doesNotContain("&", "*id");
        commands().upgrade(null);
        commands().stamp("aaa1");
        MigrationCommands down = commands();
        down.history(true, true);
        assertThat(out()).contains("Rev: bbb2 (head)\n").contains("    Applied: no\n");
        commands().stamp("head");
        MigrationCommands up = commands();
        up.current(true);
        assertThat(out()).contains("(recorded without running it: stamp, repair or a SQL script)");

        Files.delete(empty); // the database stands at a revision no file defines any more
        commands().stamp("aaa1");
        commands().revision("empty again", null, "bbb2");
        commands().upgrade(null);
        MigrationCommands again = commands();
        again.current();
        assertThat(out())
                .as("no stale record of the old bbb2 blocks the new one")
                .isEqualTo("bbb2 (head)\n");
        MigrationCommands repair = commands();
        repair.repair();
        assertThat(out()).isEqualTo("The record of applied revisions matches the revision files\n");
    }

    @Test
    void aLabelledBranchFromBaseIsUpgradedAndUndoneOnItsOwn() throws Exception {
        commands().init();
        String writers = revisionId(commands().migrate("writers").orElseThrow());
        commands()
                .revision(NewRevision.withMessage("cart")
                        .withRevId("cart0001")
                        .withBranchLabel("shop")
                        .on("base", false));
        Path items = commands().revision("cart items", "shop@head", "cart0002");
        Files.writeString(
                items,
                Files.readString(items)
                        .replace("upgrade: []", "upgrade:\n  - execute: {sql: CREATE TABLE cart_item (id INTEGER)}")
                        .replace("downgrade: []", "downgrade:\n  - execute: {sql: DROP TABLE cart_item}"));
        assertThat(Files.readString(project.resolve("migrations/versions/cart0001_cart.yaml")))
                .contains("down_revision: null\nbranch_labels: [shop]\n");

        MigrationCommands heads = commands();
        heads.heads();
        assertThat(out().lines()).containsExactlyInAnyOrder(writers + " (head)", "cart0002 (shop) (head)");
        MigrationCommands history = commands();
        history.history();
        assertThat(out())
                .contains(
                        "cart0001 -> cart0002 (shop) (head), cart items\n",
                        "<base> -> cart0001 (shop), cart\n",
                        "<base> -> " + writers + " (head), writers\n");

        commands().upgrade("shop@head");
        assertThat(query("SELECT count(*) FROM cart_item")).isEqualTo("0");
        assertThat(query("SELECT version_num FROM alembic_version")).isEqualTo("cart0002");
        commands().upgrade("heads");
        commands().downgrade("shop@base");
        assertThat(query("SELECT version_num FROM alembic_version")).isEqualTo(writers);
        assertThat(query("SELECT count(*) FROM writer"))
                .as("the other branch stays")
                .isEqualTo("0");

        assertThatThrownBy(() -> commands()
                        .revision(NewRevision.withMessage("again")
                                .withBranchLabel("shop")
                                .on("base", false)))
                .hasMessage(
                        "--branch-label 'shop' already names the branch of revision cart0001: choose another label");
        assertThatThrownBy(() -> commands()
                        .revision(NewRevision.withMessage("x")
                                .withBranchLabel("cart0002")
                                .on("base", false)))
                .hasMessage("--branch-label 'cart0002' is a revision id: choose another label");
        assertThatThrownBy(() -> commands().upgrade("shop@base")).hasMessageContaining("use it with 'db downgrade'");
    }

    @Test
    void aDowngradeUndoesOnlyWhatWasBuiltOnItsTargetAndLeavesOtherBranchesAlone() throws Exception {
        commands().init();
        Path versions = project.resolve("migrations/versions");
        tableRevision(versions, "r0", null, "t0");
        tableRevision(versions, "a1", "r0", "ta");
        tableRevision(versions, "b1", "r0", "tb");
        Files.writeString(versions.resolve("m1.yaml"), "revision: m1\ndown_revision: [a1, b1]\nmessage: join\n");
        tableRevision(versions, "x1", null, "tx");
        Files.writeString(
                versions.resolve("x1.yaml"),
                Files.readString(versions.resolve("x1.yaml")).replace("message:", "branch_labels: [extra]\nmessage:"));
        commands().upgrade("heads");
        assertThat(tables()).contains("t0", "ta", "tb", "tx");

        commands().downgrade("b1");
        assertThat(heads()).containsExactlyInAnyOrder("a1", "b1", "x1");
        commands().downgrade("extra@head");
        assertThat(heads()).as("already there: nothing undone").containsExactlyInAnyOrder("a1", "b1", "x1");
        assertThatThrownBy(() -> commands().downgrade("-1"))
                .hasMessageContaining("3 heads")
                .hasMessageContaining("would not know which branch");
        commands().downgrade("r0");
        assertThat(heads()).containsExactlyInAnyOrder("r0", "x1");
        assertThat(tables()).contains("t0", "tx").doesNotContain("ta", "tb");
    }

    private static void tableRevision(Path versions, String id, String parent, String table) throws IOException {
        Files.writeString(
                versions.resolve(id + ".yaml"),
                "revision: " + id + "\ndown_revision: "
                        + (parent == null ? "null" : parent) + "\nmessage: " + table + "\nupgrade:\n  - execute: {sql: "
                        + "CREATE TABLE " + table + " (id INTEGER)}\ndowngrade:\n  - execute: {sql: DROP TABLE " + table
                        + "}\n");
    }

    private List<String> heads() throws SQLException {
        List<String> heads = new ArrayList<>();
        try (Connection c = new ConnectionFactory(url).open();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version_num FROM alembic_version")) {
            while (rs.next()) {
                heads.add(rs.getString(1));
            }
        }
        return heads;
    }

    @Test
    void revisionIdsThatReadAsTargetsAndMergesOfOneBranchAreRefused() {
        commands().init();
        commands().migrate("writers", "aaa1");
        commands().revision("second", null, "bbb2");
        for (String reserved : List.of("head", "base", "heads", "-1", "+2")) {
            assertThatThrownBy(() -> commands().revision("x", null, reserved))
                    .hasMessage("--rev-id '" + reserved + "' would be read as a target ('head', 'base', '-1', ...), "
                            + "not as this revision: choose another id");
        }
        assertThatThrownBy(() -> commands().merge(List.of("aaa1", "bbb2"), "m", null))
                .hasMessage("cannot merge aaa1 with bbb2, which already follows it: merge revisions on different "
                        + "branches, such as the heads");
        assertThatThrownBy(() -> commands().merge(List.of("bbb2"), "m", null))
                .hasMessage("nothing to merge: only one revision given, bbb2; merge joins two or more heads");
    }

    @Test
    void editOpensTheRevisionInTheEditorAndChecksItAfterwards() throws Exception {
        commands().init();
        Path file = commands().migrate("writers", "aaa1").orElseThrow();
        Path appends = project.resolve("append.sh");
        Files.writeString(appends, "#!/bin/sh\necho '# looked at' >> \"$1\"\n");
        appends.toFile().setExecutable(true);
        commands().edit(null, appends.toString());
        assertThat(Files.readString(file)).endsWith("# looked at\n");
        Path breaks = project.resolve("break.sh");
        Files.writeString(breaks, "#!/bin/sh\necho 'upgrade: [' >> \"$1\"\n");
        breaks.toFile().setExecutable(true);
        assertThatThrownBy(() -> commands().edit("aaa1", breaks.toString())).hasMessageContaining("is not valid YAML");
        assertThatThrownBy(() -> commands().edit(null, null)).hasMessageStartingWith("no editor: set EDITOR");
    }

    @Test
    void stampPurgeHeadsVerboseAndHistoryRanges() throws Exception {
        commands().init();
        commands().migrate("writers", "aaa1");
        commands().revision("second", null, "bbb2");
        commands().revision("third", null, "ccc3");
        commands().upgrade("aaa1");
        execute("INSERT INTO alembic_version (version_num) VALUES ('gone99')"); // another branch's, now deleted
        assertThatThrownBy(() -> commands().upgrade(null)).hasMessageContaining("gone99");
        commands().purgeAndStamp("bbb2");
        MigrationCommands current = commands();
        current.current();
        assertThat(out()).isEqualTo("bbb2\n");
        MigrationCommands range = commands();
        range.history(false, false, "bbb2:");
        assertThat(out()).isEqualTo("bbb2 -> ccc3 (head), third\naaa1 -> bbb2, second\n");
        MigrationCommands upTo = commands();
        upTo.history(false, false, ":aaa1");
        assertThat(out()).isEqualTo("<base> -> aaa1, writers\n");
        MigrationCommands heads = commands();
        heads.heads(true);
        assertThat(out()).startsWith("Rev: ccc3 (head)\nParent: bbb2\n");
    }

    @Test
    void unknownRevisionsAreNamed() {
        commands().init();
        commands().migrate("users");
        assertThatThrownBy(() -> commands().upgrade("feedbeef")).hasMessageContaining("no revision 'feedbeef'");
        assertThatThrownBy(() -> commands().show("feedbeef")).hasMessageContaining("no revision 'feedbeef'");
        assertThatThrownBy(() -> commands().stamp("nope")).hasMessageContaining("no revision 'nope'");
    }

    @Test
    void aRevisionNoFileDefinesIsReportedAndStampFixesIt() throws Exception {
        commands().init();
        String head = commands()
                .migrate("users")
                .orElseThrow()
                .getFileName()
                .toString()
                .substring(0, 12);
        commands().upgrade(null);
        execute("UPDATE alembic_version SET version_num = 'deadbeef0000'");
        assertThatThrownBy(() -> commands().current())
                .hasMessageContaining("revision deadbeef0000, which no file")
                .hasMessageContaining("run 'db stamp head' to adopt it");
        assertThatThrownBy(() -> commands().upgrade(null)).hasMessageContaining("deadbeef0000");
        commands().stamp("head");
        commands().current();
        assertThat(out()).isEqualTo(head + " (head)\n");
    }

    @Test
    void readOnlyCommandsLeaveAnExistingDatabaseUntouched() throws Exception {
        commands().init();
        commands().migrate("users");
        execute("CREATE TABLE unrelated (x INTEGER)");
        commands().current();
        assertThatThrownBy(() -> commands().check()).hasMessageContaining("not up to date");
        commands().history();
        commands().show("head");
        assertThat(tables()).containsExactly("unrelated");
    }

    private List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = new ConnectionFactory(url).open();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String revisionId(Path file) {
        return file.getFileName().toString().substring(0, 12);
    }

    private String query(String sql) throws SQLException {
        try (Connection c = new ConnectionFactory(url).open();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = new ConnectionFactory(url).open();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
