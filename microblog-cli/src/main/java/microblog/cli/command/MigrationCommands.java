package microblog.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import microblog.db.url.DatabaseUrl;
import microblog.migrate.MigrationException;
import microblog.migrate.MigrationResult;
import microblog.migrate.Migrations;
import microblog.migrate.RevisionTestListener;
import microblog.migrate.RevisionTestResult;
import microblog.migrate.autogenerate.Changes;
import microblog.migrate.engine.NewRevision;
import microblog.migrate.engine.RevisionAuthor;
import microblog.migrate.engine.RevisionTargets;
import microblog.migrate.runtime.DataLossPolicy;
import microblog.migrate.script.Revision;
import microblog.migrate.script.RevisionFile;
import microblog.migrate.script.ScriptDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migration commands, one method each, as Flask-Migrate's {@code flask db}
 * has them. Results go to {@code out}; progress is logged.
 *
 * <p>Only {@link #migrate}, {@link #check}, {@link #test} and {@link #diagram} read the
 * models, and so boot Hibernate; every other command uses plain JDBC and starts fast.
 * {@link #current}, {@link #history}, {@link #heads}, {@link #show},
 * {@link #migrate} and {@link #check} never write to the database.
 */
public final class MigrationCommands {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private final MigrationConfig config;
    private final PrintWriter out;
    private final DataLossPolicy dataLoss;
    private final String tag;

    public MigrationCommands(MigrationConfig config, PrintWriter out) {
        this(config, out, DataLossPolicy.REFUSE, null);
    }

    private MigrationCommands(MigrationConfig config, PrintWriter out, DataLossPolicy dataLoss, String tag) {
        this.config = config;
        this.out = out;
        this.dataLoss = dataLoss;
        this.tag = tag;
    }

    /**
     * These commands, allowed to run revisions that drop tables or columns
     * holding data, narrow a column, or make one NOT NULL over NULLs. Without
     * it, {@link #upgrade} and {@link #downgrade} refuse such a revision on a
     * database where it would destroy something, before running any of it.
     */
    public MigrationCommands acceptingDataLoss() {
        return new MigrationCommands(config, out, DataLossPolicy.ACCEPT, tag);
    }

    /**
     * These commands, recording {@code tag} (a release name, a ticket) with each revision that
     * {@link #upgrade} applies or {@link #stamp} records, shown by {@code current -v} and
     * {@code history -v}; every command that runs revisions names it in its log.
     */
    public MigrationCommands tagged(String tag) {
        Migrations.builder().tag(tag); // refuses an empty or overlong tag now, before any work
        return new MigrationCommands(config, out, dataLoss, tag);
    }

    /** The engine these commands print the results of. */
    private Migrations migrations() {
        Migrations.Builder builder = Migrations.builder()
                .directory(config.directory())
                .database(config.database())
                .entities(config.entityClasses())
                .tag(tag);
        if (dataLoss == DataLossPolicy.ACCEPT) {
            builder.acceptDataLoss();
        }
        return builder.build();
    }

    // ---- repository ----

    /** Creates the migrations repository; refuses to touch an existing one. */
    public void init() {
        Path dir;
        try {
            dir = Migrations.createRepository(
                    initDirectory(), (step, path) -> out.println(step + " " + path + " ... done"));
        } catch (MigrationException e) {
            throw e.getCause() instanceof FileSystemException cause ? whyNotCreated(cause) : e;
        }
        out.println("Please keep " + dir + " in version control: it is part of your project now.");
    }

    /**
     * Where {@code init} makes the repository: the configured directory, or, where the revisions in
     * use are those packaged in the application's jar, {@code migrations} in the working directory,
     * as Flask-Migrate's default.
     */
    private Path initDirectory() {
        Path configured = config.directory();
        return configured.getFileSystem().equals(FileSystems.getDefault())
                ? configured
                : Path.of("migrations").toAbsolutePath();
    }

    /** "cannot create DIR: the reason the file system gave", where Java's message may be the path alone. */
    private MigrationException whyNotCreated(FileSystemException e) {
        Path dir = initDirectory().toAbsolutePath().normalize();
        String reason = e.getReason() != null
                ? e.getReason()
                : e instanceof NoSuchFileException
                        ? "No such file or directory"
                        : e instanceof AccessDeniedException
                                ? "Permission denied"
                                : e instanceof NotDirectoryException
                                        ? "Not a directory"
                                        : e instanceof FileAlreadyExistsException ? "File exists" : e.toString();
        String where = e.getFile() == null || Path.of(e.getFile()).equals(dir) ? "" : " (at " + e.getFile() + ")";
        return new MigrationException(
                "cannot create " + dir + ": " + reason + where + "; choose another directory (-d DIR)", e);
    }

    // ---- autogenerate ----

    /** Writes a revision with the operations that bring the database to the models; changes nothing else. */
    public Optional<Path> migrate(String message) {
        return migrate(NewRevision.withMessage(message));
    }

    /** The same, with the revision id given ({@code --rev-id}), or a random one if null. */
    public Optional<Path> migrate(String message, String revId) {
        return migrate(NewRevision.withMessage(message).withRevId(revId));
    }

    /**
     * The same, as {@code revision} describes it; built on {@code revision.head()} when given, where
     * the database must stand, or else on all heads.
     */
    public Optional<Path> migrate(NewRevision revision) {
        return new RevisionAuthor(migrations()).autogenerate(revision).map(this::generated);
    }

    /**
     * Writes an empty revision to fill in by hand ({@code db revision}), on top
     * of the one head, or of {@code head} when given.
     */
    public Path revision(String message, String head, String revId) {
        return revision(message, head, false, revId);
    }

    /**
     * The same; building on a revision that is not a head starts a new branch,
     * which {@code splice} must confirm, as Alembic asks.
     */
    public Path revision(String message, String head, boolean splice, String revId) {
        return revision(NewRevision.withMessage(message).withRevId(revId).on(head, splice));
    }

    /** The same, as {@code revision} describes it. */
    public Path revision(NewRevision revision) {
        return generated(new RevisionAuthor(migrations()).empty(revision));
    }

    /** Writes a revision that joins {@code revisions} (or all heads) into one, with no operations of its own. */
    public Path merge(List<String> revisions, String message, String revId) {
        return merge(revisions, NewRevision.withMessage(message).withRevId(revId));
    }

    /** The same, the merge as {@code merge} describes it (its head is not used: the revisions are its parents). */
    public Path merge(List<String> revisions, NewRevision merge) {
        return generated(new RevisionAuthor(migrations()).merge(revisions, merge));
    }

    /** Fails if the models hold changes that no revision has yet. */
    public void check() {
        // As migrate logs them: the findings, and warnings such as a likely rename the models did not declare.
        Changes changes = new RevisionAuthor(migrations()).check();
        if (!changes.isEmpty()) {
            throw new MigrationException("New upgrade operations detected: "
                    + changes.upgrade().stream().map(op -> op.describe()).toList());
        }
        out.println("No new upgrade operations detected.");
    }

    /**
     * Draws the models' tables (or, with {@code live}, the database's): Mermaid text on the output,
     * or, given {@code svgFile}, an SVG picture there.
     */
    public void diagram(boolean live, Path svgFile) {
        new SchemaDiagrams(migrations(), out).draw(live, svgFile);
    }

    // ---- applying ----

    /** Applies revisions up to {@code target} ({@code head} if null). */
    public MigrationResult upgrade(String target) {
        return migrations().upgrade(target == null ? "head" : target);
    }

    /** Prints the SQL an upgrade over {@code range} ({@code [FROM:]TO}, {@code head} if null) would run. */
    public void upgradeSql(String range) {
        out.print(migrations().upgradeSql(range == null ? "head" : range));
        out.flush();
    }

    /** Undoes revisions down to {@code target} ({@code -1} if null). */
    public MigrationResult downgrade(String target) {
        return migrations().downgrade(target == null ? "-1" : target);
    }

    /** Prints the SQL a downgrade over {@code range} ({@code FROM:TO}) would run. */
    public void downgradeSql(String range) {
        out.print(migrations().downgradeSql(range == null ? "-1" : range));
        out.flush();
    }

    /** Sets the version table to {@code target} without running any revision. */
    public MigrationResult stamp(String target) {
        return migrations().stamp(target);
    }

    /** The same, removing whatever the version table holds first ({@code --purge}). */
    public MigrationResult purgeAndStamp(String target) {
        return migrations().purgeAndStamp(target);
    }

    /** Prints the SQL a stamp would run; with {@code purge}, emptying the version table first. */
    public void stampSql(String range, boolean purge) {
        if (range == null) {
            throw new MigrationException("stamp needs a revision: an id, head or base");
        }
        out.print(migrations().stampSql(range, purge));
        out.flush();
    }

    /**
     * Records the revisions the database stands at as applied in their present
     * form: after an edit made on purpose to a revision already applied, or on
     * a database migrated before applied revisions were recorded.
     */
    public void repair() {
        List<String> changed = migrations().repair();
        out.println(
                changed.isEmpty()
                        ? "The record of applied revisions matches the revision files"
                        : "Recorded as they are now, edited since they were applied: " + String.join(", ", changed));
    }

    // ---- testing ----

    /**
     * Tries every revision on a scratch database of the configured kind (a
     * temporary SQLite file, or a temporary database on the same server, made
     * and dropped here): each goes up, down and up again, with sample rows put
     * in every table after each upgrade, and after every step the schema must
     * be what the revisions describe; at head, what the models describe. The
     * configured database itself is never touched.
     */
    public void test() {
        RevisionTestResult result = migrations().testRevisions(new RevisionTestListener() {
            @Override
            public void started(DatabaseUrl scratch, int revisions) {
                out.println("Testing " + revisions + " revision(s) on a scratch "
                        + scratch.kind().displayName() + " database (" + scratch + ")");
                out.flush();
            }

            @Override
            public void passed(Revision revision) {
                // One whole line per revision, so that it never interleaves with the log on the terminal.
                out.println(
                        revision.id() + " " + revision.message() + ": upgrade, downgrade, upgrade with rows ... ok");
                out.flush();
            }
        });
        if (result.matchesEntities()) {
            out.println("At head, the schema matches the models.");
        }
    }

    // ---- reading ----

    /** Prints the revision(s) the database stands at; nothing for a database at base. */
    public void current() {
        current(false);
    }

    /** Prints the revision(s) the database stands at; {@code verbose}, with their details and when each was applied. */
    public void current(boolean verbose) {
        requireNamedDatabaseExists();
        listing().current(verbose);
    }

    /**
     * A SQLite file the user named that does not exist is said to be missing: read as an empty
     * database it would print nothing, as if the project had no revisions applied. The database
     * the application chose (a fresh project's {@code app.db}) may be missing: it is empty.
     */
    private void requireNamedDatabaseExists() {
        if (config.databaseSetting() == null) {
            return;
        }
        config.database()
                .get()
                .url()
                .flatMap(DatabaseUrl::sqliteDatabaseFile)
                .filter(file -> !Files.exists(file))
                .ifPresent(file -> {
                    throw new MigrationException("no database at " + file + ": the file does not exist; check "
                            + config.databaseSetting() + ", or run 'db upgrade' to create it");
                });
    }

    /** The revisions {@code upgrade} would apply, oldest first; reads only. */
    public List<Revision> pending() {
        return migrations().pending();
    }

    /** Lists the revisions, newest first. */
    public void history() {
        history(false, false);
    }

    /**
     * Lists the revisions, newest first; {@code verbose}, with their details;
     * {@code indicateCurrent}, marking those the database stands at and, with
     * {@code verbose}, when each was applied.
     */
    public void history(boolean verbose, boolean indicateCurrent) {
        history(verbose, indicateCurrent, null);
    }

    /** The same, limited to {@code range} ({@code FROM:TO}, either side may be empty, as in {@code -r base:head}). */
    public void history(boolean verbose, boolean indicateCurrent, String range) {
        listing().history(verbose, indicateCurrent, range);
    }

    /** Lists the branch points: revisions that more than one revision follows, with those that do. */
    public void branches() {
        branches(false);
    }

    /** The same; {@code verbose}, with each branch point's details. */
    public void branches(boolean verbose) {
        listing().branches(verbose);
    }

    public void heads() {
        heads(false);
    }

    /** Prints the heads; {@code verbose}, with their details. */
    public void heads(boolean verbose) {
        listing().heads(verbose);
    }

    /**
     * Opens revision {@code name} (default: the head) in {@code editor}, the
     * user's EDITOR, and checks the file once the editor is closed.
     */
    public void edit(String name, String editor) {
        ScriptDirectory scripts = ScriptDirectory.open(config.directory());
        scripts.requireWritable("edit a revision");
        if (editor == null || editor.isBlank()) {
            throw new MigrationException(
                    "no editor: set EDITOR (for example EDITOR=nano), or open the file " + "'db show' names yourself");
        }
        Path file = RevisionTargets.fileOf(scripts, name);
        List<String> command = new ArrayList<>(List.of(editor.strip().split("\\s+")));
        command.add(file.toAbsolutePath().toString());
        try {
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new MigrationException("the editor (" + editor + ") exited with " + exit);
            }
        } catch (IOException e) {
            throw new MigrationException("cannot start the editor '" + editor + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("interrupted while the editor was open", e);
        }
        RevisionFile.read(file); // a mistake made in the editor is named now, not at the next upgrade
    }

    /** Describes one revision: its place in the history, its file, and its message. */
    public void show(String name) {
        listing().show(name);
    }

    // ---- helpers ----

    private RevisionListing listing() {
        return new RevisionListing(migrations(), out);
    }

    /** Says where a new revision was written, as Flask-Migrate does. */
    private Path generated(Path file) {
        out.println("Generating " + file.toAbsolutePath() + " ... done");
        return file;
    }
}
