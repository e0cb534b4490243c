package microblog.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import microblog.db.url.DatabaseKind;
import microblog.db.url.DatabaseUrl;
import microblog.migrate.autogenerate.Changes;
import microblog.migrate.autogenerate.ModelSchemaReader;
import microblog.migrate.dialect.MigrationDialect;
import microblog.migrate.engine.DescribedSchema;
import microblog.migrate.engine.EditedRevisions;
import microblog.migrate.engine.ForeignRevisions;
import microblog.migrate.engine.HalfAppliedRevisions;
import microblog.migrate.engine.MigrationConnections;
import microblog.migrate.engine.ModelComparison;
import microblog.migrate.engine.NewRevision;
import microblog.migrate.engine.PartialRuns;
import microblog.migrate.engine.RepositoryTemplate;
import microblog.migrate.engine.RevisionAuthor;
import microblog.migrate.engine.RevisionTargets;
import microblog.migrate.engine.RevisionTester;
import microblog.migrate.engine.SampleRows;
import microblog.migrate.engine.ScratchDatabase;
import microblog.migrate.engine.TableExclusions;
import microblog.migrate.runtime.AppliedRevisions;
import microblog.migrate.runtime.ConcurrentMigrationException;
import microblog.migrate.runtime.DataLossPolicy;
import microblog.migrate.runtime.MigrationLock;
import microblog.migrate.runtime.MigrationRunner;
import microblog.migrate.runtime.PartialRun;
import microblog.migrate.runtime.ScriptSink;
import microblog.migrate.runtime.VersionTable;
import microblog.migrate.schema.Schema;
import microblog.migrate.script.Revision;
import microblog.migrate.script.RevisionFile;
import microblog.migrate.script.RevisionGraph;
import microblog.migrate.script.ScriptDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migrations of one application on one database, as a Java API: where
 * the database stands, the revisions, and upgrade, downgrade, stamp and check,
 * each returning what it found or did. Nothing is printed; progress is logged
 * (SLF4J, logger {@code microblog.migrate.Migrations}), as Alembic logs it.
 *
 * <pre>{@code
 * Migrations migrations = Migrations.builder()
 *         .dataSource(dataSource)              // or .url("postgresql://...")
 *         .classpath("db/migrations")          // or .directory(Path.of("migrations"))
 *         .build();
 * MigrationResult result = migrations.upgrade();
 * }</pre>
 *
 * <p>Reading methods never write to the database. Writing ones take the
 * migration lock first, so two processes starting at once migrate once; a
 * revision that would destroy rows the database holds is refused before any
 * of it runs, unless {@link Builder#acceptDataLoss()} was given.
 */
public final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);
    private static final int MAX_ATTEMPTS = 5;

    private final Path directory;
    private final Supplier<TargetDatabase> database;
    private final Supplier<? extends Collection<Class<?>>> entities;
    private final DataLossPolicy dataLoss;
    private final String tag;

    private Migrations(Builder builder) {
        this.directory = builder.directory;
        this.database = builder.database;
        this.entities = builder.entities;
        this.dataLoss = builder.dataLoss;
        this.tag = builder.tag;
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- reading ----

    /** The revisions the database stands at (empty at base), as its version table names them. */
    public Set<String> current() {
        return status(false).current();
    }

    /** Where the database stands, with its record of when each revision was applied. */
    public DatabaseStatus status() {
        return status(true);
    }

    /**
     * Where the database stands and, if asked, its record of applied revisions.
     *
     * @param current the revisions the database stands at, as its version table names them
     * @param record  each applied revision's record (when, how long, tag), by id
     */
    public record DatabaseStatus(Set<String> current, Map<String, AppliedRevisions.Applied> record) {}

    private DatabaseStatus status(boolean withRecord) {
        ScriptDirectory scripts = scripts();
        RevisionGraph graph = scripts.graph();
        TargetDatabase target = database.get();
        try (Connection connection = MigrationConnections.openReadOnly(target).orElse(null)) {
            if (connection == null) {
                return new DatabaseStatus(Set.of(), Map.of());
            }
            HalfAppliedRevisions.warn(connection, scripts, target);
            Set<String> heads = RevisionTargets.known(
                    graph, versionTable(scripts, target.kind()).heads(connection));
            return new DatabaseStatus(
                    heads,
                    !withRecord
                            ? Map.of()
                            : new AppliedRevisions(scripts.versionTable(), MigrationDialect.forKind(target.kind()))
                                    .read(connection));
        } catch (SQLException e) {
            throw new MigrationException("cannot read the version table: " + e.getMessage(), e);
        }
    }

    /** The revisions with nothing after them: where an upgrade goes. */
    public List<Revision> heads() {
        RevisionGraph graph = scripts().graph();
        return graph.heads().stream().map(graph::get).toList();
    }

    /** All revisions, newest first. */
    public List<Revision> history() {
        List<Revision> ordered = new ArrayList<>(scripts().graph().topologicalOrder());
        Collections.reverse(ordered);
        return ordered;
    }

    /** The revisions {@link #upgrade()} would apply, oldest first. */
    public List<Revision> pending() {
        RevisionGraph graph = scripts().graph();
        return graph.upgradePath(current(), graph.heads());
    }

    /**
     * Compares the entities with the database, which must stand at the heads:
     * what a new revision would have to do. Reads only.
     */
    public CheckResult check() {
        ScriptDirectory scripts = scripts();
        RevisionGraph graph = scripts.graph();
        Changes changes = compareWithEntities(scripts, graph, new LinkedHashSet<>(graph.heads()));
        return new CheckResult(changes.upgrade(), changes.findings(), changes.warnings());
    }

    /**
     * The changes that bring a database standing at {@code expected} to the
     * entities, for a command that writes them into a revision.
     */
    public Changes compareWithEntities(ScriptDirectory scripts, RevisionGraph graph, Set<String> expected) {
        TargetDatabase target = database.get();
        return new ModelComparison(
                        target,
                        scripts,
                        versionTable(scripts, target.kind()),
                        graph,
                        new TableExclusions(scripts.excludedTables()))
                .compare(entityClasses(), expected);
    }

    /**
     * The tables the entities map to, as they would be made on this kind of database (what
     * {@link #check()} compares the database with). Boots Hibernate; reads no database.
     */
    public Schema entitySchema() {
        return ModelSchemaReader.read(entityClasses(), database.get().kind());
    }

    /**
     * The database's tables as the revisions see them: without the migration tool's own and
     * those {@code exclude_tables} names in migrate.yaml; empty where there is no database yet.
     * Reads only, and needs no repository (without one, no table is excluded).
     */
    public Schema liveSchema() {
        TargetDatabase target = database.get();
        Optional<ScriptDirectory> scripts =
                ScriptDirectory.exists(directory) ? Optional.of(scripts()) : Optional.empty();
        try (Connection connection = MigrationConnections.openReadOnly(target).orElse(null)) {
            if (connection == null) {
                return Schema.empty();
            }
            return DescribedSchema.live(
                    connection,
                    scripts.map(ScriptDirectory::versionTable).orElse(ScriptDirectory.DEFAULT_VERSION_TABLE),
                    scripts.map(ScriptDirectory::excludedTables).orElse(List.of()),
                    target.kind());
        } catch (SQLException e) {
            throw new MigrationException("cannot read the database: " + e.getMessage(), e);
        }
    }

    private Collection<Class<?>> entityClasses() {
        Collection<Class<?>> classes = entities.get();
        if (classes == null || classes.isEmpty()) {
            throw new MigrationException("no entity classes given: name them with Builder.entities(...), as check() "
                    + "and generate() compare them with the database");
        }
        return classes;
    }

    // ---- writing revisions (while developing) ----

    /**
     * Creates an empty migrations repository at {@code directory} (what
     * {@code db init} does), refusing a directory that holds anything.
     */
    public static Path createRepository(Path directory) {
        return createRepository(directory, (step, path) -> {});
    }

    /**
     * The same, telling {@code progress} of each step as it is done, such as
     * ({@code "Creating directory"}, the directory), as {@code db init} prints them.
     */
    public static Path createRepository(Path directory, BiConsumer<String, Path> progress) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new MigrationException("directory " + dir + " already exists and is not empty: "
                                + "remove it or choose another one (-d DIR)");
                    }
                }
            }
            Files.createDirectories(dir);
            progress.accept("Creating directory", dir);
            Files.createDirectories(dir.resolve("versions"));
            progress.accept("Creating directory", dir.resolve("versions"));
            Files.writeString(dir.resolve(ScriptDirectory.CONFIG_FILE), RepositoryTemplate.config());
            progress.accept("Generating", dir.resolve(ScriptDirectory.CONFIG_FILE));
            Files.writeString(dir.resolve("README"), RepositoryTemplate.readme());
            progress.accept("Generating", dir.resolve("README"));
            Files.writeString(dir.resolve("versions").resolve(".gitkeep"), "");
        } catch (IOException e) {
            throw new MigrationException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /**
     * Writes a revision with the operations that bring the database (which
     * must stand at the one head) to the entities, as {@code db migrate} does,
     * each change logged; empty if there is none. The database is only read.
     * The repository must be a directory: a packaged one cannot change.
     */
    public Optional<Revision> generate(String message) {
        ScriptDirectory scripts = scripts();
        scripts.requireWritable("write a revision");
        RevisionAuthor author = new RevisionAuthor(this, scripts);
        List<String> heads = author.heads();
        if (heads.size() > 1) {
            throw new MigrationException("there are " + heads.size() + " heads (" + String.join(", ", heads)
                    + "): merge them into one first ('db merge heads')");
        }
        return author.autogenerate(NewRevision.withMessage(message)).map(file -> {
            log.info("Generated {}", file.toAbsolutePath());
            return RevisionFile.read(file);
        });
    }

    // ---- applying ----

    /** Applies every pending revision, up to the heads. */
    public MigrationResult upgrade() {
        return upgrade("heads");
    }

    /**
     * Applies revisions up to {@code target}: {@code head} (the one head),
     * {@code heads}, a revision id or a unique prefix of one, {@code +N},
     * {@code LABEL@head}.
     */
    public MigrationResult upgrade(String target) {
        requireTarget("upgrade", target, "head, heads, a revision id or +N");
        if (target.startsWith("-")) {
            throw new MigrationException("upgrade goes up only: to undo revisions, downgrade to " + target);
        }
        ScriptDirectory scripts = scripts();
        RevisionGraph graph = scripts.graph();
        return onLockedDatabase(scripts, graph, "upgrade", (runner, recorded, connection) -> {
            Set<String> current = RevisionTargets.known(graph, recorded);
            Optional<PartialRun> stopped = stoppedRun(connection, scripts, graph, current);
            if (stopped.isPresent()) { // finish a revision stopped going up; undo one stopped going down
                if (stopped.get().direction().equals("upgrade")) {
                    current = runner.finish(graph, current, stopped.get());
                } else {
                    runner.undo(stopped.get());
                }
            }
            Set<String> to = RevisionTargets.heads(graph, target, current);
            RevisionTargets.requireNotBelow(graph, current, to);
            return runner.upgrade(graph, current, graph.upgradePath(current, to));
        });
    }

    /** Undoes revisions down to {@code target}: {@code -N}, {@code base}, or a revision. */
    public MigrationResult downgrade(String target) {
        requireTarget("downgrade", target, "-N, base or a revision id");
        ScriptDirectory scripts = scripts();
        RevisionGraph graph = scripts.graph();
        return onLockedDatabase(scripts, graph, "downgrade", (runner, recorded, connection) -> {
            Set<String> current = RevisionTargets.known(graph, recorded);
            String rest = target;
            Optional<PartialRun> stopped = stoppedRun(connection, scripts, graph, current);
            if (stopped.isPresent()) { // undo a revision stopped going up; finish one stopped going down
                if (stopped.get().direction().equals("upgrade")) {
                    runner.undo(stopped.get());
                } else {
                    current = runner.finish(graph, current, stopped.get());
                }
                rest = afterOneStep(target);
                if (rest == null) {
                    return current;
                }
            }
            return runner.downgrade(graph, current, RevisionTargets.downgradePath(graph, current, rest));
        });
    }

    /**
     * A revision that stopped half-way where schema changes commit one at a time, placed by the
     * live schema: {@code upgrade} and {@code downgrade} finish or undo it before anything else.
     */
    private Optional<PartialRun> stoppedRun(
            Connection connection, ScriptDirectory scripts, RevisionGraph graph, Set<String> current) {
        return PartialRuns.locate(connection, scripts, graph, database.get(), current, scripts.lockTimeout());
    }

    /** What is left of a downgrade to {@code target} once a stopped revision counted as its first step; null for nothing. */
    private static String afterOneStep(String target) {
        if (target.matches("-\\d+")) {
            int steps = Integer.parseInt(target.substring(1));
            return steps <= 1 ? null : "-" + (steps - 1);
        }
        return target;
    }

    /**
     * Records the database as standing at {@code target} without running any
     * revision, once its schema is found to be the one {@code target} describes
     * (as for a database made by another tool, or by Hibernate).
     */
    public MigrationResult stamp(String target) {
        return stamp(target, false);
    }

    /** The same, first emptying the version table, whatever revisions it names, and without comparing schemas. */
    public MigrationResult purgeAndStamp(String target) {
        return stamp(target, true);
    }

    private MigrationResult stamp(String target, boolean purge) {
        requireTarget("stamp", target, "an id, head or base");
        ScriptDirectory scripts = scripts();
        RevisionGraph graph = scripts.graph();
        // Stamping is how a database at a revision no file defines gets adopted, so only a
        // relative target (+N) needs the recorded revision to be known.
        return onLockedDatabase(scripts, graph, "stamp", (runner, recorded, connection) -> {
            Set<String> to = RevisionTargets.heads(
                    graph, target, target.startsWith("+") ? RevisionTargets.known(graph, recorded) : recorded);
            if (purge) {
                runner.purgeAndStamp(recorded, to, graph.ancestry(to), stampedOn(graph, recorded, to));
            } else {
                ForeignRevisions.requireSchemaOf(to, connection, scripts, graph, recorded, database.get());
                runner.stamp(recorded, to, graph.ancestry(to), stampedOn(graph, recorded, to));
            }
            return to;
        });
    }

    /**
     * Records the revisions the database stands at as applied in their present
     * form, after checking that its schema is what they describe; returns the
     * revisions whose record changed.
     */
    public List<String> repair() {
        ScriptDirectory scripts = scripts();
        RevisionGraph graph = scripts.graph();
        List<String> changed = new ArrayList<>();
        onLockedDatabase(scripts, graph, "repair", (runner, recorded, connection) -> {
            Set<String> heads = RevisionTargets.known(graph, recorded);
            TargetDatabase target = database.get();
            List<String> differences = DescribedSchema.differences(
                    DescribedSchema.at(graph, heads),
                    DescribedSchema.live(connection, scripts, target),
                    MigrationDialect.forKind(target.kind()));
            if (!differences.isEmpty()) {
                throw new MigrationException("the database is not what the revisions, as they are now, describe ("
                        + String.join("; ", differences) + "); nothing was recorded. Bring the database in line with "
                        + "the edited revision, or undo the edit");
            }
            changed.addAll(runner.repair(graph, heads));
            return recorded;
        });
        return changed;
    }

    // ---- trying the revisions ----

    /** Tries every revision on a scratch database, as {@link #testRevisions(RevisionTestListener)} does, heard by no one. */
    public RevisionTestResult testRevisions() {
        return testRevisions(RevisionTestListener.NONE);
    }

    /**
     * Tries every revision on a scratch database of the configured kind (a temporary SQLite
     * file, or a temporary database on the same server, made and dropped here): each goes up,
     * down and up again, oldest first, and after every step the schema must be what the
     * revisions describe; at head, what the entities map to, if any were given. The first
     * difference fails, naming the revision, the step and what differs. After each upgrade
     * every table is given sample rows, so that the steps run on rows: losses are accepted,
     * but a step that cannot run on them fails, naming the revision and the step. The configured
     * database itself is never touched; it must be given by URL, for the scratch one to be
     * made beside it.
     */
    public RevisionTestResult testRevisions(RevisionTestListener listener) {
        ScriptDirectory scripts = scripts();
        RevisionGraph graph = scripts.graph();
        DatabaseUrl url = database.get()
                .url()
                .orElseThrow(() -> new MigrationException(
                        "db test makes a scratch database beside the configured one, so it needs a database URL, not a "
                                + "DataSource"));
        Collection<Class<?>> given = entities.get();
        Collection<Class<?>> models = given == null ? List.of() : given;
        try (ScratchDatabase scratch = ScratchDatabase.create(url)) {
            listener.started(scratch.url(), graph.topologicalOrder().size());
            try (Connection connection = MigrationConnections.openForWriting(TargetDatabase.of(scratch.url()))) {
                boolean matchesEntities = new RevisionTester(
                                connection,
                                MigrationDialect.forKind(url.kind()),
                                versionTable(scripts, url.kind()),
                                new TableExclusions(scripts.excludedTables()))
                        .test(graph, models, listener);
                return new RevisionTestResult(
                        scratch.url(), graph.topologicalOrder(), matchesEntities, SampleRows.ROWS);
            } catch (SQLException e) {
                throw new MigrationException("cannot use the scratch database: " + e.getMessage(), e);
            } catch (MigrationException e) {
                throw new MigrationException(
                        "db test, on the scratch database (" + url + " was not touched): " + e.getMessage(), e);
            }
        }
    }

    // ---- SQL for a DBA to run ----

    /**
     * The SQL an upgrade over {@code range} ({@code FROM:TO}, or just {@code TO}
     * from base) would run, for the database's kind; the database is not read.
     */
    public String upgradeSql(String range) {
        ScriptDirectory scripts = scripts();
        RevisionGraph graph = scripts.graph();
        String[] fromTo = RevisionTargets.range(range);
        Set<String> from = fromTo[0] == null ? Set.of() : RevisionTargets.heads(graph, fromTo[0], Set.of());
        Set<String> to = RevisionTargets.heads(graph, fromTo[1], from);
        RevisionTargets.requireNotBelow(graph, from, to);
        return offline(scripts, graph, from, runner -> runner.upgrade(graph, from, graph.upgradePath(from, to)));
    }

    /** The SQL a downgrade over {@code range} ({@code FROM:TO}, as {@code head:base}) would run. */
    public String downgradeSql(String range) {
        ScriptDirectory scripts = scripts();
        RevisionGraph graph = scripts.graph();
        String[] fromTo = RevisionTargets.range(range);
        if (fromTo[0] == null) {
            throw new MigrationException("downgrade --sql needs a starting point: give FROM:TO, as in head:base");
        }
        Set<String> from = RevisionTargets.heads(graph, fromTo[0], Set.of());
        List<Revision> path = RevisionTargets.downgradePath(graph, from, fromTo[1]);
        return offline(scripts, graph, graph.ancestry(from), runner -> runner.downgrade(graph, from, path));
    }

    /** The SQL a stamp over {@code range} would run; with {@code purge}, emptying the version table first. */
    public String stampSql(String range, boolean purge) {
        ScriptDirectory scripts = scripts();
        RevisionGraph graph = scripts.graph();
        String[] fromTo = RevisionTargets.range(range);
        Set<String> from = fromTo[0] == null ? Set.of() : RevisionTargets.heads(graph, fromTo[0], Set.of());
        Set<String> to = RevisionTargets.heads(graph, fromTo[1], from);
        return offline(scripts, graph, from, runner -> {
            if (purge) {
                runner.purgeAndStamp(from, to, graph.ancestry(to), stampedOn(graph, from, to));
            } else {
                runner.stamp(from, to, graph.ancestry(to), stampedOn(graph, from, to));
            }
        });
    }

    // ---- helpers ----

    private static void requireTarget(String command, String target, String forms) {
        if (target == null || target.isBlank()) {
            throw new MigrationException(command + " needs a target revision: " + forms);
        }
    }

    /** The repository of revisions these migrations read. */
    public ScriptDirectory scripts() {
        return ScriptDirectory.open(directory);
    }

    /** The database these migrations work on. */
    public TargetDatabase database() {
        return database.get();
    }

    /** What a writing command does once it holds the migration lock; returns the heads it reached. */
    @FunctionalInterface
    private interface LockedWork {
        Set<String> run(MigrationRunner runner, Set<String> recordedHeads, Connection connection);
    }

    /**
     * Opens the database for writing, takes the migration lock, and hands over
     * the runner. If another process moves the database between planning and
     * applying (possible on SQLite, which has no session lock), the work is
     * planned again from where the database now stands.
     */
    private MigrationResult onLockedDatabase(
            ScriptDirectory scripts, RevisionGraph graph, String command, LockedWork work) {
        TargetDatabase target = database.get();
        MigrationDialect ddl = MigrationDialect.forKind(target.kind());
        VersionTable versions = versionTable(scripts, target.kind());
        try (Connection connection = MigrationConnections.openForWriting(target);
                MigrationLock lock = MigrationLock.acquire(
                        connection,
                        target::openForWriting,
                        ddl,
                        scripts.lockTimeout(),
                        scripts.lockLease(),
                        versions.name())) {
            if (!command.equals("stamp") && !command.equals("repair")) {
                if (!command.equals("upgrade") && !command.equals("downgrade")) { // those two finish or undo it
                    HalfAppliedRevisions.refuseToGoOn(connection, scripts, target);
                }
                EditedRevisions.refuse(connection, scripts, graph, target);
            }
            Set<String> from = versions.heads(connection);
            List<MigrationStep> steps = new ArrayList<>();
            for (int attempt = 1; ; attempt++) {
                MigrationRunner runner = MigrationRunner.online(connection, ddl, versions, dataLoss, lock)
                        .tagged(tag)
                        .transactionPerMigration(scripts.transactionPerMigration());
                try {
                    Set<String> to = work.run(runner, versions.heads(connection), connection);
                    steps.addAll(runner.steps());
                    return new MigrationResult(from, to, steps);
                } catch (ConcurrentMigrationException e) {
                    steps.addAll(runner.steps());
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

    /** Runs {@code work} offline, from where {@code applied} leaves the database, and returns the SQL it wrote. */
    private String offline(
            ScriptDirectory scripts, RevisionGraph graph, Set<String> applied, Consumer<MigrationRunner> work) {
        DatabaseKind kind = database.get().kind();
        MigrationDialect ddl = MigrationDialect.forKind(kind);
        ScriptSink sql = new ScriptSink(kind.hasTransactionalDdl());
        work.accept(MigrationRunner.offline(
                        sql,
                        ddl,
                        new VersionTable(scripts.versionTable(), ddl),
                        DescribedSchema.at(graph, applied),
                        !applied.isEmpty())
                .tagged(tag)
                .transactionPerMigration(scripts.transactionPerMigration()));
        return sql.script();
    }

    /** The revisions applied at {@code to} and not at {@code from}, oldest first, as far as the files know them. */
    private static List<Revision> stampedOn(RevisionGraph graph, Set<String> from, Set<String> to) {
        Set<String> known = new LinkedHashSet<>();
        from.stream().filter(id -> graph.get(id) != null).forEach(known::add);
        return graph.upgradePath(known, to);
    }

    private static VersionTable versionTable(ScriptDirectory scripts, DatabaseKind kind) {
        return new VersionTable(scripts.versionTable(), MigrationDialect.forKind(kind));
    }

    /** How to build {@link Migrations}: a database and a repository of revisions are required. */
    public static final class Builder {
        private Path directory;
        private Supplier<TargetDatabase> database;
        private Supplier<? extends Collection<Class<?>>> entities = () -> null;
        private DataLossPolicy dataLoss = DataLossPolicy.REFUSE;
        private String tag;

        private Builder() {}

        /** The revisions in a migrations repository on disk (the directory {@code db init} made). */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /**
         * The revisions packaged with the application, at {@code location} on
         * the class path (a directory or inside a jar), found through this
         * class's loader.
         */
        public Builder classpath(String location) {
            return classpath(location, Migrations.class.getClassLoader());
        }

        /** The same, found through {@code loader}. */
        public Builder classpath(String location, ClassLoader loader) {
            this.directory = ClasspathRepository.locate(location, loader);
            return this;
        }

        /**
         * The database behind the application's own pool. On PostgreSQL and MySQL/MariaDB a
         * command that changes the schema borrows two connections at once (the migration's, and
         * one that keeps the migration lock's lease renewed): the pool must allow two.
         */
        public Builder dataSource(DataSource dataSource) {
            return database(TargetDatabase.of(dataSource));
        }

        /** The database at {@code url}: {@code sqlite:///app.db}, {@code postgresql://...}, or a JDBC URL. */
        public Builder url(String url) {
            return database(TargetDatabase.of(DatabaseUrl.parse(url, Path.of("").toAbsolutePath())));
        }

        public Builder database(TargetDatabase database) {
            return database(() -> database);
        }

        /** A database looked up only when a method needs one, so that reading the revisions never does. */
        public Builder database(Supplier<TargetDatabase> database) {
            this.database = database;
            return this;
        }

        /** The entity classes {@link #check()} compares with the database. */
        public Builder entities(Collection<Class<?>> entityClasses) {
            List<Class<?>> copy = List.copyOf(entityClasses);
            return entities(() -> copy);
        }

        public Builder entities(Class<?>... entityClasses) {
            return entities(List.of(entityClasses));
        }

        /** Entity classes looked up only when {@link #check()} needs them. */
        public Builder entities(Supplier<? extends Collection<Class<?>>> entityClasses) {
            this.entities = entityClasses;
            return this;
        }

        /**
         * Runs revisions that drop tables or columns holding data, narrow a
         * column, or make one NOT NULL over NULLs; each loss is logged as a warning.
         */
        public Builder acceptDataLoss() {
            this.dataLoss = DataLossPolicy.ACCEPT;
            return this;
        }

        /** Records {@code tag} (a release name, say) with each revision applied or stamped. */
        public Builder tag(String tag) {
            if (tag != null && (tag.isBlank() || tag.length() > 255)) {
                throw new MigrationException("--tag '" + tag + "' "
                        + (tag.isBlank()
                                ? "is empty: give a name"
                                : "is " + tag.length() + " characters long: the record keeps 255")
                        + ", or leave --tag out");
            }
            this.tag = tag;
            return this;
        }

        public Migrations build() {
            if (directory == null) {
                throw new MigrationException(
                        "no migrations repository given: Builder.directory(...) or classpath(...)");
            }
            if (database == null) {
                throw new MigrationException("no database given: Builder.dataSource(...), url(...) or database(...)");
            }
            return new Migrations(this);
        }
    }
}
