package microblog.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import microblog.db.Database;
import microblog.db.Sort;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.migrate.testmodels.Ranking;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A table and columns named by words some database reserves: migrated, then written and read through Hibernate. */
class ReservedWordMigrationTest {
    @TempDir
    Path project;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void namesAnyDatabaseReservesWorkOnEveryDatabase(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            TestMigrations.init(project);
            Migrations migrations =
                    TestMigrations.builder(project, db, List.of(Ranking.class)).build();
            migrations.generate("rankings").orElseThrow();
            migrations.upgrade("head");
            assertThat(migrations.check().upToDate()).isTrue();
            try (Database orm = Database.open(db.databaseUrl(), List.of(Ranking.class))) {
                orm.session().addAll(List.of(new Ranking("first", 1), new Ranking("second", 2)));
                orm.session().commit();
                assertThat(orm.query(Ranking.class).orderBy(Sort.desc("rank")).all())
                        .extracting(r -> r.desc + "/" + r.key + "/" + r.limit)
                        .containsExactly("second/SECOND/20", "first/FIRST/10");
            }
            assertThat(TestSql.rows(db, "SELECT COUNT(*) FROM " + quoted(backend, "index")))
                    .containsExactly("2");
        }
    }

    private static String quoted(Backend backend, String name) {
        return backend == Backend.MARIADB ? "`" + name + "`" : "\"" + name + "\"";
    }
}
