package microblog.migrate.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.url.DatabaseKind;
import microblog.db.url.DatabaseUrl;
import microblog.migrate.MigrationException;
import microblog.migrate.autogenerate.Changes;
import microblog.migrate.autogenerate.ModelSchemaReader;
import microblog.migrate.autogenerate.SchemaComparator;
import microblog.migrate.ddl.DdlRenderer;
import microblog.migrate.runtime.ConcurrentMigrationException;
import microblog.migrate.runtime.MigrationLock;
import microblog.migrate.runtime.MigrationRunner;
import microblog.migrate.runtime.SchemaSimulator;
import microblog.migrate.runtime.ScriptSink;
import microblog.migrate.runtime.VersionTable;
import microblog.migrate.schema.LiveSchemaReader;
import microblog.migrate.schema.Schema;
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
    private static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final MigrationConfig config;
    private final PrintWriter out;

    public MigrationCommands(MigrationConfig config, PrintWriter out) {
        this.config = config;
        this.out = out;
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
        ScriptDirectory scripts = ScriptDirectory.open(config.directory());
        RevisionGraph graph = scripts.graph();
        Changes changes = compareWithModels(scripts, graph);
        if (changes.isEmpty()) {
            log.info("No changes in schema detected.");
            return Optional.empty();
        }
        changes.findings().forEach(log::info);
        String id = ScriptDirectory.newRevisionId();
        String text = message == null ? "" : message.strip();
        Path path = scripts.pathFor(id, text);
        Revision revision = new Revision(id, graph.heads(), text, LocalDateTime.now(ZoneOffset.UTC).format(CREATE_DATE),
                changes.upgrade(), changes.downgrade(), path);
        out.print("Generating " + path.toAbsolutePath() + " ... ");
        try {
            Files.writeString(path, RevisionFile.render(revision), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("cannot write " + path + ": " + e.getMessage(), e);
        }
        out.println("done");
        return Optional.of(path);
    }

    /** Fails if the models hold changes that no revision has yet. */
    public void check() {
        ScriptDirectory scripts = ScriptDirectory.open(config.directory());
        Changes changes = compareWithModels(scripts, scripts.graph());
        if (!changes.isEmpty()) {
            throw new MigrationException("New upgrade operations detected: " + changes.upgrade().stream()
                    .map(op -> op.describe()).toList());
        }
        out.println("No new upgrade operations detected.");
    }

    private Changes compareWithModels(ScriptDirectory scripts, RevisionGraph graph) {
        DatabaseUrl url = config.databaseUrl().get();
        Schema live;
        Set<String> current;
        try (Connection connection = openReadOnly(url).orElse(null)) {
            VersionTable versions = versionTable(scripts, url);
            current = connection == null ? Set.of() : versions.heads(connection);
            live = connection == null ? Schema.empty()
                    : new LiveSchemaReader(connection, url.kind(), Set.of(scripts.versionTable())).read();
        } catch (SQLException e) {
            throw new MigrationException("cannot read the database: " + e.getMessage(), e);
        }
        if (!current.equals(new LinkedHashSet<>(graph.heads()))) {
            throw new MigrationException("Target database is not up to date: it is at " + describe(current)
                    + ", the repository at " + describe(new LinkedHashSet<>(graph.heads()))
                    + "; run 'db upgrade' first");
        }
        Schema models = ModelSchemaReader.read(config.entityClasses().get(), url.kind());
        return SchemaComparator.compare(models, live);
    }

    // ---- applying ----

    /** Applies revisions up to {@code target} (default {@code head}); with {@code sqlOnly}, prints them. */
    public void upgrade(String target, boolean sqlOnly) {
        ScriptDirectory scripts = ScriptDirectory.open(config.directory());
        RevisionGraph graph = scripts.graph();
        String spec = target == null ? "head" : target;
        if (sqlOnly) {
            String[] range = range(spec);
            Set<String> from = range[0] == null ? Set.of() : targetHeads(graph, range[0], Set.of());
            List<Revision> path = graph.upgradePath(from, targetHeads(graph, range[1], from));
            offline(scripts, graph, from).upgrade(graph, from, path);
            return;
        }
        onLockedDatabase(scripts, "upgrade", (runner, recorded) -> {
            Set<String> current = knownHeads(graph, recorded);
            runner.upgrade(graph, current, graph.upgradePath(current, targetHeads(graph, spec, current)));
        });
    }

    /** Undoes revisions down to {@code target} (default {@code -1}); with {@code sqlOnly}, prints them. */
    public void downgrade(String target, boolean sqlOnly) {
        ScriptDirectory scripts = ScriptDirectory.open(config.directory());
        RevisionGraph graph = scripts.graph();
        String spec = target == null ? "-1" : target;
        if (sqlOnly) {
            String[] range = range(spec);
            if (range[0] == null) {
                throw new MigrationException("downgrade --sql needs a starting point: give FROM:TO, as in head:base");
            }
            Set<String> from = targetHeads(graph, range[0], Set.of());
            List<Revision> path = downgradePath(graph, from, range[1]);
            offline(scripts, graph, graph.ancestry(from)).downgrade(graph, from, path);
            return;
        }
        onLockedDatabase(scripts, "downgrade", (runner, recorded) -> {
            Set<String> current = knownHeads(graph, recorded);
            runner.downgrade(graph, current, downgradePath(graph, current, spec));
        });
    }

    /** Sets the version table to {@code target} without running any revision. */
    public void stamp(String target, boolean sqlOnly) {
        ScriptDirectory scripts = ScriptDirectory.open(config.directory());
        RevisionGraph graph = scripts.graph();
        if (target == null) {
            throw new MigrationException("stamp needs a revision: an id, head or base");
        }
        if (sqlOnly) {
            String[] range = range(target);
            Set<String> from = range[0] == null ? Set.of() : targetHeads(graph, range[0], Set.of());
            offline(scripts, graph, from).stamp(from, targetHeads(graph, range[1], from));
            return;
        }
        // Stamping is how a database at a revision no file defines gets fixed, so only a
        // relative target (+N) needs the recorded revision to be known.
        onLockedDatabase(scripts, "stamp", (runner, recorded) -> runner.stamp(recorded,
                targetHeads(graph, target, target.startsWith("+") ? knownHeads(graph, recorded) : recorded)));
    }

    /** What a writing command does once it holds the migration lock. */
    @FunctionalInterface
    private interface LockedWork {
        void run(MigrationRunner runner, Set<String> recordedHeads);
    }

    /**
     * Opens the database for writing, takes the migration lock, and hands over
     * the runner. If another process moves the database between planning and
     * applying (possible on SQLite, which has no session lock), the work is
     * planned again from where the database now stands.
     */
    private void onLockedDatabase(ScriptDirectory scripts, String command, LockedWork work) {
        DatabaseUrl url = config.databaseUrl().get();
        try (Connection connection = openForWriting(url);
             MigrationLock lock = MigrationLock.acquire(connection, url.kind())) {
            VersionTable versions = versionTable(scripts, url);
            for (int attempt = 1; ; attempt++) {
                try {
                    work.run(MigrationRunner.online(connection, DdlRenderer.forKind(url.kind()), versions),
                            versions.heads(connection));
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

    // ---- reading ----

    /** Prints the revision(s) the database stands at; nothing for a database at base. */
    public void current() {
        ScriptDirectory scripts = ScriptDirectory.open(config.directory());
        RevisionGraph graph = scripts.graph();
        DatabaseUrl url = config.databaseUrl().get();
        Set<String> current;
        try (Connection connection = openReadOnly(url).orElse(null)) {
            current = connection == null ? Set.of() : versionTable(scripts, url).heads(connection);
        } catch (SQLException e) {
            throw new MigrationException("cannot read the version table: " + e.getMessage(), e);
        }
        List<String> heads = graph.heads();
        for (String id : knownHeads(graph, current)) {
            out.println(id + (heads.contains(id) ? " (head)" : ""));
        }
    }

    /** The revisions {@code upgrade} would apply, oldest first; reads only. */
    public List<Revision> pending() {
        ScriptDirectory scripts = ScriptDirectory.open(config.directory());
        RevisionGraph graph = scripts.graph();
        DatabaseUrl url = config.databaseUrl().get();
        try (Connection connection = openReadOnly(url).orElse(null)) {
            Set<String> current = connection == null ? Set.of()
                    : knownHeads(graph, versionTable(scripts, url).heads(connection));
            return graph.upgradePath(current, graph.heads());
        } catch (SQLException e) {
            throw new MigrationException("cannot read the version table: " + e.getMessage(), e);
        }
    }

    /** Lists the revisions, newest first. */
    public void history() {
        RevisionGraph graph = ScriptDirectory.open(config.directory()).graph();
        List<String> heads = graph.heads();
        List<Revision> ordered = new ArrayList<>(graph.topologicalOrder());
        Collections.reverse(ordered);
        for (Revision r : ordered) {
            out.println(r.downRevisionText() + " -> " + r.id() + (heads.contains(r.id()) ? " (head)" : "")
                    + (r.isMerge() ? " (mergepoint)" : "") + ", " + r.message());
        }
    }

    public void heads() {
        RevisionGraph graph = ScriptDirectory.open(config.directory()).graph();
        graph.heads().forEach(id -> out.println(id + " (head)"));
    }

    /** Describes one revision: its place in the history, its file, and its message. */
    public void show(String name) {
        RevisionGraph graph = ScriptDirectory.open(config.directory()).graph();
        List<String> heads = graph.heads();
        List<Revision> shown = switch (name) {
            case "head" -> List.of(graph.get(requireHead(graph)));
            case "heads" -> heads.stream().map(graph::get).toList();
            default -> List.of(graph.resolve(name));
        };
        for (Revision r : shown) {
            out.println("Rev: " + r.id() + (heads.contains(r.id()) ? " (head)" : ""));
            out.println("Parent: " + r.downRevisionText());
            out.println("Path: " + r.path().toAbsolutePath());
            out.println();
            out.println("    " + r.message());
            out.println();
            out.println("    Revision ID: " + r.id());
            out.println("    Revises: " + String.join(", ", r.downRevisions()));
            out.println("    Create Date: " + r.createDate());
            out.println("    Upgrade: " + r.upgrade().stream().map(op -> op.describe()).toList());
            out.println("    Downgrade: " + r.downgrade().stream().map(op -> op.describe()).toList());
        }
    }

    // ---- helpers ----

    private static String requireHead(RevisionGraph graph) {
        String head = graph.singleHead();
        if (head == null) {
            throw new MigrationException("there are no revisions yet: run 'db migrate -m MESSAGE' first");
        }
        return head;
    }

    /** Resolves an upgrade or stamp target to the heads it names. */
    private static Set<String> targetHeads(RevisionGraph graph, String spec, Set<String> current) {
        if (spec.equals("base")) {
            return Set.of();
        }
        if (spec.equals("heads")) {
            return new LinkedHashSet<>(graph.heads());
        }
        if (spec.equals("head")) {
            return Set.of(requireHead(graph));
        }
        if (spec.matches("\\+\\d+")) {
            String at = current.isEmpty() ? null : single(current, "+N");
            List<Revision> ahead = graph.upgradePath(at == null ? Set.of() : Set.of(at), Set.of(requireHead(graph)));
            int steps = Integer.parseInt(spec.substring(1));
            if (steps > ahead.size()) {
                throw new MigrationException("cannot upgrade " + steps + " revisions: only " + ahead.size()
                        + " are pending");
            }
            return steps == 0 ? current : Set.of(ahead.get(steps - 1).id());
        }
        return Set.of(graph.resolve(spec).id());
    }

    private static List<Revision> downgradePath(RevisionGraph graph, Set<String> current, String spec) {
        if (spec.matches("-\\d+")) {
            int steps = Integer.parseInt(spec.substring(1));
            if (current.isEmpty()) {
                throw new MigrationException("cannot downgrade: the database is already at base");
            }
            List<Revision> applied = graph.downgradePath(current, Set.of());
            if (steps > applied.size()) {
                throw new MigrationException("cannot downgrade " + steps + " revisions below base: only "
                        + applied.size() + " are applied");
            }
            return applied.subList(0, steps);
        }
        Set<String> goal = targetHeads(graph, spec, current);
        if (!graph.ancestry(current).containsAll(goal)) {
            throw new MigrationException("revision " + String.join(", ", goal)
                    + " is not below the database's current revision " + describe(current) + ": use 'db upgrade'");
        }
        return graph.downgradePath(current, goal);
    }

    /** The heads recorded in the database, checked against the repository. */
    private static Set<String> knownHeads(RevisionGraph graph, Set<String> recorded) {
        for (String id : recorded) {
            if (graph.get(id) == null) {
                throw new MigrationException("the database is at revision " + id
                        + ", which no file in versions/ defines: restore that file or 'db stamp' another revision");
            }
        }
        return recorded;
    }

    private static String single(Set<String> heads, String what) {
        if (heads.size() != 1) {
            throw new MigrationException("relative target " + what + " needs one current revision, not "
                    + String.join(", ", heads));
        }
        return heads.iterator().next();
    }

    private static String[] range(String spec) {
        int colon = spec.indexOf(':');
        return colon < 0 ? new String[] {null, spec} : new String[] {spec.substring(0, colon), spec.substring(colon + 1)};
    }

    /** An offline runner whose simulated schema starts where {@code applied} leaves the database. */
    private MigrationRunner offline(ScriptDirectory scripts, RevisionGraph graph, Set<String> applied) {
        DatabaseKind kind = config.databaseUrl().get().kind();
        SchemaSimulator simulator = new SchemaSimulator();
        graph.upgradePath(Set.of(), graph.ancestry(applied)).forEach(r -> r.upgrade().forEach(simulator::apply));
        DdlRenderer ddl = DdlRenderer.forKind(kind);
        return MigrationRunner.offline(new ScriptSink(out, kind.hasTransactionalDdl()), ddl,
                new VersionTable(scripts.versionTable(), ddl), simulator, !applied.isEmpty());
    }

    private static VersionTable versionTable(ScriptDirectory scripts, DatabaseUrl url) {
        return new VersionTable(scripts.versionTable(), DdlRenderer.forKind(url.kind()));
    }

    private static Connection openForWriting(DatabaseUrl url) {
        logContext(url);
        Properties extra = new Properties();
        if (url.kind() == DatabaseKind.SQLITE) {
            extra.setProperty("transaction_mode", "IMMEDIATE"); // take the write lock at BEGIN
            url.sqliteDatabaseFile().map(Path::getParent).ifPresent(MigrationCommands::createDirectories);
        }
        return new ConnectionFactory(url).open(extra);
    }

    /** A read-only connection, or none for a SQLite file that does not exist yet (an empty database). */
    private static Optional<Connection> openReadOnly(DatabaseUrl url) {
        logContext(url);
        if (url.sqliteDatabaseFile().filter(file -> !Files.exists(file)).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new ConnectionFactory(url).openReadOnly());
    }

    private static void logContext(DatabaseUrl url) {
        log.info("Context impl {}.", url.kind().displayName());
        log.info("Will assume {}transactional DDL.", url.kind().hasTransactionalDdl() ? "" : "non-");
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Set<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
