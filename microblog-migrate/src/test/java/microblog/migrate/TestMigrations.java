package microblog.migrate;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import microblog.db.testing.TestDatabase;

/** The migrations the tests run: a project's repository, {@code project/migrations}, on a test database. */
final class TestMigrations {
    private TestMigrations() {}

    /** The migrations of {@code project} on {@code db}, comparing {@code models}, to finish building. */
    static Migrations.Builder builder(Path project, TestDatabase db, Collection<Class<?>> models) {
        return Migrations.builder()
                .directory(project.resolve("migrations"))
                .database(TargetDatabase.of(db.databaseUrl()))
                .entities(List.copyOf(models));
    }

    /** Creates the project's repository, as {@code db init} does. */
    static void init(Path project) {
        Migrations.createRepository(project.resolve("migrations"));
    }
}
