package microblog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import microblog.cli.command.MigrationCommands;
import microblog.db.Database;
import microblog.db.jdbc.DatabaseConnectionException;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MicroblogTest {
    @TempDir
    Path base;

    private static int pending(Microblog app) {
        return new MigrationCommands(app.migrationConfig(), new PrintWriter(Writer.nullWriter()))
                .pending()
                .size();
    }

    @Test
    void theEmbeddedDatabaseIsBroughtUpToDateAtStartUp() throws Exception {
        TestProject.copyMigrations(base);
        try (Microblog app = new Microblog(Config.load(base, Map.of()))) {
            assertThat(pending(app)).isEqualTo(2);
            app.prepareDatabase();
            assertThat(pending(app)).isZero();
            assertThat(base.resolve("app.db")).exists();
        }
    }

    @Test
    void anInMemoryDatabaseIsMigratedAndUsedAsOne() throws Exception {
        TestProject.copyMigrations(base);
        try (Microblog app = new Microblog(Config.load(base, Map.of("DATABASE_URL", "sqlite://")))) {
            app.prepareDatabase();
            assertThat(pending(app)).isZero();
            app.db().session().add(new microblog.app.models.User("john", "john@example.com"));
            app.db().session().commit();
            assertThat(microblog.app.models.User.query().count()).isEqualTo(1);
        }
    }

    @Test
    void aDatabaseOpenedInTheBackgroundIsMigratedMeanwhileAndSharedByEveryCaller() throws Exception {
        TestProject.copyMigrations(base);
        try (Microblog app = new Microblog(Config.load(base, Map.of()))) {
            app.openDatabaseInBackground();
            app.prepareDatabase();
            assertThat(pending(app)).isZero();
            CompletableFuture<Database> elsewhere = CompletableFuture.supplyAsync(app::db);
            assertThat(app.db()).isSameAs(elsewhere.get());
            assertThat(microblog.app.models.User.query().count()).isZero();
        }
    }

    @Test
    void aDatabaseThatCannotBeOpenedInTheBackgroundFailsWhoeverNeedsIt() {
        try (Microblog app =
                new Microblog(Config.load(base, Map.of("DATABASE_URL", "sqlite:////nonexistent/dir/app.db")))) {
            app.openDatabaseInBackground();
            assertThatThrownBy(app::db)
                    .isInstanceOf(DatabaseConnectionException.class)
                    .hasMessageContaining("/nonexistent/dir/app.db");
            assertThatThrownBy(app::db)
                    .as("and again: it is not opened a second time")
                    .isInstanceOf(DatabaseConnectionException.class);
        } // and closing it says nothing more
    }

    @Test
    void aServerDatabaseIsNeverMigratedBehindTheUsersBack() throws Exception {
        TestProject.copyMigrations(base);
        try (TestDatabase database = TestDatabases.create(Backend.POSTGRESQL, base);
                Microblog app = new Microblog(Config.load(base, Map.of("DATABASE_URL", database.url())))) {
            app.prepareDatabase();
            assertThat(pending(app)).isEqualTo(2);
        }
    }

    @Test
    void describesItselfAsTheShellShowsIt() {
        assertThat(new Microblog(Config.load(base, Map.of()))).hasToString("<Microblog 'microblog'>");
    }
}
