package microblog.migrate.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.migrate.MigrationException;
import microblog.migrate.MigrationStep;
import microblog.migrate.RevisionFailedException;
import microblog.migrate.ddl.DdlRenderer;
import microblog.migrate.runtime.DataLossException;
import microblog.migrate.runtime.MigrationLock;
import microblog.migrate.runtime.VersionTable;
import microblog.migrate.schema.LiveSchemaReader;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Table;
import microblog.migrate.testmodels.Measurement;
import microblog.migrate.testmodels.NoteCard;
import microblog.migrate.testmodels.Tag;
import microblog.migrate.testmodels.Writer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same commands and the same revision files on SQLite, PostgreSQL and MariaDB. */
class CrossDatabaseMigrationTest {
    @TempDir
    Path project;

    private MigrationCommands commands(TestDatabase db, List<Class<?>> models) {
        Collection<Class<?>> fixed = List.copyOf(models);
        return new MigrationCommands(
                MigrationConfig.forUrl(project.resolve("migrations"), db::databaseUrl, () -> fixed),
                new PrintWriter(new StringWriter(), true));
    }

    static Schema schemaOf(TestDatabase db) throws SQLException {
        try (Connection c = new ConnectionFactory(db.databaseUrl()).open()) {
            return new LiveSchemaReader(
                            c,
                            DdlRenderer.forKind(db.databaseUrl().kind()).catalog(),
                            new VersionTable(
                                            "alembic_version",
                                            DdlRenderer.forKind(db.databaseUrl().kind()))
                                    .bookkeepingTables())
                    .read();
        }
    }

    private static List<String> tableNames(TestDatabase db) throws SQLException {
        return schemaOf(db).tables().stream().map(Table::name).toList();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void generateApplyAndUndoWithNoFalsePositives(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            commands(db, List.of()).init();
            commands(db, List.of(Writer.class)).migrate("writers").orElseThrow();
            commands(db, List.of(Writer.class)).upgrade(null);
            assertThat(commands(db, List.of(Writer.class)).migrate("again"))
                    .as("no changes right after upgrade")
                    .isEmpty();
            commands(db, List.of(Writer.class, NoteCard.class, Measurement.class))
                    .migrate("notes")
                    .orElseThrow();
            commands(db, List.of()).upgrade(null);
            assertThat(tableNames(db)).containsExactlyInAnyOrder("writer", "note_card", "measurement");
            assertThat(commands(db, List.of(Writer.class, NoteCard.class, Measurement.class))
                            .migrate("again"))
                    .isEmpty();

            commands(db, List.of()).downgrade("base");
            assertThat(tableNames(db)).isEmpty();

            commands(db, List.of()).stamp("head");
            assertThat(tableNames(db)).as("stamp runs no revision").isEmpty();
            StringWriter current = new StringWriter();
            new MigrationCommands(
                            MigrationConfig.forUrl(project.resolve("migrations"), db::databaseUrl, List::of),
                            new PrintWriter(current, true))
                    .current();
            assertThat(current.toString()).endsWith(" (head)\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void offlineSqlSpeaksEachDialect(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            commands(db, List.of()).init();
            commands(db, List.of(Writer.class, NoteCard.class, Measurement.class))
                    .migrate("all");
            StringWriter sql = new StringWriter();
            new MigrationCommands(
                            MigrationConfig.forUrl(project.resolve("migrations"), db::databaseUrl, List::of),
                            new PrintWriter(sql, true))
                    .upgradeSql(null);
            String expectedId =
                    switch (backend) {
                        case SQLITE -> "\"id\" INTEGER NOT NULL";
                        case POSTGRESQL -> "\"id\" INTEGER GENERATED BY DEFAULT AS IDENTITY NOT NULL";
                        case MARIADB -> "`id` INTEGER AUTO_INCREMENT NOT NULL";
                        case H2 -> "\"id\" INTEGER GENERATED BY DEFAULT AS IDENTITY NOT NULL";
                    };
            assertThat(sql.toString()).contains(expectedId).contains("alembic_version");
            assertThat(tableNames(db)).as("--sql runs nothing").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Backend.class,
            names = {"POSTGRESQL", "MARIADB", "H2"})
    void revisionsGeneratedOnSqliteApplyOnServersAndBack(Backend backend) throws Exception {
        try (TestDatabase sqlite = TestDatabases.create(Backend.SQLITE, project);
                TestDatabase server = TestDatabases.create(backend, project)) {
            commands(sqlite, List.of()).init();
            commands(sqlite, List.of(Writer.class)).migrate("on sqlite");
            commands(server, List.of()).upgrade(null);
            commands(server, List.of(Writer.class, NoteCard.class, Measurement.class))
                    .migrate("on " + backend);
            commands(sqlite, List.of()).upgrade(null);
            commands(server, List.of()).upgrade(null);
            assertThat(SchemaEquivalence.of(schemaOf(sqlite))).isEqualTo(SchemaEquivalence.of(schemaOf(server)));
            assertThat(commands(server, List.of(Writer.class, NoteCard.class, Measurement.class))
                            .migrate("x"))
                    .isEmpty();
            assertThat(commands(sqlite, List.of(Writer.class, NoteCard.class, Measurement.class))
                            .migrate("x"))
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aFailingRevisionSaysWhichStatementAndTheVersionTableTellsWhatCompleted(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            commands(db, List.of()).init();
            String first = commands(db, List.of(Writer.class))
                    .migrate("writers")
                    .orElseThrow()
                    .getFileName()
                    .toString()
                    .substring(0, 12);
            commands(db, List.of()).upgrade(null);
            Files.writeString(
                    project.resolve("migrations/versions/bad000000001_bad.yaml"),
                    """
                    revision: bad000000001
                    down_revision: %s
                    message: bad
                    upgrade:
                      - create_table: {name: half, columns: [{name: id, type: Integer, primary_key: true}]}
                      - execute: {sql: "INSERT INTO nowhere VALUES (1)"}
                    downgrade:
                      - drop_table: {name: half}
                    """
                            .formatted(first));
            assertThatThrownBy(() -> commands(db, List.of()).upgrade(null))
                    .isInstanceOfSatisfying(RevisionFailedException.class, failed -> {
                        assertThat(failed.revision()).isEqualTo("bad000000001");
                        assertThat(failed.direction()).isEqualTo(MigrationStep.Direction.UPGRADE);
                        assertThat(failed.statementNumber()).isEqualTo(2);
                        assertThat(failed.statement()).isEqualTo("INSERT INTO nowhere VALUES (1)");
                    })
                    .hasMessageContaining("revision bad000000001 (bad) failed at statement 2")
                    .hasMessageContaining("the version table still says " + first)
                    .hasMessageContaining("Statement: INSERT INTO nowhere VALUES (1)");
            StringWriter current = new StringWriter();
            new MigrationCommands(
                            MigrationConfig.forUrl(project.resolve("migrations"), db::databaseUrl, List::of),
                            new PrintWriter(current, true))
                    .current();
            assertThat(current.toString()).isEqualTo(first + "\n");
            if (backend.kind().hasTransactionalDdl()) {
                assertThat(tableNames(db)).containsExactly("writer");
                return;
            }
            assertThat(tableNames(db)).as(backend + " commits DDL at once").containsExactlyInAnyOrder("writer", "half");
            assertThatThrownBy(() -> commands(db, List.of()).upgrade(null))
                    .as("the next command sees the half-applied revision")
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("the upgrade of revision bad000000001 (bad) started %s and stopped after 1 "
                                    .formatted(startedAt(db))
                            + "statement(s); " + backend.kind().displayName() + " kept those, so the schema is "
                            + "between two revisions. Finish or undo them by hand ('db show bad000000001' lists its "
                            + "operations), then record where the database stands: 'db stamp bad000000001' if "
                            + "finished, 'db stamp " + first + "' if undone");
            assertThatThrownBy(() -> commands(db, List.of()).downgrade(null))
                    .hasMessageContaining("stopped after 1 statement(s)");
            assertThatThrownBy(() -> commands(db, List.of(Writer.class)).migrate("x"))
                    .as("nor is a revision planned on top of it")
                    .hasMessageContaining("stopped after 1 statement(s)");
            try (LogCapture log = new LogCapture()) {
                commands(db, List.of()).current();
                assertThat(log.messages())
                        .as("current says so")
                        .anyMatch(m -> m.contains("stopped after 1 statement(s)"));
            }
            try (Connection c = new ConnectionFactory(db.databaseUrl()).open()) {
                c.createStatement().execute("DROP TABLE half");
            }
            commands(db, List.of()).stamp(first);
            commands(db, List.of()).downgrade(null);
            assertThat(tableNames(db))
                    .as("recovered: the stamp cleared the record")
                    .isEmpty();
        }
    }

    private static String startedAt(TestDatabase db) throws SQLException {
        try (Connection c = new ConnectionFactory(db.databaseUrl()).open();
                var rs = c.createStatement().executeQuery("SELECT started_at FROM alembic_version_progress")) {
            assertThat(rs.next()).as("a progress row").isTrue();
            return rs.getString(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void readOnlyCommandsCreateNothing(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            commands(db, List.of()).init();
            commands(db, List.of(Writer.class)).migrate("writers");
            commands(db, List.of()).current();
            assertThatThrownBy(() -> commands(db, List.of(Writer.class)).check())
                    .isInstanceOf(MigrationException.class);
            if (backend != Backend.SQLITE) {
                try (Connection c = new ConnectionFactory(db.databaseUrl()).open()) {
                    assertThat(new VersionTable("alembic_version", DdlRenderer.forKind(backend.kind())).exists(c))
                            .isFalse();
                }
            } else {
                assertThat(db.databaseUrl().sqliteDatabaseFile().orElseThrow()).doesNotExist();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void columnsConstraintsAndForeignKeysChangeOnExistingTablesAndBack(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            commands(db, List.of()).init();
            Path versions = project.resolve("migrations/versions");
            Files.writeString(
                    versions.resolve("aaa000000001_base.yaml"),
                    """
                    revision: aaa000000001
                    down_revision: null
                    message: base
                    upgrade:
                      - create_table: {name: owner, columns: [{name: id, type: Integer, primary_key: true, autoincrement: true}]}
                      - create_table:
                          name: pet
                          columns:
                            - {name: id, type: Integer, primary_key: true, autoincrement: true}
                            - {name: owner_id, type: Integer}
                            - {name: nickname, type: String(40)}
                      - execute: {sql: "INSERT INTO owner (id) VALUES (1)"}
                      - execute: {sql: "INSERT INTO pet (id, owner_id, nickname) VALUES (7, 1, 'rex')"}
                    downgrade:
                      - drop_table: {name: pet}
                      - drop_table: {name: owner}
                    """);
            Files.writeString(
                    versions.resolve("bbb000000002_change.yaml"),
                    """
                    revision: bbb000000002
                    down_revision: aaa000000001
                    message: change
                    upgrade:
                      - add_column: {table: pet, column: {name: born, type: Date}}
                      - create_unique_constraint: {table: pet, name: uq_pet_nickname, columns: [nickname]}
                      - create_foreign_key: {table: pet, name: fk_pet_owner_id_owner, columns: [owner_id], references: owner, referred_columns: [id]}
                      - drop_column: {table: pet, name: nickname}
                    downgrade:
                      - add_column: {table: pet, column: {name: nickname, type: String(40)}}
                      - drop_foreign_key: {table: pet, name: fk_pet_owner_id_owner}
                      - drop_column: {table: pet, name: born}
                    """);
            commands(db, List.of()).upgrade("aaa000000001");
            assertThatThrownBy(() -> commands(db, List.of()).upgrade(null))
                    .isInstanceOf(DataLossException.class)
                    .hasMessage("upgrade of revision bbb000000002 (change) would drop column 'pet.nickname' holding "
                            + "1 value; nothing was changed. To accept the loss, run 'db upgrade' again with --accept-data-loss "
                            + "(in code: Migrations.builder()...acceptDataLoss())");
            assertThat(schemaOf(db).table("pet").orElseThrow().columns())
                    .as("nothing ran")
                    .extracting(c -> c.name())
                    .containsExactly("id", "owner_id", "nickname");
            commands(db, List.of()).acceptingDataLoss().upgrade(null);
            Table pet = schemaOf(db).table("pet").orElseThrow();
            assertThat(pet.columns()).extracting(c -> c.name()).containsExactly("id", "owner_id", "born");
            assertThat(pet.foreignKeys()).extracting(fk -> fk.referredTable()).containsExactly("owner");
            assertThat(pet.uniqueConstraints()).isEmpty(); // it went with its column
            try (Connection c = new ConnectionFactory(db.databaseUrl()).open();
                    var rows = c.createStatement().executeQuery("SELECT id, owner_id FROM pet")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1) + ":" + rows.getInt(2))
                        .as("rows survive")
                        .isEqualTo("7:1");
            }

            commands(db, List.of()).downgrade(null);
            pet = schemaOf(db).table("pet").orElseThrow();
            assertThat(pet.columns()).extracting(c -> c.name()).containsExactly("id", "owner_id", "nickname");
            assertThat(pet.foreignKeys()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void generatedKeysWorkForIntegerAndLongIds(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            commands(db, List.of()).init();
            commands(db, List.of(Writer.class, Tag.class)).migrate("ids");
            commands(db, List.of()).upgrade(null);
            assertThat(commands(db, List.of(Writer.class, Tag.class)).migrate("again"))
                    .isEmpty();
            try (Connection c = new ConnectionFactory(db.databaseUrl()).open();
                    var st = c.createStatement()) {
                st.execute("INSERT INTO tag (label) VALUES ('a')");
                st.execute("INSERT INTO tag (label) VALUES ('b')");
                st.execute("INSERT INTO writer (name) VALUES ('w')");
                try (var rs = st.executeQuery("SELECT max(id) FROM tag")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(2);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void concurrentUpgradesBothSucceedAndApplyEachRevisionOnce(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            commands(db, List.of()).init();
            commands(db, List.of(Writer.class)).migrate("writers");
            commands(db, List.of()).upgrade(null);
            commands(db, List.of(Writer.class, NoteCard.class, Measurement.class))
                    .migrate("notes");
            commands(db, List.of()).downgrade("base");
            for (int round = 0; round < 3; round++) {
                var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
                try {
                    var first = pool.submit(() -> commands(db, List.of()).upgrade(null));
                    var second = pool.submit(() -> commands(db, List.of()).upgrade(null));
                    first.get();
                    second.get();
                } finally {
                    pool.shutdown();
                }
                assertThat(tableNames(db)).containsExactlyInAnyOrder("writer", "note_card", "measurement");
                commands(db, List.of()).downgrade("base");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Backend.class,
            names = {"POSTGRESQL", "MARIADB"})
    void aCommandWaitingForTheLockSaysWhoHoldsItAndGivesUpInTime(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            commands(db, List.of()).init();
            commands(db, List.of(Writer.class)).migrate("writers");
            Path config = project.resolve("migrations/migrate.yaml");
            Files.writeString(config, Files.readString(config) + "lock_timeout: 1\n");
            try (Connection other = new ConnectionFactory(db.databaseUrl()).open();
                    MigrationLock held = MigrationLock.acquire(
                            other, DdlRenderer.forKind(backend.kind()), Duration.ZERO, "alembic_version");
                    LogCapture log = new LogCapture()) {
                assertThatThrownBy(() -> commands(db, List.of()).upgrade(null))
                        .isInstanceOf(MigrationException.class)
                        .hasMessageMatching(
                                backend == Backend.POSTGRESQL
                                        ? "session \\d+ \\(from .*, connected since .*\\) has held the migration lock for "
                                                + "longer than 1 s \\(lock_timeout in migrate.yaml\\); try again when it is done, or, "
                                                + "if that process is gone, free its lock with: SELECT pg_terminate_backend\\(\\d+\\)"
                                        : "connection \\d+ \\(root from .*\\) has held the migration lock for longer than 1 s "
                                                + "\\(lock_timeout in migrate.yaml\\); try again when it is done, or, if that process "
                                                + "is gone, free its lock with: KILL \\d+");
                assertThat(log.messages()).anyMatch(m -> m.startsWith("Waiting for the migration lock, held by "));
                try (Connection third = new ConnectionFactory(db.databaseUrl()).open();
                        MigrationLock unrelated = MigrationLock.acquire(
                                third, DdlRenderer.forKind(backend.kind()), Duration.ZERO, "other_app_version")) {
                    // taken at once: another version table on the same database has a lock of its own
                }
            }
            commands(db, List.of()).upgrade(null); // released: the next one goes through
            assertThat(tableNames(db)).containsExactly("writer");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRevisionEditedAfterItRanIsRefusedUntilRepairAcceptsIt(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            commands(db, List.of()).init();
            Path file = commands(db, List.of(Writer.class)).migrate("writers").orElseThrow();
            String id = file.getFileName().toString().substring(0, 12);
            commands(db, List.of()).upgrade(null);
            try (Connection c = new ConnectionFactory(db.databaseUrl()).open();
                    var rs = c.createStatement()
                            .executeQuery(
                                    "SELECT checksum, applied_at, duration_ms FROM " + "alembic_version_applied")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).hasSize(64);
                assertThat(rs.getString(2)).startsWith("20");
                assertThat(rs.getLong(3)).isNotNegative();
            }
            String text = Files.readString(file);
            Files.writeString(file, "# a reviewer's note\n" + text.replace("  - create_table:", "\n  - create_table:"));
            assertThat(commands(db, List.of(Writer.class)).migrate("again"))
                    .as("comments and spacing are no edit")
                    .isEmpty();

            Files.writeString(file, text.replace("String(64)", "String(65)"));
            for (Runnable command : List.<Runnable>of(
                    () -> commands(db, List.of()).downgrade(null),
                    () -> commands(db, List.of()).upgrade(null),
                    () -> commands(db, List.of(Writer.class)).check())) {
                assertThatThrownBy(command::run)
                        .isInstanceOf(MigrationException.class)
                        .hasMessageStartingWith(
                                "revision " + id + " (writers) was edited after it was applied to this " + "database (")
                        .hasMessageEndingWith("record it with 'db repair'");
            }
            assertThatThrownBy(() -> commands(db, List.of()).repair())
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith("the database is not what the revisions, as they are now, describe (")
                    .hasMessageContaining("writer.name")
                    .hasMessageContaining("nothing was recorded");
            // An edit the schema already agrees with: a statement that changes no table.
            Files.writeString(
                    file,
                    text.replace("downgrade:", "  - execute: {sql: UPDATE writer SET name = name}\n" + "downgrade:"));
            assertThatThrownBy(() -> commands(db, List.of()).upgrade(null)).hasMessageContaining("was edited");
            commands(db, List.of()).repair();
            commands(db, List.of()).downgrade(null);
            assertThat(tableNames(db)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTagIsRecordedWithEachRevisionEvenInARecordMadeBeforeTags(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            commands(db, List.of()).init();
            commands(db, List.of(Writer.class)).migrate("writers").orElseThrow();
            try (Connection c = new ConnectionFactory(db.databaseUrl()).open();
                    Statement st = c.createStatement()) {
                // the record as the previous release created it, without the tag column
                st.execute("CREATE TABLE alembic_version_applied (revision VARCHAR(32) NOT NULL PRIMARY KEY, "
                        + "checksum VARCHAR(64) NOT NULL, applied_at VARCHAR(32) NOT NULL, duration_ms BIGINT)");
            }
            commands(db, List.of()).tagged("release 1.4").upgrade(null);
            StringWriter verbose = new StringWriter();
            new MigrationCommands(
                            MigrationConfig.forUrl(project.resolve("migrations"), db::databaseUrl, List::of),
                            new PrintWriter(verbose, true))
                    .current(true);
            assertThat(verbose.toString()).containsPattern("    Applied: 20\\d\\d-.*, in \\d+ ms, tag release 1.4\n");

            commands(db, List.of()).downgrade("base");
            commands(db, List.of()).tagged("it's 2").stamp("head");
            try (Connection c = new ConnectionFactory(db.databaseUrl()).open();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT tag, duration_ms FROM alembic_version_applied")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("it's 2");
                assertThat(rs.getObject(2)).as("stamped, not run").isNull();
            }
        }
    }

    /** What must be equal across databases: tables, columns, types, nullability, keys, indexes. */
    record SchemaEquivalence(List<String> tables) {
        static SchemaEquivalence of(Schema schema) {
            List<String> lines = new ArrayList<>();
            for (Table t : schema.tables()) {
                t.columns()
                        .forEach(c ->
                                lines.add(t.name() + "." + c.name() + " " + c.type() + (c.nullable() ? "" : " NOT NULL")
                                        + (c.primaryKey() ? " PK" : "") + (c.autoincrement() ? " AUTO" : "")));
                t.uniqueConstraints().forEach(u -> lines.add(t.name() + " UNIQUE " + u.columns()));
                t.indexes()
                        .forEach(i -> lines.add(
                                t.name() + (i.unique() ? " UNIQUE " : " INDEX " + i.name() + " ") + i.columns()));
                t.foreignKeys()
                        .forEach(fk -> lines.add(t.name() + " FK " + fk.name() + " " + fk.columns() + " -> "
                                + fk.referredTable() + fk.referredColumns()));
            }
            lines.sort(String::compareTo);
            return new SchemaEquivalence(lines);
        }
    }
}
