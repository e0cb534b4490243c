package example.notes;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
import microblog.db.Database;
import microblog.db.DbSession;
import microblog.db.SessionScope;
import microblog.db.Sort;
import microblog.migrate.MigrationResult;
import microblog.migrate.Migrations;

/**
 * A small application on the two libraries, as any Jakarta Persistence
 * application would use them: it owns its connection pool, ships its
 * revisions inside its jar (under {@code db/migrations}), and brings the
 * database up to date as it starts.
 */
public final class NotesApp implements AutoCloseable {
    public static final List<Class<?>> ENTITIES = List.of(Notebook.class, Note.class);
    private static final System.Logger log = System.getLogger(NotesApp.class.getName());

    private final Database db;

    private NotesApp(Database db) {
        this.db = db;
    }

    /** Applies the packaged revisions the database lacks, then maps the entities over the same pool. */
    public static NotesApp start(DataSource dataSource) {
        MigrationResult result = migrations(dataSource).upgrade();
        result.steps().forEach(step -> log.log(System.Logger.Level.INFO, "Applied {0}", step));
        return new NotesApp(Database.open(dataSource, ENTITIES, SessionScope.THREAD));
    }

    /** The migrations of this application: its revisions on the class path, its entities for {@code check()}. */
    public static Migrations migrations(DataSource dataSource) {
        return Migrations.builder()
                .dataSource(dataSource)
                .classpath("db/migrations")
                .entities(ENTITIES)
                .build();
    }

    /** Adds a note to the notebook titled {@code title}, making the notebook if there is none. */
    public Note write(String title, String text) {
        DbSession session = db.session();
        Notebook notebook =
                session.query(Notebook.class).filterBy("title", title).first();
        if (notebook == null) {
            notebook = new Notebook(title);
            session.add(notebook);
        }
        Note note = new Note(notebook, text);
        session.add(note);
        session.commit();
        return note;
    }

    /** The notes of the notebook titled {@code title}, oldest first. */
    public List<Note> notesIn(String title) {
        Notebook notebook =
                db.session().query(Notebook.class).filterBy("title", title).first();
        return notebook == null
                ? List.of()
                : db.session()
                        .query(Note.class)
                        .filterBy("notebook", notebook)
                        .orderBy(Sort.asc("id"))
                        .all();
    }

    @Override
    public void close() {
        db.close();
    }

    /** {@code java example.notes.NotesApp notes.db "first note"}: writes a note and lists the notebook. */
    public static void main(String[] args) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + (args.length > 0 ? args[0] : "notes.db"));
        try (HikariDataSource pool = new HikariDataSource(config);
                NotesApp app = start(pool)) {
            if (args.length > 1) {
                app.write("inbox", args[1]);
            }
            app.notesIn("inbox").forEach(System.out::println);
        }
    }
}
