package microblog.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.jdbc.DatabaseConnectionException;
import microblog.db.testmodels.Author;
import microblog.db.testmodels.BlogEntry;
import microblog.db.testmodels.SqliteBlog;
import microblog.db.url.DatabaseUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    private DatabaseUrl url;
    private Database db;

    @BeforeEach
    void createSchemaAndOpen() throws Exception {
        url = DatabaseUrl.parse("sqlite:///blog.db", dir);
        db = SqliteBlog.open(url);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void readingHoldsNoTransactionSoAnIdleSessionBlocksNoWriter() throws Exception {
        db.session().add(new Author("john"));
        db.session().commit();
        assertThat(Author.query().all()).hasSize(1);
        assertThat(db.session().unwrap().getTransaction().isActive())
                .as("after a read")
                .isFalse();
        try (Connection other = new ConnectionFactory(url).open();
                Statement st = other.createStatement()) {
            st.execute("INSERT INTO author (name) VALUES ('susan')");
        }
        assertThat(Author.query().count())
                .as("the session sees the other write at once")
                .isEqualTo(2);
        try (Connection c = new ConnectionFactory(url).open();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.next() && rs.getString(1).equals("wal"))
                    .as("write-ahead log")
                    .isTrue();
        }
    }

    @Test
    void aWriteThatWaitsTooLongForTheLockIsReportedPlainly() throws Exception {
        DatabaseUrl impatient = DatabaseUrl.parse("jdbc:sqlite:" + dir.resolve("blog.db") + "?busy_timeout=200", dir);
        try (Database other = Database.open(impatient, List.of(Author.class, BlogEntry.class));
                Connection holder = new ConnectionFactory(url).open();
                Statement st = holder.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            assertThatThrownBy(() -> other.session().add(new Author("waits")))
                    .isInstanceOf(DatabaseBusyException.class)
                    .hasMessageStartingWith("another transaction held the lock for too long; nothing was written");
            st.execute("ROLLBACK");
        }
    }

    @Test
    void changesToADetachedObjectAfterAddingItBackAreCommitted() {
        db.session().add(new Author("john"));
        db.session().commit();
        Author john = Author.query().get(1);
        db.session().close(); // john is detached now, as after a request ends
        db.session().add(john);
        john.setName("johnny"); // changed after add(), on the object the caller holds
        db.session().commit();
        db.session().close();
        assertThat(Author.query().get(1).getName()).isEqualTo("johnny");
    }

    @Test
    void addCommitAndQueryBack() {
        db.session().add(new Author("john"));
        db.session().add(new Author("susan"));
        db.session().commit();

        assertThat(Author.query().all()).extracting(Author::getName).containsExactly("john", "susan");
        assertThat(Author.query().get(1)).hasToString("<Author john>");
        assertThat(Author.query().get(99)).isNull();
        assertThat(Author.query().orderBy(Sort.desc("name")).all()).hasToString("[<Author susan>, <Author john>]");
        assertThat(Author.query().filterBy("name", "susan").one().getId()).isEqualTo(2);
        assertThat(Author.query().count()).isEqualTo(2);
        assertThat(Author.query().orderBy(Sort.asc("name")).first()).hasToString("<Author john>");
    }

    @Test
    void oneToManyIsAQueryThatCanBeRefined() {
        Author john = new Author("john");
        db.session().add(john);
        db.session().add(new Author("susan"));
        db.session().add(new BlogEntry("first", LocalDateTime.of(2020, 1, 1, 0, 0), john));
        db.session().add(new BlogEntry("second", LocalDateTime.of(2021, 1, 1, 0, 0), john));
        db.session().commit();

        assertThat(john.entries().orderBy(Sort.desc("writtenAt")).all())
                .extracting(BlogEntry::getTitle)
                .containsExactly("second", "first");
        assertThat(john.entries().filterBy("title", "first").count()).isEqualTo(1);
        assertThat(Author.query().get(2).entries().all()).isEmpty();
        db.session().rollback(); // detach everything: the author must load through the lazy reference
        BlogEntry loaded = db.query(BlogEntry.class).filterBy("title", "first").one();
        assertThat(loaded.getAuthor().getName()).isEqualTo("john");
    }

    @Test
    void withLoadsTheAssociationInTheSameQuery() {
        Author john = new Author("john");
        db.session().add(john);
        db.session().add(new BlogEntry("hello", LocalDateTime.now(), john));
        db.session().commit();
        db.session().rollback(); // nothing cached: what is loaded comes from the query

        BlogEntry eager = db.query(BlogEntry.class).with("author").one();
        assertThat(org.hibernate.Hibernate.isInitialized(eager.getAuthor())).isTrue();
        db.session().rollback();
        BlogEntry lazy = db.query(BlogEntry.class).one();
        assertThat(org.hibernate.Hibernate.isInitialized(lazy.getAuthor())).isFalse();
        assertThatThrownBy(() -> db.query(BlogEntry.class).with("title").all()).hasMessageContaining("title");
    }

    @Test
    void aDetachedQueryReadsWhatItFetchesAndNeverSavesChanges() {
        Author john = new Author("john");
        db.session().add(john);
        db.session().add(new BlogEntry("hello", LocalDateTime.of(2026, 11, 26, 0, 30), john));
        db.session().commit();
        db.session().close();

        List<BlogEntry> entries =
                db.query(BlogEntry.class).with("author").detached().all();
        assertThat(entries).extracting(e -> e.getAuthor().getName()).containsExactly("john");
        Author detached = db.query(Author.class).detached().get(john.getId());
        detached.setName("changed");
        db.session().commit();
        assertThat(db.query(Author.class).get(john.getId()).getName())
                .as("a detached object is not the session's")
                .isEqualTo("john");
        assertThat(db.session().unwrap().contains(detached)).isFalse();
    }

    @Test
    void rollbackDiscardsPendingChanges() {
        db.session().add(new Author("ghost"));
        db.session().rollback();
        assertThat(Author.query().all()).isEmpty();
    }

    @Test
    void uniqueViolationIsAClearErrorAndTheSessionStaysUsable() {
        db.session().add(new Author("john"));
        db.session().commit();
        assertThatThrownBy(() -> {
                    db.session().add(new Author("john")); // generated ids make Hibernate insert right away
                    db.session().commit();
                })
                .isInstanceOf(IntegrityViolationException.class)
                .hasMessageContaining("rolled back")
                .hasMessageContaining("UNIQUE");
        db.session().add(new Author("susan"));
        db.session().commit();
        assertThat(Author.query().all()).extracting(Author::getName).containsExactly("john", "susan");
    }

    @Test
    void deletingParentsBeforeChildrenInOneCommitStillWorks() {
        Author john = new Author("john");
        db.session().add(john);
        db.session().add(new BlogEntry("hello", LocalDateTime.now(), john));
        db.session().commit();

        for (Author a : Author.query().all()) {
            db.session().delete(a);
        }
        for (BlogEntry e : db.query(BlogEntry.class).all()) {
            db.session().delete(e);
        }
        db.session().commit();
        assertThat(Author.query().count()).isZero();
        assertThat(db.query(BlogEntry.class).count()).isZero();
    }

    @Test
    void deletingAParentStillReferencedIsRefusedByTheForeignKey() {
        Author john = new Author("john");
        db.session().add(john);
        db.session().add(new BlogEntry("hello", LocalDateTime.now(), john));
        db.session().commit();
        db.session().delete(john);
        assertThatThrownBy(() -> db.session().commit())
                .isInstanceOf(IntegrityViolationException.class)
                .hasMessageContaining("BlogEntry.author refers to a Author that is deleted");
        assertThat(Author.query().count()).isEqualTo(1);
    }

    @Test
    void timestampsAreStoredAsIsoTextWithMicroseconds() throws Exception {
        Author john = new Author("john");
        db.session().add(john);
        LocalDateTime written = LocalDateTime.of(2017, 12, 26, 5, 5, 5, 654_321_000);
        db.session().add(new BlogEntry("t", written, john));
        db.session().commit();
        try (Connection c = DriverManager.getConnection(url.jdbcUrl());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT written_at, typeof(written_at) FROM blog_entry")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("2017-12-26 05:05:05.654321");
            assertThat(rs.getString(2)).isEqualTo("text");
        }
        db.session().rollback();
        assertThat(db.query(BlogEntry.class).one().getWrittenAt()).isEqualTo(written);
    }

    @Test
    void unknownAttributeIsNamed() {
        assertThatThrownBy(() -> Author.query().orderBy(Sort.desc("nmae")).all())
                .hasMessageContaining("Author has no attribute 'nmae'");
    }

    @Test
    void describesItselfWithItsUrl() {
        assertThat(db).hasToString("<Database engine=sqlite:///" + dir.resolve("blog.db") + ">");
        assertThat(Database.current()).isSameAs(db);
    }

    @Test
    void onlyTheDatabaseMadeDefaultServesModelShortcuts() {
        try (Database other = Database.open(url, List.of(Author.class, BlogEntry.class))) {
            assertThat(Database.current()).isSameAs(db); // opening another changes nothing
        }
        db.close();
        assertThatThrownBy(Author::query)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no default database: open one and call asDefault() on it");
    }

    @Test
    void processScopeSharesOneSessionAcrossThreads() throws Exception {
        db.close();
        db = Database.open(url, List.of(Author.class, BlogEntry.class), SessionScope.PROCESS)
                .asDefault();
        DbSession[] seen = new DbSession[1];
        Thread other = new Thread(() -> seen[0] = db.session());
        other.start();
        other.join();
        assertThat(seen[0]).isSameAs(db.session());
    }

    @Test
    void unreachableServerIsOneClearLine() {
        DatabaseUrl nowhere = DatabaseUrl.parse("postgresql://127.0.0.1:1/none", dir);
        assertThatThrownBy(() -> new ConnectionFactory(nowhere).open())
                .isInstanceOf(DatabaseConnectionException.class)
                .hasMessageStartingWith("cannot reach PostgreSQL at postgresql://127.0.0.1:1/none");
    }
}
