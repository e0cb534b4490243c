package microblog.migrate.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import microblog.db.url.DatabaseKind;
import microblog.db.url.DatabaseUrl;
import microblog.migrate.MigrationException;
import microblog.migrate.autogenerate.Changes;
import microblog.migrate.ddl.DdlRenderer;
import microblog.migrate.runtime.AppliedRevisions;
import microblog.migrate.runtime.ConcurrentMigrationException;
import microblog.migrate.runtime.DataLossPolicy;
import microblog.migrate.runtime.MigrationLock;
import microblog.migrate.runtime.MigrationRunner;
import microblog.migrate.runtime.SchemaSimulator;
import microblog.migrate.runtime.ScriptSink;
import microblog.migrate.runtime.VersionTable;
import microblog.migrate.script.Revision;
import microblog.migrate.script.RevisionFile;
import microblog.migrate.script.RevisionGraph;
import microblog.migrate.script.ScriptDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migration commands, one method each, as Flask-Migrate's {@code flask db}
 * has them. Results go to {@code out}; progress is logged.
 *
 * <p>Only {@link #migrate} and {@link #check} read the models, and so boot
 * Hibernate; every other command uses plain JDBC and starts fast.
 * {@link #current}, {@link #history}, {@link #heads}, {@link #show},
 * {@link #migrate} and {@link #check} never write to the database.
 */
public final class MigrationCommands {
    private static final Logger log = LoggerFactory.getLogger(MigrationCommands.class);
    private static final int MAX_ATTEMPTS = 5;

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
        if (tag != null && (tag.isBlank() || tag.length() > 255)) {
            throw new MigrationException("--tag '" + tag + "' " + (tag.isBlank() ? "is empty: give a name" : "is "
                    + tag.length() + " characters long: the record keeps 255") + ", or leave --tag out");
        }
        return new MigrationCommands(config, out, dataLoss, tag);
    }

    // ---- repository ----

    /** Creates the migrations repository; refuses to touch an existing one. */
    public void init() {
        Path dir = config.directory().toAbsolutePath().normalize();
        if (Files.exists(dir) && !isEmptyDirectory(dir)) {
            throw new MigrationException("directory " + dir + " already exists and is not empty: "
                    + "remove it or pass another one with -d DIR");
        }
        try {
            creating(dir);
            creating(dir.resolve("versions"));
            generating(dir.resolve(ScriptDirectory.CONFIG_FILE), RepositoryTemplate.config());
            generating(dir.resolve("README"), RepositoryTemplate.readme());
            Files.writeString(dir.resolve("versions").resolve(".gitkeep"), "");
        } catch (IOException e) {
            throw new MigrationException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        out.println("Please keep " + dir + " in version control: it is part of your project now.");
    }

    private void creating(Path dir) throws IOException {
        out.print("Creating directory " + dir + " ... ");
        Files.createDirectories(dir);
        out.println("done");
    }

    private void generating(Path file, String text) throws IOException {
        out.print("Generating " + file + " ... ");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        out.println("done");
    }

    private static boolean isEmptyDirectory(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
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
        ScriptDirectory scripts = ScriptDirectory.open(config.directory());
        RevisionGraph graph = scripts.graph();
        List<String> parents = revision.head() == null ? graph.heads() : parents(graph, revision);
        Changes changes = compareWithModels(scripts, graph, new LinkedHashSet<>(parents));
        if (changes.isEmpty()) {
            log.info("No changes in schema detected.");
            return Optional.empty();
        }
        changes.findings().forEach(log::info);
        changes.warnings().forEach(log::warn);
        return Optional.of(new RevisionWriter(scripts, graph, out).write(revision, parents, changes.upgrade(),
                changes.downgrade()));
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
        ScriptDirectory scripts = ScriptDirectory.open(config.directory());
        RevisionGraph graph = scripts.graph();
        return new RevisionWriter(scripts, graph, out).write(revision, parents(graph, revision), List.of(),
                List.of());
    }

    /**
     * What a new revision builds on: the one head; or its {@code head}, which may be {@code base}
     * (a branch with no parent), {@code LABEL@head}, or a revision that is not a head when spliced.
     */
    private static List<String> parents(RevisionGraph graph, NewRevision revision) {
        String head = revision.head();
        if ("base".equals(head)) {
            return List.of();
        }
        if (head != null && !head.equals("head")) {
            String base = head.endsWith("@head") ? RevisionTargets.heads(graph, head, Set.of()).iterator().next()
                    : graph.resolve(head).id();
            if (!graph.heads().contains(base) && !revision.splice()) {
                throw new MigrationException("revision " + base + " is not a head: building on it starts a new "
                        + "branch; pass --splice if that is what you want");
            }
            return List.of(base);
        }
        if (graph.heads().size() > 1) {
            throw new MigrationException("there are " + graph.heads().size() + " heads (" + String.join(", ",
                    graph.heads()) + "): pass --head REV to build on one, or merge them with 'db merge heads'");
        }
        return graph.heads();
    }

    /** Writes a revision that joins {@code revisions} (or all heads) into one, with no operations of its own. */
    public Path merge(List<String> revisions, String message, String revId) {
        return merge(revisions, NewRevision.withMessage(message).withRevId(revId));
    }

    /** The same, the merge as {@code merge} describes it (its head is not used: the revisions are its parents). */
    public Path merge(List<String> revisions, NewRevision merge) {
        ScriptDirectory scripts = ScriptDirectory.open(config.directory());
        RevisionGraph graph = scripts.graph();
        List<String> parents = revisions.isEmpty() || revisions.equals(List.of("heads")) ? graph.heads()
                : revisions.stream().map(r -> graph.resolve(r).id()).distinct().toList();
        if (parents.size() < 2) {
            throw new MigrationException("nothing to merge: " + (parents.isEmpty() ? "there are no revisions"
                    : revisions.isEmpty() || revisions.equals(List.of("heads")) ? "there is one head, " + parents.get(0)
                    : "only one revision given, " + parents.get(0)) + "; merge joins two or more heads");
        }
        for (String parent : parents) {
            for (String other : parents) {
                if (!parent.equals(other) && graph.ancestry(List.of(other)).contains(parent)) {
                    throw new MigrationException("cannot merge " + parent + " with " + other + ", which already "
                            + "follows it: merge revisions on different branches, such as the heads");
                }
            }
        }
        return new RevisionWriter(scripts, graph, out).write(merge, parents, List.of(), List.of());
    }

    /** Fails if the models hold changes that no revision has yet. */
    public void check() {
        ScriptDirectory scripts = ScriptDirectory.open(config.directory());
        RevisionGraph graph = scripts.graph();
        Changes changes = compareWithModels(scripts, graph, new LinkedHashSet<>(graph.heads()));
        if (!changes.isEmpty()) {
            changes.findings().forEach(log::info);
            throw new MigrationException("New upgrade operations detected: " + changes.upgrade().stream()
                    .map(op -> op.describe()).toList());
        }
        out.println("No new upgrade operations detected.");
    }

    /** The models compared with the database, which must stand at {@code expected}. */
    private Changes compareWithModels(ScriptDirectory scripts, RevisionGraph graph, Set<String> expected) {
        DatabaseUrl url = config.databaseUrl().get();
        return new ModelComparison(url, scripts, versionTable(scripts, url), graph,
                new TableExclusions(scripts.excludedTables()))
                .compare(config.entityClasses().get(), expected);
    }

    /**
     * Draws the models' tables (or, with {@code live}, the database's): Mermaid text on the output,
     * or, given {@code svgFile}, an SVG picture there.
     */
    public void diagram(boolean live, Path svgFile) {
        new SchemaDiagrams(config, out).draw(live, svgFile);
    }

    // ---- applying ----

    /** Applies revisions up to {@code target} (default {@code head}); with {@code sqlOnly}, prints them. */
    public void upgrade(String target, boolean sqlOnly) {
        ScriptDirectory scripts = ScriptDirectory.open(config.directory());
        RevisionGraph graph = scripts.graph();
        String spec = target == null ? "head" : target;
        if (sqlOnly) {
            String[] range = RevisionTargets.range(spec);
            Set<String> from = range[0] == null ? Set.of() : RevisionTargets.heads(graph, range[0], Set.of());
            Set<String> to = RevisionTargets.heads(graph, range[1], from);
            RevisionTargets.requireNotBelow(graph, from, to);
            offline(scripts, graph, from).upgrade(graph, from, graph.upgradePath(from, to));
            return;
        }
        onLockedDatabase(scripts, graph, "upgrade", (runner, recorded, connection) -> {
            Set<String> current = RevisionTargets.known(graph, recorded);
            Set<String> to = RevisionTargets.heads(graph, spec, current);
            RevisionTargets.requireNotBelow(graph, current, to);
            runner.upgrade(graph, current, graph.upgradePath(current, to));
        });
    }

    /** Undoes revisions down to {@code target} (default {@code -1}); with {@code sqlOnly}, prints them. */
    public void downgrade(String target, boolean sqlOnly) {
        ScriptDirectory scripts = ScriptDirectory.open(config.directory());
        RevisionGraph graph = scripts.graph();
        String spec = target == null ? "-1" : target;
        if (sqlOnly) {
            String[] range = RevisionTargets.range(spec);
            if (range[0] == null) {
                throw new MigrationException("downgrade --sql needs a starting point: give FROM:TO, as in head:base");
            }
            Set<String> from = RevisionTargets.heads(graph, range[0], Set.of());
            List<Revision> path = RevisionTargets.downgradePath(graph, from, range[1]);
            offline(scripts, graph, graph.ancestry(from)).downgrade(graph, from, path);
            return;
        }
        onLockedDatabase(scripts, graph, "downgrade", (runner, recorded, connection) -> {
            Set<String> current = RevisionTargets.known(graph, recorded);
            runner.downgrade(graph, current, RevisionTargets.downgradePath(graph, current, spec));
        });
    }

    /** Sets the version table to {@code target} without running any revision. */
    public void stamp(String target, boolean sqlOnly) {
        stamp(target, sqlOnly, false);
    }

    /** The same; with {@code purge}, whatever the version table holds is removed first. */
    public void stamp(String target, boolean sqlOnly, boolean purge) {
        ScriptDirectory scripts = ScriptDirectory.open(config.directory());
        RevisionGraph graph = scripts.graph();
        if (target == null) {
            throw new MigrationException("stamp needs a revision: an id, head or base");
        }
        if (sqlOnly) {
            String[] range = RevisionTargets.range(target);
            Set<String> from = range[0] == null ? Set.of() : RevisionTargets.heads(graph, range[0], Set.of());
            Set<String> to = RevisionTargets.heads(graph, range[1], from);
            MigrationRunner runner = offline(scripts, graph, from);
            if (purge) {
                runner.purgeAndStamp(from, to, graph.ancestry(to), stampedOn(graph, from, to));
            } else {
                runner.stamp(from, to, graph.ancestry(to), stampedOn(graph, from, to));
            }
            return;
        }
        // Stamping is how a database at a revision no file defines gets adopted, so only a
        // relative target (+N) needs the recorded revision to be known.
        onLockedDatabase(scripts, graph, "stamp", (runner, recorded, connection) -> {
            Set<String> to = RevisionTargets.heads(graph, target,
                    target.startsWith("+") ? RevisionTargets.known(graph, recorded) : recorded);
            if (purge) {
                runner.purgeAndStamp(recorded, to, graph.ancestry(to), stampedOn(graph, recorded, to));
            } else {
                ForeignRevisions.requireSchemaOf(to, connection, scripts, graph, recorded, config.databaseUrl().get());
                runner.stamp(recorded, to, graph.ancestry(to), stampedOn(graph, recorded, to));
            }
        });
    }

    /** The revisions applied at {@code to} and not at {@code from}, oldest first, as far as the files know them. */
    private static List<Revision> stampedOn(RevisionGraph graph, Set<String> from, Set<String> to) {
        Set<String> known = new LinkedHashSet<>();
        from.stream().filter(id -> graph.get(id) != null).forEach(known::add);
        return graph.upgradePath(known, to);
    }

    /**
     * Records the revisions the database stands at as applied in their present
     * form: after an edit made on purpose to a revision already applied, or on
     * a database migrated before applied revisions were recorded.
     */
    public void repair() {
        ScriptDirectory scripts = ScriptDirectory.open(config.directory());
        RevisionGraph graph = scripts.graph();
        onLockedDatabase(scripts, graph, "repair", (runner, recorded, connection) -> {
            Set<String> heads = RevisionTargets.known(graph, recorded);
            DdlRenderer ddl = DdlRenderer.forKind(config.databaseUrl().get().kind());
            List<String> differences = DescribedSchema.differences(DescribedSchema.at(graph, heads),
                    DescribedSchema.live(connection, scripts, config.databaseUrl().get()), ddl);
            if (!differences.isEmpty()) {
                throw new MigrationException("the database is not what the revisions, as they are now, describe ("
                        + String.join("; ", differences) + "); nothing was recorded. Bring the database in line with "
                        + "the edited revision, or undo the edit");
            }
            List<String> changed = runner.repair(graph, heads);
            out.println(changed.isEmpty() ? "The record of applied revisions matches the revision files"
                    : "Recorded as they are now, edited since they were applied: " + String.join(", ", changed));
        });
    }

    /** What a writing command does once it holds the migration lock. */
    @FunctionalInterface
    private interface LockedWork {
        void run(MigrationRunner runner, Set<String> recordedHeads, Connection connection);
    }

    /**
     * Opens the database for writing, takes the migration lock, and hands over
     * the runner. If another process moves the database between planning and
     * applying (possible on SQLite, which has no session lock), the work is
     * planned again from where the database now stands.
     */
    private void onLockedDatabase(ScriptDirectory scripts, RevisionGraph graph, String command, LockedWork work) {
        DatabaseUrl url = config.databaseUrl().get();
        try (Connection connection = MigrationConnections.openForWriting(url);
             MigrationLock lock = MigrationLock.acquire(connection, url.kind(), scripts.lockTimeout())) {
            VersionTable versions = versionTable(scripts, url);
            if (!command.equals("stamp") && !command.equals("repair")) {
                HalfAppliedRevisions.refuseToGoOn(connection, scripts, url);
                EditedRevisions.refuse(connection, scripts, graph, url);
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    work.run(MigrationRunner.online(connection, DdlRenderer.forKind(url.kind()), versions, dataLoss)
                                    .tagged(tag),
                            versions.heads(connection), connection);
                    return;
                } catch (ConcurrentMigrationException e) {
                    if (attempt == MAX_ATTEMPTS) {
                        throw e;
                    }
                    log.info("Another process migrated the database meanwhile; planning again");
                }
            }
        } catch (SQLException e) {
            throw new MigrationException(command + " failed: " + e.getMessage(), e);
        }
    }

    // ---- testing ----

    /**
     * Tries every revision on a scratch database of the configured kind (a
     * temporary SQLite file, or a temporary database on the same server, made
     * and dropped here): each goes up, down and up again, and after every step
     * the schema must be what the revisions describe; at head, what the models
     * describe. The configured database itself is never touched.
     */
    public void test() {
        ScriptDirectory scripts = ScriptDirectory.open(config.directory());
        RevisionGraph graph = scripts.graph();
        DatabaseUrl url = config.databaseUrl().get();
        try (ScratchDatabase scratch = ScratchDatabase.create(url)) {
            out.println("Testing " + graph.topologicalOrder().size() + " revision(s) on a scratch "
                    + url.kind().displayName() + " database (" + scratch.url() + ")");
            try (Connection connection = MigrationConnections.openForWriting(scratch.url())) {
                new RevisionTester(connection, DdlRenderer.forKind(url.kind()), versionTable(scripts, url), out,
                        new TableExclusions(scripts.excludedTables())).test(graph, config.entityClasses().get());
            } catch (SQLException e) {
                throw new MigrationException("cannot use the scratch database: " + e.getMessage(), e);
            } catch (MigrationException e) {
                throw new MigrationException("db test, on the scratch database (" + url + " was not touched): "
                        + e.getMessage(), e);
            }
        }
    }

    // ---- reading ----

    /** Prints the revision(s) the database stands at; nothing for a database at base. */
    public void current() {
        current(false);
    }

    /** Prints the revision(s) the database stands at; {@code verbose}, with their details and when each was applied. */
    public void current(boolean verbose) {
        ScriptDirectory scripts = ScriptDirectory.open(config.directory());
        RevisionGraph graph = scripts.graph();
        DatabaseState state = readState(scripts, graph, verbose);
        List<String> heads = graph.heads();
        for (String id : RevisionTargets.known(graph, state.heads())) {
            if (verbose) {
                printDetails(graph.get(id), heads, state);
            } else {
                out.println(id + labels(graph, id) + (heads.contains(id) ? " (head)" : ""));
            }
        }
    }

    /** Where the database stands and what its record says, read without writing; empty for a missing SQLite file. */
    private record DatabaseState(Set<String> heads, Set<String> appliedIds,
                                 Map<String, AppliedRevisions.Applied> applied) {
    }

    /** Reads where the database stands; {@code withRecord}, also its record of applied revisions. */
    private DatabaseState readState(ScriptDirectory scripts, RevisionGraph graph, boolean withRecord) {
        DatabaseUrl url = config.databaseUrl().get();
        try (Connection connection = MigrationConnections.openReadOnly(url).orElse(null)) {
            if (connection == null) {
                return new DatabaseState(Set.of(), Set.of(), Map.of());
            }
            HalfAppliedRevisions.warn(connection, scripts, url);
            Set<String> heads = RevisionTargets.known(graph, versionTable(scripts, url).heads(connection));
            return new DatabaseState(heads, graph.ancestry(heads), !withRecord ? Map.of()
                    : new AppliedRevisions(scripts.versionTable(), DdlRenderer.forKind(url.kind())).read(connection));
        } catch (SQLException e) {
            throw new MigrationException("cannot read the version table: " + e.getMessage(), e);
        }
    }

    /** The revisions {@code upgrade} would apply, oldest first; reads only. */
    public List<Revision> pending() {
        ScriptDirectory scripts = ScriptDirectory.open(config.directory());
        RevisionGraph graph = scripts.graph();
        return graph.upgradePath(readState(scripts, graph, false).heads(), graph.heads());
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
        ScriptDirectory scripts = ScriptDirectory.open(config.directory());
        RevisionGraph graph = scripts.graph();
        DatabaseState state = indicateCurrent ? readState(scripts, graph, verbose) : null;
        List<String> heads = graph.heads();
        List<Revision> ordered = new ArrayList<>(graph.topologicalOrder());
        Collections.reverse(ordered);
        Map<String, Integer> children = new HashMap<>();
        ordered.forEach(r -> r.downRevisions().forEach(parent -> children.merge(parent, 1, Integer::sum)));
        if (range != null) {
            ordered.retainAll(inRange(graph, range));
        }
        for (Revision r : ordered) {
            if (verbose) {
                printDetails(r, heads, state);
                continue;
            }
            // As Alembic prints it: a merge's parents comma-separated, a branch point marked.
            String parents = r.downRevisions().isEmpty() ? "<base>" : String.join(", ", r.downRevisions());
            boolean branchpoint = children.getOrDefault(r.id(), 0) > 1;
            out.println(parents + " -> " + r.id() + labels(graph, r.id()) + (heads.contains(r.id()) ? " (head)" : "")
                    + (state != null && state.heads().contains(r.id()) ? " (current)" : "")
                    + (branchpoint ? " (branchpoint)" : "") + (r.isMerge() ? " (mergepoint)" : "") + ", "
                    + r.message());
        }
    }

    /** The revisions from FROM (inclusive) up to TO, for {@code history -r FROM:TO}. */
    private static List<Revision> inRange(RevisionGraph graph, String range) {
        int colon = range.indexOf(':');
        if (colon < 0) {
            throw new MigrationException("-r takes a range FROM:TO, such as base:head or 21d81fd5534f:");
        }
        String from = range.substring(0, colon);
        String to = range.substring(colon + 1);
        Set<String> upper = to.isEmpty() || to.equals("heads") || to.equals("head")
                ? new LinkedHashSet<>(graph.heads()) : Set.of(graph.resolve(to).id());
        String lower = from.isEmpty() || from.equals("base") ? null : graph.resolve(from).id();
        return graph.ancestry(upper).stream().map(graph::get)
                .filter(r -> lower == null || graph.ancestry(List.of(r.id())).contains(lower)).toList();
    }

    /** Lists the branch points: revisions that more than one revision follows, with those that do. */
    public void branches() {
        branches(false);
    }

    /** The same; {@code verbose}, with each branch point's details. */
    public void branches(boolean verbose) {
        RevisionGraph graph = ScriptDirectory.open(config.directory()).graph();
        List<String> heads = graph.heads();
        for (Revision r : graph.topologicalOrder()) {
            List<Revision> children = graph.topologicalOrder().stream()
                    .filter(c -> c.downRevisions().contains(r.id())).toList();
            if (children.size() > 1) {
                if (verbose) {
                    printDetails(r, heads, null);
                }
                out.println(r.id() + labels(graph, r.id()) + " (branchpoint)");
                children.forEach(c -> out.println("        -> " + c.id() + labels(graph, c.id())
                        + (heads.contains(c.id()) ? " (head)" : "") + ", " + c.message()));
            }
        }
    }

    public void heads() {
        heads(false);
    }

    /** Prints the heads; {@code verbose}, with their details. */
    public void heads(boolean verbose) {
        RevisionGraph graph = ScriptDirectory.open(config.directory()).graph();
        List<String> heads = graph.heads();
        for (String id : heads) {
            if (verbose) {
                printDetails(graph.get(id), heads, null);
            } else {
                out.println(id + labels(graph, id) + " (head)");
            }
        }
    }

    /**
     * Opens revision {@code name} (default: the head) in {@code editor}, the
     * user's EDITOR, and checks the file once the editor is closed.
     */
    public void edit(String name, String editor) {
        if (editor == null || editor.isBlank()) {
            throw new MigrationException("no editor: set EDITOR (for example EDITOR=nano), or open the file "
                    + "'db show' names yourself");
        }
        Path file = fileToEdit(ScriptDirectory.open(config.directory()), name);
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

    /**
     * The file of revision {@code name}; when a broken file (a mistake made in the editor, say)
     * keeps the history from being read, the file whose name starts with the id given, so that
     * {@code edit} can still repair it.
     */
    private static Path fileToEdit(ScriptDirectory scripts, String name) {
        try {
            RevisionGraph graph = scripts.graph();
            return (name == null || name.equals("head") ? graph.get(RevisionTargets.requireHead(graph))
                    : graph.resolve(name)).path();
        } catch (MigrationException unreadable) {
            List<Path> named = name == null ? List.of() : scripts.revisionFiles().stream()
                    .filter(p -> p.getFileName().toString().startsWith(name)).toList();
            if (named.size() != 1) {
                throw unreadable;
            }
            return named.get(0);
        }
    }

    /** Describes one revision: its place in the history, its file, and its message. */
    public void show(String name) {
        RevisionGraph graph = ScriptDirectory.open(config.directory()).graph();
        List<String> heads = graph.heads();
        List<Revision> shown = switch (name) {
            case "head" -> List.of(graph.get(RevisionTargets.requireHead(graph)));
            case "heads" -> heads.stream().map(graph::get).toList();
            default -> List.of(graph.resolve(name));
        };
        for (Revision r : shown) {
            printDetails(r, heads, null);
        }
    }

    /** One revision as {@code show} prints it; with {@code state}, whether and when it was applied. */
    private void printDetails(Revision r, List<String> heads, DatabaseState state) {
        out.println("Rev: " + r.id() + (heads.contains(r.id()) ? " (head)" : "")
                + (state != null && state.heads().contains(r.id()) ? " (current)" : ""));
        out.println("Parent: " + r.downRevisionText());
        if (!r.branchLabels().isEmpty()) {
            out.println("Branch names: " + String.join(", ", r.branchLabels()));
        }
        out.println("Path: " + r.path().toAbsolutePath());
        out.println();
        out.println("    " + r.message());
        out.println();
        out.println("    Revision ID: " + r.id());
        out.println("    Revises: " + String.join(", ", r.downRevisions()));
        out.println("    Create Date: " + r.createDate());
        out.println("    Upgrade: " + r.upgrade().stream().map(op -> op.describe()).toList());
        out.println("    Downgrade: " + r.downgrade().stream().map(op -> op.describe()).toList());
        if (state != null) {
            AppliedRevisions.Applied applied = state.applied().get(r.id());
            out.println("    Applied: " + (!state.appliedIds().contains(r.id()) ? "no"
                    : applied == null ? "yes, not recorded (db repair records it)"
                    : applied.appliedAt() + (applied.durationMillis() == null
                    ? " (recorded without running it: stamp, repair or a SQL script)"
                    : ", in " + applied.durationMillis() + " ms")
                    + (applied.tag() == null ? "" : ", tag " + applied.tag())));
        }
        out.println();
    }

    // ---- helpers ----

    /** An offline runner whose simulated schema starts where {@code applied} leaves the database. */
    private MigrationRunner offline(ScriptDirectory scripts, RevisionGraph graph, Set<String> applied) {
        DatabaseKind kind = config.databaseUrl().get().kind();
        SchemaSimulator simulator = DescribedSchema.at(graph, applied);
        DdlRenderer ddl = DdlRenderer.forKind(kind);
        return MigrationRunner.offline(new ScriptSink(out, kind.hasTransactionalDdl()), ddl,
                new VersionTable(scripts.versionTable(), ddl), simulator, !applied.isEmpty()).tagged(tag);
    }

    private static VersionTable versionTable(ScriptDirectory scripts, DatabaseUrl url) {
        return new VersionTable(scripts.versionTable(), DdlRenderer.forKind(url.kind()));
    }

    /** A revision's branch labels as Alembic prints them after its id: {@code " (shoppingcart)"}, or nothing. */
    private static String labels(RevisionGraph graph, String id) {
        List<String> labels = graph.branchLabelsOf(id);
        return labels.isEmpty() ? "" : " (" + String.join(", ", labels) + ")";
    }

    private static String describe(Set<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
