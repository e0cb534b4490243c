package microblog.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.db.url.DatabaseUrl;
import microblog.migrate.script.Revision;
import microblog.migrate.testmodels.evolution.MembersV1;
import microblog.migrate.testmodels.evolution.MembersV2;
import microblog.migrate.testmodels.evolution.MembersV3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Migrations#testRevisions}: every revision up, down and up on a scratch database, the real one untouched. */
class RevisionRoundTripTest {
    @TempDir
    Path project;

    private Migrations migrations(TestDatabase db, List<Class<?>> models) {
        return TestMigrations.builder(project, db, models).build();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void generatedRevisionsPassAndTheConfiguredDatabaseIsUntouched(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            TestMigrations.init(project);
            for (List<Class<?>> models : List.of(MembersV1.MODELS, MembersV2.MODELS, MembersV3.MODELS)) {
                migrations(db, models).generate("step").orElseThrow();
                migrations(db, List.of()).upgrade("head");
            }
            TestMigrations.builder(project, db, List.of())
                    .acceptDataLoss()
                    .build()
                    .downgrade("base");
            List<String> heard = new ArrayList<>();

            RevisionTestResult result = migrations(db, MembersV3.MODELS).testRevisions(new RevisionTestListener() {
                @Override
                public void started(DatabaseUrl scratch, int revisions) {
                    heard.add("started " + scratch.kind() + " " + revisions);
                }

                @Override
                public void passed(Revision revision) {
                    heard.add("passed " + revision.id());
                }
            });

            List<Revision> history = migrations(db, List.of()).history();
            assertThat(result.revisions())
                    .as("oldest first")
                    .containsExactly(history.get(2), history.get(1), history.get(0));
            assertThat(result.matchesEntities()).isTrue();
            assertThat(result.scratch().kind()).isEqualTo(backend.kind());
            assertThat(result.scratch()).isNotEqualTo(db.databaseUrl());
            assertThat(heard)
                    .containsExactly(
                            "started " + backend.kind() + " 3",
                            "passed " + history.get(2).id(),
                            "passed " + history.get(1).id(),
                            "passed " + history.get(0).id());
            assertThat(LiveSchemas.schemaOf(db).tables())
                    .as("the configured database")
                    .isEmpty();
            assertThatThrownBy(() -> migrations(db, MembersV2.MODELS).testRevisions())
                    .as("models ahead of or behind the revisions")
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("at head the schema differs from the models");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aDowngradeThatLeavesSomethingBehindIsNamed(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            String base = membersRevision(db);
            Files.writeString(
                    project.resolve("migrations/versions/fff000000001_sloppy.yaml"),
                    """
                    revision: fff000000001
                    down_revision: %s
                    message: sloppy
                    upgrade:
                      - add_column: {table: member, column: {name: karma, type: Integer}}
                      - add_column: {table: member, column: {name: motto, type: String(40)}}
                    downgrade:
                      - drop_column: {table: member, name: karma}
                    """
                            .formatted(base));
            assertThatThrownBy(() -> migrations(db, List.of()).testRevisions())
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith(
                            "db test, on the scratch database (" + db.databaseUrl() + " was not touched): ")
                    .hasMessageEndingWith(
                            "after the downgrade of revision fff000000001 (sloppy), the database differs from "
                                    + "what the revisions describe: Detected removed column 'member.motto'");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aDowngradeToAnotherShapeThanTheOneBeforeIsNamed(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            String base = membersRevision(db);
            Files.writeString(
                    project.resolve("migrations/versions/fff000000002_longer.yaml"),
                    """
                    revision: fff000000002
                    down_revision: %s
                    message: longer
                    upgrade:
                      - alter_column: {table: member, name: username, from: {type: String(60)}, to: {type: String(80)}}
                    downgrade:
                      - alter_column: {table: member, name: username, from: {type: String(80)}, to: {type: String(60)}}
                    """
                            .formatted(base));
            assertThatThrownBy(() -> migrations(db, List.of()).testRevisions())
                    .isInstanceOf(MigrationException.class)
                    .hasMessageEndingWith(
                            "after the downgrade of revision fff000000002 (longer), the database differs from "
                                    + "what the revisions describe: Detected type change from String(60) to String(64) on "
                                    + "'member.username'");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = "SQLITE")
    void excludedTablesAreLeftOutAtHeadAsAutogenerateLeavesThemOut(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            membersRevision(db);
            assertThatThrownBy(() ->
                            migrations(db, List.of(MembersV1.Member.class)).testRevisions())
                    .hasMessageContaining("Detected removed table 'note'");
            Path config = project.resolve("migrations/migrate.yaml");
            Files.writeString(config, Files.readString(config) + "exclude_tables: [note]\n");
            assertThat(migrations(db, List.of(MembersV1.Member.class))
                            .testRevisions()
                            .matchesEntities())
                    .isTrue();
        }
    }

    @Test
    void withoutEntitiesTheRevisionsAreTriedAndTheModelsNotCompared() throws Exception {
        try (TestDatabase db = TestDatabases.create(Backend.SQLITE, project)) {
            membersRevision(db);
            RevisionTestResult result = migrations(db, List.of()).testRevisions();
            assertThat(result.revisions()).hasSize(1);
            assertThat(result.matchesEntities()).isFalse();
            assertThat(result.scratch().sqliteDatabaseFile().orElseThrow())
                    .as("dropped afterwards")
                    .doesNotExist();
        }
    }

    @Test
    void aDatabaseGivenAsADataSourceIsRefusedForWantOfAUrlToMakeTheScratchOneBeside() throws Exception {
        try (TestDatabase db = TestDatabases.create(Backend.SQLITE, project);
                HikariDataSource pool = new HikariDataSource()) {
            membersRevision(db);
            pool.setJdbcUrl(db.databaseUrl().jdbcUrl());
            assertThatThrownBy(() -> Migrations.builder()
                            .directory(project.resolve("migrations"))
                            .dataSource(pool)
                            .build()
                            .testRevisions())
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("db test makes a scratch database beside the configured one, so it needs a database "
                            + "URL, not a DataSource");
        }
    }

    /** The repository, with one revision for MembersV1's tables (members and notes); its id. */
    private String membersRevision(TestDatabase db) {
        TestMigrations.init(project);
        return migrations(db, MembersV1.MODELS)
                .generate("members")
                .orElseThrow()
                .id();
    }
}
