package microblog.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.migrate.operations.Operation;
import microblog.migrate.schema.Table;
import microblog.migrate.testing.LogCapture;
import microblog.migrate.testmodels.evolution.MembersV1;
import microblog.migrate.testmodels.evolution.MembersV2;
import microblog.migrate.testmodels.evolution.MembersV3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A project's models change step by step on a database full of rows (members
 * with notes): every change is detected, applied, undone and applied again, on
 * each database, with every row counted and compared, and destruction refused
 * until it is accepted.
 */
class PopulatedDatabaseMigrationTest {
    private static final List<String> MEMBERS =
            List.of("1|ann|ann@example.com", "2|bob|bob@example.com", "3|cy|cy@example.com");
    private static final List<String> NOTES = List.of("1|1|hello", "2|1|again", "3|2|hi", "4|3|hey", "5|3|bye");

    @TempDir
    Path project;

    private Migrations migrations(TestDatabase db, List<Class<?>> models) {
        return TestMigrations.builder(project, db, models).build();
    }

    private Migrations acceptingDataLoss(TestDatabase db) {
        return TestMigrations.builder(project, db, List.of()).acceptDataLoss().build();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void changedColumnsRenamesAndDropsKeepEveryRowBothWays(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            TestMigrations.init(project);
            migrations(db, MembersV1.MODELS).generate("members and notes").orElseThrow();
            migrations(db, List.of()).upgrade("head");
            populate(db);
            var atV1 = SchemaEquivalence.of(LiveSchemas.schemaOf(db));

            CheckResult drift = migrations(db, MembersV2.MODELS).check();
            assertThat(drift.upToDate()).as("check finds the drift").isFalse();
            assertThat(drift.operations().stream().map(Operation::describe).toList())
                    .asString()
                    .contains("alter_column member.username")
                    .contains("rename_column");
            List<String> findings;
            try (LogCapture log = new LogCapture()) {
                migrations(db, MembersV2.MODELS).generate("change columns").orElseThrow();
                findings = log.messages();
            }
            assertThat(findings)
                    .contains(
                            "Detected renamed column 'member.email' to 'mail'",
                            "Detected type change from String(64) to String(80) on 'member.username'",
                            "Detected NOT NULL on column 'member.mail'",
                            "Detected added column 'member.karma'",
                            "Detected added check constraint 'ck_member_karma' on 'member'",
                            "Detected removed foreign key (member_id)(id) on table note",
                            "Detected added foreign key (member_id)(id) on table note");
            migrations(db, List.of()).upgrade("head");
            assertThat(migrations(db, MembersV2.MODELS).generate("again"))
                    .as("nothing left after upgrade")
                    .isEmpty();
            assertThat(TestSql.rows(db, "SELECT id, username, mail FROM member ORDER BY id"))
                    .isEqualTo(MEMBERS);
            assertThat(TestSql.rows(db, "SELECT id, member_id, body FROM note ORDER BY id"))
                    .isEqualTo(NOTES);
            assertThat(TestSql.rows(db, "SELECT karma FROM member")).containsOnly("0");
            assertThatThrownBy(() -> TestSql.execute(db, "UPDATE member SET karma = -1 WHERE id = 1"))
                    .as("the check holds")
                    .isInstanceOf(SQLException.class);

            assertThatThrownBy(() -> migrations(db, List.of()).downgrade("-1"))
                    .isInstanceOf(DataLossException.class)
                    .hasMessageContaining("would drop column 'member.karma' holding 3 values; nothing was changed");
            assertThat(TestSql.rows(db, "SELECT id, username, mail FROM member ORDER BY id"))
                    .isEqualTo(MEMBERS);
            acceptingDataLoss(db).downgrade("-1");
            assertThat(TestSql.rows(db, "SELECT id, username, email FROM member ORDER BY id"))
                    .isEqualTo(MEMBERS);
            assertThat(TestSql.rows(db, "SELECT id, member_id, body FROM note ORDER BY id"))
                    .isEqualTo(NOTES);
            assertThat(SchemaEquivalence.of(LiveSchemas.schemaOf(db)))
                    .as("back at v1 exactly")
                    .isEqualTo(atV1);
            migrations(db, List.of()).upgrade("head");
            assertThat(TestSql.rows(db, "SELECT id, username, mail FROM member ORDER BY id"))
                    .isEqualTo(MEMBERS);

            try (LogCapture log = new LogCapture()) {
                migrations(db, MembersV3.MODELS).generate("person").orElseThrow();
                assertThat(log.messages())
                        .contains(
                                "Detected renamed table 'member' to 'person'",
                                "Detected renamed index 'ix_member_username' to 'ix_person_username' on 'person'",
                                "Detected removed column 'person.bio'");
            }
            assertThatThrownBy(() -> migrations(db, List.of()).upgrade("head"))
                    .isInstanceOf(DataLossException.class)
                    .hasMessageContaining(
                            "would drop column 'member.bio' holding 2 values ('person.bio' in the revision)");
            acceptingDataLoss(db).upgrade("head");
            assertThat(LiveSchemas.tableNames(db)).containsExactlyInAnyOrder("person", "note");
            assertThat(TestSql.rows(db, "SELECT id, username, mail FROM person ORDER BY id"))
                    .isEqualTo(MEMBERS);
            assertThat(TestSql.rows(db, "SELECT id, member_id, body FROM note ORDER BY id"))
                    .isEqualTo(NOTES);
            assertThat(migrations(db, MembersV3.MODELS).generate("again")).isEmpty();
            assertThat(migrations(db, MembersV3.MODELS).check().upToDate()).isTrue();

            migrations(db, List.of()).downgrade("-1");
            assertThat(TestSql.rows(db, "SELECT id, username, mail FROM member ORDER BY id"))
                    .isEqualTo(MEMBERS);
            assertThat(TestSql.rows(db, "SELECT bio FROM member WHERE bio IS NOT NULL"))
                    .as("dropped values are gone")
                    .isEmpty();
            migrations(db, List.of()).upgrade("head");
            assertThat(TestSql.rows(db, "SELECT id, member_id, body FROM note ORDER BY id"))
                    .isEqualTo(NOTES);

            assertThatThrownBy(() -> migrations(db, List.of()).downgrade("base"))
                    .isInstanceOf(DataLossException.class)
                    .hasMessageContaining("holding");
            acceptingDataLoss(db).downgrade("base");
            assertThat(LiveSchemas.tableNames(db)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void narrowingIsRefusedUntilAcceptedAndThenCutsTheValuesTheSameEverywhere(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            String base = populatedBase(db);
            writeRevision(
                    "ccc000000001",
                    base,
                    "narrow",
                    """
                      - alter_column: {table: member, name: username, from: {type: String(64)}, to: {type: String(2)}}
                    """,
                    """
                      - alter_column: {table: member, name: username, from: {type: String(2)}, to: {type: String(64)}}
                    """);
            assertThatThrownBy(() -> migrations(db, List.of()).upgrade("head"))
                    .isInstanceOf(DataLossException.class)
                    .hasMessage("upgrade of revision ccc000000001 (narrow) would change column 'member.username' from "
                            + "String(64) to String(2) while it holds 2 values longer than 2; nothing was changed. "
                            + "To accept the loss, run 'db upgrade' again with --accept-data-loss (in code: "
                            + "Migrations.builder()...acceptDataLoss())");
            assertThat(TestSql.rows(db, "SELECT username FROM member ORDER BY id"))
                    .containsExactly("ann", "bob", "cy");
            acceptingDataLoss(db).upgrade("head");
            assertThat(TestSql.rows(db, "SELECT username FROM member ORDER BY id"))
                    .containsExactly("an", "bo", "cy");
            migrations(db, List.of()).downgrade("-1");
            assertThat(TestSql.rows(db, "SELECT id, member_id, body FROM note ORDER BY id"))
                    .isEqualTo(NOTES);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void notNullOverNullsCannotBeAcceptedButRunsOnceAnExecuteFillsThem(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            String base = populatedBase(db);
            TestSql.execute(db, "UPDATE member SET email = NULL WHERE id = 3");
            writeRevision(
                    "ccc000000001",
                    base,
                    "not null",
                    """
                      - alter_column: {table: member, name: email, from: {type: String(120)}, to: {type: String(120), nullable: false}}
                    """,
                    """
                      - alter_column: {table: member, name: email, from: {type: String(120), nullable: false}, to: {type: String(120)}}
                    """);
            assertThatThrownBy(() -> acceptingDataLoss(db).upgrade("head"))
                    .isInstanceOf(DataLossException.class)
                    .hasMessage("upgrade of revision ccc000000001 (not null) would make column 'member.email' NOT NULL "
                            + "while 1 row holds NULL, which no database can do; fill those rows first (an 'execute' "
                            + "UPDATE before this step), or keep the column nullable; nothing was changed");
            TestSql.execute(db, "UPDATE member SET email = NULL WHERE id = 2");
            writeRevision(
                    "ccc000000001",
                    base,
                    "not null",
                    """
                      - execute: {sql: "UPDATE member SET email = 'unknown' WHERE id = 3"}
                      - alter_column: {table: member, name: email, from: {type: String(120)}, to: {type: String(120), nullable: false}}
                    """,
                    """
                      - alter_column: {table: member, name: email, from: {type: String(120), nullable: false}, to: {type: String(120)}}
                    """);
            assertThatThrownBy(() -> migrations(db, List.of()).upgrade("head"))
                    .as("a partial fill is caught once the execute ran")
                    .isInstanceOf(DataLossException.class)
                    .hasMessageContaining("while 1 row holds NULL")
                    .hasMessageContaining("its changes were rolled back");
            assertThat(TestSql.rows(db, "SELECT id FROM member WHERE email IS NULL ORDER BY id"))
                    .as("the execute's update was rolled back with it, on every database")
                    .containsExactly("2", "3");
            writeRevision(
                    "ccc000000001",
                    base,
                    "not null",
                    """
                      - execute: {sql: "UPDATE member SET email = 'unknown' WHERE email IS NULL"}
                      - alter_column: {table: member, name: email, from: {type: String(120)}, to: {type: String(120), nullable: false}}
                    """,
                    """
                      - alter_column: {table: member, name: email, from: {type: String(120), nullable: false}, to: {type: String(120)}}
                    """);
            migrations(db, List.of()).upgrade("head");
            assertThat(TestSql.rows(db, "SELECT email FROM member WHERE id IN (2, 3)"))
                    .containsExactly("unknown", "unknown");
            assertThat(LiveSchemas.schemaOf(db)
                            .table("member")
                            .orElseThrow()
                            .column("email")
                            .orElseThrow()
                            .nullable())
                    .isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aNotNullColumnWithNothingToFillItIsRefusedOnATableWithRowsOnEveryDatabase(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            String base = populatedBase(db);
            writeRevision(
                    "ccc000000001",
                    base,
                    "active",
                    """
                      - add_column: {table: member, column: {name: active, type: Boolean, nullable: false}}
                    """,
                    """
                      - drop_column: {table: member, name: active}
                    """);
            assertThatThrownBy(() -> acceptingDataLoss(db).upgrade("head"))
                    .isInstanceOf(DataLossException.class)
                    .hasMessageContaining("would add column 'member.active' NOT NULL with no server default to a "
                            + "table holding 3 rows");
            assertThat(LiveSchemas.schemaOf(db).table("member").orElseThrow().column("active"))
                    .as("MySQL would have filled in zeros")
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aDowngradeOverSeveralRevisionsNamesEveryLossBeforeRunningAny(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            String base = populatedBase(db);
            writeRevision(
                    "ccc000000001",
                    base,
                    "karma",
                    """
                      - add_column: {table: member, column: {name: karma, type: Integer, server_default: "0"}}
                    """,
                    """
                      - drop_column: {table: member, name: karma}
                    """);
            migrations(db, List.of()).upgrade("head");
            assertThatThrownBy(() -> migrations(db, List.of()).downgrade("base"))
                    .isInstanceOf(DataLossException.class)
                    .hasMessageContaining("downgrade of revision ccc000000001 (karma) would drop column 'member.karma' "
                            + "holding 3 values; downgrade of revision " + base)
                    .hasMessageContaining("would drop table 'note' holding 5 rows")
                    .hasMessageContaining("would drop table 'member' holding 3 rows");
            assertThat(TestSql.rows(db, "SELECT karma FROM member"))
                    .as("nothing ran")
                    .containsOnly("0");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = "MARIADB")
    void aRevisionWhoseFirstStatementFailsLeavesNothingToRecover(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            String base = populatedBase(db);
            writeRevision(
                    "ccc000000001",
                    base,
                    "bad",
                    """
                      - execute: {sql: "ALTER TABLE nowhere ADD COLUMN x INTEGER"}
                    """,
                    """
                      - execute: {sql: "SELECT 1"}
                    """);
            assertThatThrownBy(() -> migrations(db, List.of()).upgrade("head"))
                    .hasMessageContaining("failed at statement 1")
                    .hasMessageContaining("no schema change before it had run, and its other changes were rolled back");
            Files.delete(project.resolve("migrations/versions/ccc000000001_bad.yaml"));
            assertThat(TestSql.rows(db, "SELECT COUNT(*) FROM alembic_version_progress"))
                    .containsExactly("0");
            acceptingDataLoss(db).downgrade("-1"); // not blocked by a stale record
            assertThat(LiveSchemas.tableNames(db)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aDataChangeBeforeAFailingSchemaChangeIsReportedAsWhatItIs(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            String base = populatedBase(db);
            writeRevision(
                    "ccc000000001",
                    base,
                    "doubles",
                    """
                      - execute: {sql: "UPDATE member SET bio = 'same'"}
                      - create_unique_constraint: {table: member, name: uq_member_bio, columns: [bio]}
                    """,
                    """
                      - drop_unique_constraint: {table: member, name: uq_member_bio}
                    """);
            Throwable failure = catchThrowable(() -> migrations(db, List.of()).upgrade("head"));
            assertThat(failure).hasMessageContaining("upgrade of revision ccc000000001 (doubles) failed at statement");
            if (!backend.kind().hasTransactionalDdl()) {
                assertThat(failure).hasMessageContaining("so the first 1 statement(s) stay applied");
                assertThat(TestSql.rows(db, "SELECT DISTINCT bio FROM member"))
                        .as("a schema change commits the data change before it")
                        .containsExactly("same");
                assertThatThrownBy(() -> migrations(db, List.of()).upgrade("head"))
                        .as("finishing it runs the schema change again, which the rows still refuse")
                        .hasMessageContaining("upgrade of revision ccc000000001 (doubles) failed at statement 2");
            } else {
                assertThat(failure).hasMessageContaining("its changes were rolled back");
                assertThat(TestSql.rows(db, "SELECT bio FROM member ORDER BY id"))
                        .containsExactly("likes tea", "null", "new here");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = "MARIADB")
    void aSchemaChangeBehindACommentIsStillCountedAsCommitted(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            String base = populatedBase(db);
            writeRevision(
                    "ccc000000001",
                    base,
                    "commented",
                    """
                      - execute: {sql: "-- widen\\nALTER TABLE member ADD COLUMN w INTEGER"}
                      - execute: {sql: "ALTER TABLE nowhere ADD COLUMN x INTEGER"}
                    """,
                    """
                      - drop_column: {table: member, name: w}
                    """);
            assertThatThrownBy(() -> migrations(db, List.of()).upgrade("head"))
                    .hasMessageContaining("so the first 1 statement(s) stay applied");
            assertThatThrownBy(() -> migrations(db, List.of()).upgrade("head"))
                    .hasMessageContaining("stopped after 1 statement(s)");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void alterColumnOnAKeyKeepsItAKeyWithGeneratedValues(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            String base = populatedBase(db);
            writeRevision(
                    "ccc000000001",
                    base,
                    "tags",
                    """
                      - create_table: {name: tag, columns: [{name: id, type: Integer, primary_key: true, autoincrement: true}, {name: label, type: String(20)}]}
                    """,
                    """
                      - drop_table: {name: tag}
                    """);
            writeRevision(
                    "ccc000000002",
                    "ccc000000001",
                    "big ids",
                    """
                      - alter_column: {table: tag, name: id, from: {type: Integer, nullable: false}, to: {type: BigInteger, nullable: false}}
                    """,
                    """
                      - alter_column: {table: tag, name: id, from: {type: BigInteger, nullable: false}, to: {type: Integer, nullable: false}}
                    """);
            migrations(db, List.of()).upgrade("ccc000000001");
            TestSql.execute(db, "INSERT INTO tag (label) VALUES ('a')");
            TestSql.execute(db, "INSERT INTO tag (label) VALUES ('b')");
            migrations(db, List.of()).upgrade("head");
            TestSql.execute(db, "INSERT INTO tag (label) VALUES ('c')");
            assertThat(TestSql.rows(db, "SELECT id, label FROM tag ORDER BY id"))
                    .containsExactly("1|a", "2|b", "3|c");
            Table tag = LiveSchemas.schemaOf(db).table("tag").orElseThrow();
            assertThat(tag.primaryKey()).containsExactly("id");
            assertThat(tag.column("id").orElseThrow().autoincrement()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aNotNullColumnAddedToARenamedTableWithRowsIsRefusedToo(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            String base = populatedBase(db);
            writeRevision(
                    "ccc000000001",
                    base,
                    "renamed",
                    """
                      - rename_table: {from: member, to: person}
                      - add_column: {table: person, column: {name: z, type: Integer, nullable: false}}
                    """,
                    """
                      - drop_column: {table: person, name: z}
                      - rename_table: {from: person, to: member}
                    """);
            assertThatThrownBy(() -> migrations(db, List.of()).upgrade("head"))
                    .isInstanceOf(DataLossException.class)
                    .hasMessageContaining("would add column 'member.z' NOT NULL with no server default to a table "
                            + "holding 3 rows");
            assertThat(LiveSchemas.tableNames(db)).contains("member");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTableMadeAgainInTheRevisionIsJudgedAsTheNewEmptyTable(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            String base = populatedBase(db);
            writeRevision(
                    "ccc000000001",
                    base,
                    "remade",
                    """
                      - drop_table: {name: note}
                      - create_table: {name: note, columns: [{name: id, type: Integer, primary_key: true}]}
                      - add_column: {table: note, column: {name: z, type: Integer, nullable: false}}
                    """,
                    """
                      - drop_column: {table: note, name: z}
                    """);
            assertThatThrownBy(() -> migrations(db, List.of()).upgrade("head"))
                    .hasMessage("upgrade of revision ccc000000001 (remade) would drop table 'note' holding 5 rows; "
                            + "nothing was changed. To accept the loss, run 'db upgrade' again with --accept-data-loss "
                            + "(in code: Migrations.builder()...acceptDataLoss())");
            acceptingDataLoss(db).upgrade("head");
            assertThat(TestSql.rows(db, "SELECT count(*) FROM note")).containsExactly("0");
        }
    }

    @Test
    void rowsThatBrokeAForeignKeyBeforeARevisionDoNotStopIt() throws Exception {
        try (TestDatabase db = TestDatabases.create(Backend.SQLITE, project)) {
            String base = populatedBase(db);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:"
                            + db.databaseUrl().sqliteDatabaseFile().orElseThrow());
                    Statement st = c.createStatement()) { // foreign keys off, as SQLAlchemy leaves them
                st.execute("INSERT INTO note (id, member_id, body) VALUES (9, 99, 'orphan from before')");
            }
            writeRevision(
                    "ccc000000001",
                    base,
                    "unrelated",
                    """
                      - create_table: {name: other, columns: [{name: id, type: Integer, primary_key: true}]}
                    """,
                    """
                      - drop_table: {name: other}
                    """);
            migrations(db, List.of()).upgrade("head");
            assertThat(LiveSchemas.tableNames(db)).contains("other");
        }
    }

    private String populatedBase(TestDatabase db) throws SQLException {
        TestMigrations.init(project);
        String base = migrations(db, MembersV1.MODELS)
                .generate("members and notes")
                .orElseThrow()
                .id();
        migrations(db, List.of()).upgrade("head");
        populate(db);
        return base;
    }

    private void writeRevision(String id, String parent, String message, String upgrade, String downgrade)
            throws IOException {
        Files.writeString(
                project.resolve("migrations/versions/" + id + "_" + message.replace(' ', '_') + ".yaml"),
                "revision: '" + id + "'\ndown_revision: '" + parent + "'\nmessage: " + message + "\nupgrade:\n"
                        + upgrade + "downgrade:\n" + downgrade);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRevisionThatWouldOrphanRowsIsRolledBackNamingTheRow(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            TestMigrations.init(project);
            String base = migrations(db, MembersV1.MODELS)
                    .generate("members and notes")
                    .orElseThrow()
                    .id();
            migrations(db, List.of()).upgrade("head");
            populate(db);
            Files.writeString(
                    project.resolve("migrations/versions/ddd000000001_orphan.yaml"),
                    """
                    revision: ddd000000001
                    down_revision: %s
                    message: orphan
                    upgrade:
                      - execute: {sql: "INSERT INTO note (id, member_id, body) VALUES (99, 42, 'nobody')"}
                      - add_column: {table: member, column: {name: karma, type: Integer}}
                    downgrade:
                      - drop_column: {table: member, name: karma}
                    """
                            .formatted(base));
            assertThatThrownBy(() -> migrations(db, List.of()).upgrade("head"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("upgrade of revision ddd000000001 (orphan)")
                    .hasMessageContaining(
                            backend == Backend.SQLITE
                                    ? "would break a foreign key: row 99 of 'note' refers to a missing row of 'member'"
                                    : "failed at statement 1");
            assertThat(TestSql.rows(db, "SELECT id FROM note WHERE id = 99")).isEmpty();
            Table member = LiveSchemas.schemaOf(db).table("member").orElseThrow();
            assertThat(member.column("karma"))
                    .as("rolled back, or never reached")
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void tablesNoModelMapsAndNoRevisionCreatedAreNeverProposedForDropping(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            TestMigrations.init(project);
            migrations(db, MembersV1.MODELS).generate("members and notes").orElseThrow();
            migrations(db, List.of()).upgrade("head");
            TestSql.execute(db, "CREATE TABLE legacy_audit (id INTEGER PRIMARY KEY, what VARCHAR(20))");
            TestSql.execute(db, "INSERT INTO legacy_audit VALUES (1, 'kept')");
            List<String> log;
            try (LogCapture capture = new LogCapture()) {
                assertThat(migrations(db, MembersV1.MODELS).generate("nothing")).isEmpty();
                assertThat(migrations(db, MembersV1.MODELS).check().upToDate()).isTrue();
                log = capture.messages();
            }
            assertThat(log).contains("Skipping table 'legacy_audit': no model maps it and no revision created it");
            Path config = project.resolve("migrations/migrate.yaml");
            String settings = Files.readString(config);
            Files.writeString(config, settings + "exclude_tables: [no*]\n");
            assertThat(migrations(db, List.of(MembersV1.Member.class)).generate("excluded"))
                    .as("excluded")
                    .isEmpty();
            Files.writeString(config, settings);
            Path dropNotes = migrations(db, List.of(MembersV1.Member.class))
                    .generate("no notes")
                    .orElseThrow()
                    .path();
            assertThat(Files.readString(dropNotes))
                    .contains("drop_table: {name: note}")
                    .doesNotContain("legacy_audit")
                    .contains("# Data loss: the upgrade drops table 'note' and its rows");
        }
    }

    private static void populate(TestDatabase db) throws SQLException {
        TestSql.execute(
                db,
                "INSERT INTO member (id, username, email, bio) VALUES (1, 'ann', 'ann@example.com', 'likes tea'), "
                        + "(2, 'bob', 'bob@example.com', NULL), (3, 'cy', 'cy@example.com', 'new here')");
        TestSql.execute(
                db,
                "INSERT INTO note (id, member_id, body) VALUES (1, 1, 'hello'), (2, 1, 'again'), (3, 2, 'hi'), "
                        + "(4, 3, 'hey'), (5, 3, 'bye')");
    }
}
