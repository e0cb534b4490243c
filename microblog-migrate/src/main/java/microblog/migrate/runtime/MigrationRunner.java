package microblog.migrate.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import microblog.migrate.DataLossException;
import microblog.migrate.MigrationException;
import microblog.migrate.MigrationStep;
import microblog.migrate.MigrationStep.Direction;
import microblog.migrate.RevisionFailedException;
import microblog.migrate.dialect.MigrationDialect;
import microblog.migrate.dialect.TableLookup;
import microblog.migrate.operations.DataLossRisk;
import microblog.migrate.operations.ExecuteSql;
import microblog.migrate.operations.Operation;
import microblog.migrate.schema.LiveSchemaReader;
import microblog.migrate.script.Revision;
import microblog.migrate.script.RevisionFile;
import microblog.migrate.script.RevisionGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies and undoes revisions: each revision's statements and the version
 * table update run in one transaction, so on a database with transactional DDL
 * a failing revision leaves nothing behind, and everywhere the version table
 * names exactly the revisions that completed.
 */
public final class MigrationRunner {
    private static final Logger log = LoggerFactory.getLogger(MigrationRunner.class);

    private final MigrationDialect ddl;
    private final VersionTable versionTable;
    private final SqlSink sink;
    private final Connection connection; // null when writing offline SQL
    private final SchemaSimulator simulator; // null when online
    private final TableLookup tables;
    private final DataLossPolicy dataLoss;
    private final ProgressRecord progress; // null where DDL is transactional, or offline
    private final MigrationLock lock; // null offline, and on a scratch database no other process knows
    private boolean versionTableExists;
    private final List<String> completed = new ArrayList<>(); // revisions this runner has run, for messages
    private final List<MigrationStep> steps = new ArrayList<>(); // the same, with how long each took
    private final AppliedRevisions applied;
    private boolean appliedTableReady;
    private String tag; // recorded with each revision applied or stamped, or null
    private boolean transactionPerMigration; // else, where DDL is transactional, one transaction per command
    private Set<String> commandStart; // while the command's one transaction is open: the heads it began at

    private MigrationRunner(
            MigrationDialect ddl,
            VersionTable versionTable,
            SqlSink sink,
            Connection connection,
            SchemaSimulator simulator,
            boolean versionTableExists,
            DataLossPolicy dataLoss,
            MigrationLock lock) {
        this.ddl = ddl;
        this.lock = lock;
        this.versionTable = versionTable;
        this.sink = sink;
        this.connection = connection;
        this.simulator = simulator;
        this.versionTableExists = versionTableExists;
        this.dataLoss = dataLoss;
        this.applied = new AppliedRevisions(versionTable.name(), ddl);
        this.progress = connection != null && ProgressRecord.isNeeded(ddl.kind())
                ? new ProgressRecord(
                        connection, ddl, versionTable.name(), lock == null ? LockHolder.thisProcess() : lock.holder())
                : null;
        this.tables = connection == null
                ? simulator
                : new LiveTables(new LiveSchemaReader(connection, ddl.catalog(), versionTable.bookkeepingTables()));
    }

    /**
     * Runs on {@code connection}, under {@code lock} (null for a database no other process
     * knows of, such as a scratch one): a statement is run only while the lock is surely held.
     */
    public static MigrationRunner online(
            Connection connection,
            MigrationDialect ddl,
            VersionTable versionTable,
            DataLossPolicy dataLoss,
            MigrationLock lock) {
        try {
            return new MigrationRunner(
                    ddl,
                    versionTable,
                    new ConnectionSink(connection),
                    connection,
                    null,
                    versionTable.exists(connection),
                    dataLoss,
                    lock);
        } catch (SQLException e) {
            throw new MigrationException("cannot read the version table: " + e.getMessage(), e);
        }
    }

    /** Writes SQL to {@code sink}; {@code simulator} holds the schema as of the starting point. */
    public static MigrationRunner offline(
            SqlSink sink,
            MigrationDialect ddl,
            VersionTable versionTable,
            SchemaSimulator simulator,
            boolean versionTableExists) {
        return new MigrationRunner(
                ddl, versionTable, sink, null, simulator, versionTableExists, DataLossPolicy.ACCEPT, null);
    }

    /**
     * This runner, recording {@code tag} (a release name, say) with each revision it applies or
     * stamps, and naming it in the log; null for none. Alembic hands its tag to env.py; with no
     * env.py here, the record is where it is useful.
     */
    public MigrationRunner tagged(String tag) {
        this.tag = tag;
        return this;
    }

    /**
     * This runner, committing each revision on its own ({@code transaction_per_migration} in
     * migrate.yaml) rather than all of a command's revisions together where DDL is transactional.
     */
    public MigrationRunner transactionPerMigration(boolean perMigration) {
        this.transactionPerMigration = perMigration;
        return this;
    }

    /** The revisions this runner has run so far, in order, each with how long it took. */
    public List<MigrationStep> steps() {
        return List.copyOf(steps);
    }

    private String tagNote() {
        return tag == null ? "" : " (tag " + tag + ")";
    }

    /** Runs {@code path} (oldest first) on top of {@code heads}; returns the heads reached. */
    public Set<String> upgrade(RevisionGraph graph, Set<String> heads, List<Revision> path) {
        guardPath("upgrade", path, Revision::upgrade);
        return inCommandTransaction(heads, path, () -> {
            Set<String> current = new LinkedHashSet<>(heads);
            for (Revision revision : path) {
                Set<String> next = graph.headsAfterUpgrade(current, revision);
                long started = System.nanoTime();
                run(revision, "upgrade", revision.upgrade(), current, next);
                steps.add(
                        new MigrationStep(revision, Direction.UPGRADE, Duration.ofNanos(System.nanoTime() - started)));
                current = next;
            }
            return current;
        });
    }

    /** Undoes {@code path} (newest first) from {@code heads}; returns the heads reached. */
    public Set<String> downgrade(RevisionGraph graph, Set<String> heads, List<Revision> path) {
        guardPath("downgrade", path, Revision::downgrade);
        return inCommandTransaction(heads, path, () -> {
            Set<String> current = new LinkedHashSet<>(heads);
            for (Revision revision : path) {
                Set<String> next = graph.headsAfterDowngrade(current, revision);
                long started = System.nanoTime();
                run(revision, "downgrade", revision.downgrade(), current, next);
                steps.add(new MigrationStep(
                        revision, Direction.DOWNGRADE, Duration.ofNanos(System.nanoTime() - started)));
                current = next;
            }
            return current;
        });
    }

    /**
     * Runs {@code work}, the revisions of {@code path}, in one transaction where DDL is
     * transactional (PostgreSQL, SQLite), as Alembic does: a failure anywhere leaves the database
     * where the command found it. Each revision commits on its own where DDL commits at once
     * (MySQL/MariaDB, H2), for a single revision, and with {@code transaction_per_migration}.
     */
    private Set<String> inCommandTransaction(Set<String> heads, List<Revision> path, Supplier<Set<String>> work) {
        if (transactionPerMigration || !ddl.kind().hasTransactionalDdl() || path.size() < 2) {
            return work.get();
        }
        ddl.beforeRevision().forEach(sink::execute); // settings that cannot change inside a transaction
        try {
            begin();
            commandStart = Set.copyOf(heads);
            int stepsBefore = steps.size();
            int completedBefore = completed.size();
            Set<String> reached;
            try {
                reached = work.get();
            } catch (RuntimeException e) {
                sink.rollback(); // a revision's own rollback has already ended it; this is for the rest
                steps.subList(stepsBefore, steps.size()).clear(); // none of them is kept
                completed.subList(completedBefore, completed.size()).clear();
                throw e;
            } finally {
                commandStart = null;
            }
            commit();
            return reached;
        } finally {
            ddl.afterRevision().forEach(sink::execute);
        }
    }

    /**
     * Records {@code target} as the current heads without running any revision.
     * The record of applied revisions follows: all but {@code appliedAfter}
     * leave it (including revisions no file defines any more), and
     * {@code stampedOn}, newly applied, enter it as they are now.
     */
    public void stamp(Set<String> current, Set<String> target, Set<String> appliedAfter, List<Revision> stampedOn) {
        stamp(current, target, appliedAfter, stampedOn, versionTable.moveSql(current, target));
    }

    /**
     * The same, emptying the version table first ({@code stamp --purge}): for
     * a table that names revisions no longer wanted, such as another branch's.
     */
    public void purgeAndStamp(
            Set<String> current, Set<String> target, Set<String> appliedAfter, List<Revision> stampedOn) {
        List<String> statements = new ArrayList<>();
        if (versionTableExists) {
            statements.add(versionTable.purgeSql());
        }
        statements.addAll(versionTable.moveSql(Set.of(), target));
        stamp(current, target, appliedAfter, stampedOn, statements);
    }

    private void stamp(
            Set<String> current,
            Set<String> target,
            Set<String> appliedAfter,
            List<Revision> stampedOn,
            List<String> versionStatements) {
        log.info(
                "Running stamp_revision {} -> {}{}",
                String.join(", ", current),
                String.join(", ", target),
                stampedOn.isEmpty() ? "" : tagNote()); // with nothing newly stamped, no tag is recorded
        begin();
        try {
            checkUnchanged(current);
            List<String> statements = new ArrayList<>();
            if (!versionTableExists) {
                statements.add(versionTable.createSql());
            }
            statements.addAll(versionStatements);
            statements.forEach(sink::execute);
            prepareAppliedRecord();
            sink.execute(applied.keepOnlySql(appliedAfter));
            for (Revision revision : stampedOn) {
                applied.recordSql(revision.id(), RevisionFile.checksum(revision), null, tag)
                        .forEach(sink::execute);
            }
            sink.commit();
            versionTableExists = true;
            if (progress != null) {
                progress.clear();
            }
        } catch (StatementFailedException e) {
            sink.rollback();
            throw new MigrationException("stamp failed: " + e.getMessage() + " (in: " + oneLine(e.sql()) + ")", e);
        }
    }

    private void run(
            Revision revision, String direction, List<Operation> operations, Set<String> before, Set<String> after) {
        run(revision, direction, operations, before, after, null);
    }

    /** Runs {@code operations}, or, given {@code resumed}, those of it not done yet. */
    private void run(
            Revision revision,
            String direction,
            List<Operation> operations,
            Set<String> before,
            Set<String> after,
            PartialRun resumed) {
        if (commandStart != null) { // within the command's one transaction, which set them
            runInTransaction(revision, direction, operations, before, after, resumed);
            return;
        }
        ddl.beforeRevision().forEach(sink::execute);
        try {
            runInTransaction(revision, direction, operations, before, after, resumed);
        } finally {
            ddl.afterRevision().forEach(sink::execute);
        }
    }

    /**
     * Finishes {@code run}, a revision that stopped half-way, from its first operation not done;
     * returns the heads reached.
     */
    public Set<String> finish(RevisionGraph graph, Set<String> heads, PartialRun run) {
        Revision revision = run.revision();
        boolean up = run.direction().equals("upgrade");
        Set<String> next = up ? graph.headsAfterUpgrade(heads, revision) : graph.headsAfterDowngrade(heads, revision);
        log.info(
                "Finishing the {} of revision {}, which stopped {}: running the {} operation(s) left{}",
                run.direction(),
                run.name(),
                run.position(),
                run.operations().size() - run.done(),
                tagNote());
        long started = System.nanoTime();
        run(revision, run.direction(), run.operations(), heads, next, run);
        steps.add(new MigrationStep(
                revision, up ? Direction.UPGRADE : Direction.DOWNGRADE, Duration.ofNanos(System.nanoTime() - started)));
        return next;
    }

    /**
     * Undoes what ran of {@code run}, a revision that stopped half-way, newest operation first;
     * the version table, which never moved, stays as it is. The record is lowered before each
     * step, so that a run stopped again here is placed again.
     */
    public void undo(PartialRun run) {
        if (run.undoRefusal() != null) {
            throw new MigrationException("cannot undo what ran of the " + run.direction() + " of revision " + run.name()
                    + ": " + run.undoRefusal());
        }
        log.info(
                "Undoing what ran of the {} of revision {}, which stopped {}",
                run.direction(),
                run.name(),
                run.position());
        List<Operation> undoing = new ArrayList<>();
        for (int j = run.done() - 1; j >= 0; j--) {
            undoing.addAll(run.undo().get(j));
        }
        refuseIfNeeded(
                run.direction().equals("upgrade") ? "downgrade" : "upgrade", // the command that undoes it
                new DataLossGuard(connection, ddl, tables).check(undoing),
                Collections.nCopies(undoing.size(), run.revision()));
        ddl.beforeRevision().forEach(sink::execute);
        begin();
        int step = run.done();
        try {
            for (; step > 0; step--) {
                progress.adopt(run.revision().id(), run.statementsBefore().get(step - 1));
                for (String sql : ddl.renderTogether(run.undo().get(step - 1), tables)) {
                    lock.checkHeld();
                    sink.execute(sql);
                }
            }
            sink.commit();
            progress.forget(run.revision().id());
        } catch (StatementFailedException e) {
            sink.rollback();
            throw new MigrationException(
                    "undoing what ran of the " + run.direction() + " of revision " + run.name()
                            + " failed: " + oneLine(e.getMessage()) + "; it now stands after " + step
                            + " operation(s), as the "
                            + "next command will find. Statement: " + oneLine(e.sql()),
                    e);
        } finally {
            ddl.afterRevision().forEach(sink::execute);
        }
    }

    private void runInTransaction(
            Revision revision,
            String direction,
            List<Operation> operations,
            Set<String> before,
            Set<String> after,
            PartialRun resumed) {
        if (commandStart == null) {
            begin();
        }
        int first = resumed == null ? 0 : resumed.done();
        int statement = resumed == null ? 0 : resumed.statementsBefore().get(first);
        int committed = statement; // where DDL commits at once: the statements no rollback can undo
        try {
            checkUnchanged(before);
            if (resumed == null) { // said once the database is known to be where the plan expects it
                boolean up = direction.equals("upgrade");
                log.info(
                        "Running {} {} -> {}, {}{}",
                        direction,
                        up ? String.join(", ", revision.downRevisions()) : revision.id(),
                        up ? revision.id() : String.join(", ", revision.downRevisions()),
                        revision.message(),
                        tagNote());
            }
            guardData(revision, direction, operations.subList(first, operations.size()));
            Set<String> brokenBefore = foreignKeyViolations();
            if (progress != null) {
                if (resumed == null) {
                    progress.start(revision.id(), direction);
                } else {
                    progress.adopt(revision.id(), statement);
                }
            }
            if (!versionTableExists) {
                sink.execute(versionTable.createSql());
            }
            prepareAppliedRecord();
            long started = System.nanoTime();
            boolean afterHandWrittenSql = false;
            for (int next = first; next < operations.size(); ) {
                // Usually one operation; on SQLite, a run of steps on one table sharing one rebuild.
                List<Operation> together = operations.subList(next, next + ddl.renderedTogether(operations, next));
                next += together.size();
                for (Operation operation : together) {
                    if (simulator != null) { // offline: nothing to count, so the script says what may be lost
                        DataLossRisk.of(operation).ifPresent(risk -> sink.comment("Data loss: this step " + risk));
                    }
                    if (afterHandWrittenSql) {
                        guardStep(revision, direction, operation, committed);
                    }
                    afterHandWrittenSql |= operation instanceof ExecuteSql;
                }
                for (String sql : ddl.renderTogether(together, tables)) {
                    statement++;
                    boolean commitsAtOnce = progress != null && ProgressRecord.commitsAtOnce(sql);
                    if (commitsAtOnce) {
                        committed = statement - 1; // MySQL commits all before it as it starts, even if it then fails
                    }
                    if (lock != null) {
                        lock.checkHeld();
                    }
                    sink.execute(sql);
                    if (progress != null) {
                        progress.statementDone(revision.id(), commitsAtOnce);
                        committed = commitsAtOnce ? statement : committed;
                    }
                }
                if (simulator != null) {
                    together.forEach(simulator::apply);
                }
            }
            checkForeignKeys(revision, direction, brokenBefore);
            List<String> bookkeeping = new ArrayList<>(versionTable.moveSql(before, after));
            if (direction.equals("upgrade")) {
                bookkeeping.addAll(applied.recordSql(
                        revision.id(),
                        RevisionFile.checksum(revision),
                        connection == null ? null : (System.nanoTime() - started) / 1_000_000,
                        tag));
            } else {
                bookkeeping.add(applied.forgetSql(revision.id()));
            }
            if (progress != null) {
                bookkeeping.add(progress.finishSql(revision.id()));
            }
            sink.executeAll(bookkeeping);
            if (commandStart == null) {
                sink.commit();
            }
            versionTableExists = true;
            completed.add(revision.id());
        } catch (StatementFailedException e) {
            sink.rollback();
            forgetIfNothingRan(revision, committed);
            if (SqlErrors.isConflict((SQLException) e.getCause(), ddl.kind())
                    && (ddl.kind().hasTransactionalDdl() || committed == 0)) {
                throw new ConcurrentMigrationException("the database aborted the " + direction + " of revision "
                        + revision.id() + " for a conflict with another transaction (" + oneLine(e.getMessage())
                        + "); nothing of it was kept");
            }
            String undone = commandStart != null && !completed.isEmpty()
                    ? "its changes were rolled back, and with them those of " + String.join(", ", completed)
                            + ", run before it by this command in the same transaction ('transaction_per_migration: "
                            + "true' in migrate.yaml commits each revision on its own)"
                    : ddl.kind().hasTransactionalDdl()
                            ? "its changes were rolled back"
                            : committed == 0
                                    ? "no schema change before it had run, and its other changes were rolled back"
                                    : ddl.kind().displayName() + " commits schema changes at once, so the first "
                                            + committed
                                            + " statement(s) stay applied (recorded in "
                                            + ProgressRecord.tableName(versionTable.name()) + ")";
            throw new RevisionFailedException(
                    direction + " of revision " + revision.id() + " (" + revision.message()
                            + ") failed at statement " + statement + ": " + oneLine(e.getMessage()) + "; " + undone
                            + "; the version table still says " + describe(commandStart != null ? commandStart : before)
                            + ". Statement: " + oneLine(e.sql()),
                    revision.id(),
                    direction.equals("upgrade") ? Direction.UPGRADE : Direction.DOWNGRADE,
                    statement,
                    e.sql(),
                    e);
        } catch (RuntimeException e) { // includes ConcurrentMigrationException: nothing was written
            sink.rollback();
            forgetIfNothingRan(revision, committed);
            throw e;
        }
    }

    /** A revision that stopped before its first schema change left the schema as it was: nothing to recover. */
    private void forgetIfNothingRan(Revision revision, int statementsDone) {
        if (progress != null && statementsDone == 0) {
            progress.forget(revision.id());
        }
    }

    /**
     * Before anything runs: refuses (unless accepted) a step of {@code path}
     * that would destroy rows or values this database holds, and always one
     * that cannot run on the rows there are; names every such step at once.
     * Operations on tables or columns the path itself creates are not counted.
     */
    private void guardPath(String direction, List<Revision> path, Function<Revision, List<Operation>> operations) {
        if (connection == null) {
            return;
        }
        List<Operation> all = new ArrayList<>();
        List<Revision> owners = new ArrayList<>();
        Set<Integer> revisionStarts = new LinkedHashSet<>();
        for (Revision revision : path) {
            revisionStarts.add(all.size());
            operations.apply(revision).forEach(op -> {
                all.add(op);
                owners.add(revision);
            });
        }
        boolean oneTransaction =
                ddl.kind().hasTransactionalDdl() && !transactionPerMigration; // a later refusal undoes it all
        refuseIfNeeded(
                direction,
                new DataLossGuard(connection, ddl, tables).check(all, oneTransaction ? Set.of() : revisionStarts),
                owners);
    }

    /** Inside a revision's transaction, where the rows are as they now are: refuses again, or logs each loss. */
    private void guardData(Revision revision, String direction, List<Operation> operations) {
        for (Operation operation : operations) {
            if (operation instanceof ExecuteSql execute
                    && execute.sqlFor(ddl.key()).isEmpty()) {
                throw new MigrationException("the " + direction + " of revision " + revision.id() + " ("
                        + revision.message() + ") has an execute with no SQL for "
                        + ddl.kind().displayName()
                        + "; nothing was changed. Add a '" + ddl.key() + ":' variant to it, or 'sql:' for every "
                        + "database");
            }
        }
        if (connection == null) {
            return;
        }
        List<DataLossGuard.Hazard> hazards = new DataLossGuard(connection, ddl, tables).check(operations);
        refuseIfNeeded(direction, hazards, Collections.nCopies(operations.size(), revision)); // rows as they now are
        hazards.forEach(h -> log.warn("Accepted data loss: {} will {}", revision.id(), h.phrase()));
    }

    /**
     * A step after hand-written SQL, checked once that SQL has run (see
     * {@link DataLossGuard#check}); some of the revision may already be done.
     */
    private void guardStep(Revision revision, String direction, Operation operation, int statementsDone) {
        if (connection == null) {
            return;
        }
        List<DataLossGuard.Hazard> hazards = new DataLossGuard(connection, ddl, tables).check(List.of(operation));
        List<DataLossGuard.Hazard> refused = hazards.stream()
                .filter(h -> !h.acceptable() || dataLoss == DataLossPolicy.REFUSE)
                .toList();
        if (!refused.isEmpty()) {
            String undone = ddl.kind().hasTransactionalDdl() || statementsDone == 0
                    ? "its changes were rolled back"
                    : "the first " + statementsDone + " statement(s) stay applied (recorded in "
                            + ProgressRecord.tableName(versionTable.name()) + ")";
            throw new DataLossException(describe(direction, refused, List.of(revision)) + "; stopped before that "
                    + "step: " + undone
                    + (refused.stream().allMatch(DataLossGuard.Hazard::acceptable)
                            ? ". To accept the loss, run 'db " + direction + "' again with --accept-data-loss"
                                    + " (in code: Migrations.builder()...acceptDataLoss())"
                            : ""));
        }
        hazards.forEach(h -> log.warn("Accepted data loss: {} will {}", revision.id(), h.phrase()));
    }

    private void refuseIfNeeded(String direction, List<DataLossGuard.Hazard> hazards, List<Revision> owners) {
        List<DataLossGuard.Hazard> blockers =
                hazards.stream().filter(h -> !h.acceptable()).toList();
        if (!blockers.isEmpty()) {
            throw new DataLossException(describe(direction, blockers, owners) + "; " + unchanged());
        }
        if (!hazards.isEmpty() && dataLoss == DataLossPolicy.REFUSE) {
            throw new DataLossException(describe(direction, hazards, owners) + "; " + unchanged()
                    + ". To accept the loss, run 'db " + direction + "' again with --accept-data-loss"
                    + " (in code: Migrations.builder()...acceptDataLoss())");
        }
    }

    /** What a refusal leaves: nothing, or the revisions this command already ran before it. */
    private String unchanged() {
        return completed.isEmpty() || commandStart != null // the command's one transaction is rolled back whole
                ? "nothing was changed"
                : "nothing of it ran, after " + String.join(", ", completed) + " completed";
    }

    private static String describe(String direction, List<DataLossGuard.Hazard> hazards, List<Revision> owners) {
        List<String> parts = new ArrayList<>();
        for (DataLossGuard.Hazard hazard : hazards) {
            Revision revision = owners.get(hazard.index());
            parts.add(direction + " of revision " + revision.id() + " (" + revision.message() + ") would "
                    + hazard.phrase());
        }
        return String.join("; ", parts);
    }

    /**
     * Where foreign keys are off during a revision (SQLite), the rows that
     * break one, each as {@code table|rowid|parent|key}; none elsewhere.
     */
    private Set<String> foreignKeyViolations() {
        Set<String> violations = new LinkedHashSet<>();
        if (connection == null || ddl.foreignKeyCheckSql().isEmpty()) {
            return violations;
        }
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(ddl.foreignKeyCheckSql().get())) {
            while (rs.next()) {
                violations.add(rs.getString("table") + "|" + rs.getLong("rowid") + "|" + rs.getString("parent") + "|"
                        + rs.getInt("fkid"));
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot check foreign keys: " + e.getMessage(), e);
        }
        return violations;
    }

    /**
     * Proves the revision broke no foreign key: rows that already broke one
     * before it (written while keys were off, as many SQLite applications do)
     * are not its doing and do not stop it.
     */
    private void checkForeignKeys(Revision revision, String direction, Set<String> before) {
        for (String violation : foreignKeyViolations()) {
            if (!before.contains(violation)) {
                String[] part = violation.split("\\|");
                throw new MigrationException(direction + " of revision " + revision.id() + " (" + revision.message()
                        + ") would break a foreign key: row " + part[1] + " of '" + part[0]
                        + "' refers to a missing row of '" + part[2]
                        + "'; its changes were rolled back; fix or delete that row first");
            }
        }
    }

    /**
     * Records every revision {@code heads} stand on as applied in its present
     * form, keeping when it was applied where that is known; returns how many.
     */
    public List<String> repair(RevisionGraph graph, Set<String> heads) {
        log.info("Recording the applied revisions as they are now");
        begin();
        try {
            checkUnchanged(heads);
            prepareAppliedRecord();
            Map<String, AppliedRevisions.Applied> known = applied.read(connection);
            List<Revision> path = graph.upgradePath(Set.of(), graph.ancestry(heads));
            List<String> changed = new ArrayList<>();
            for (Revision revision : path) {
                AppliedRevisions.Applied before = known.remove(revision.id());
                String checksum = RevisionFile.checksum(revision);
                if (before == null) {
                    applied.recordSql(revision.id(), checksum, null, null).forEach(sink::execute);
                } else if (!before.checksum().equals(checksum)) {
                    changed.add(revision.id());
                    applied.rerecordSql(before, checksum).forEach(sink::execute);
                }
            }
            for (String stale : known.keySet()) { // recorded, but not applied by the version table's account
                sink.execute(applied.forgetSql(stale));
            }
            sink.commit();
            return changed;
        } catch (SQLException e) {
            sink.rollback();
            throw new MigrationException("cannot read the record of applied revisions: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            sink.rollback();
            throw e;
        }
    }

    /** Makes the record of applied revisions exist (once per runner): databases made before it lack it. */
    private void prepareAppliedRecord() {
        if (!appliedTableReady) {
            try {
                applied.prepareSql(connection).forEach(sink::execute);
            } catch (SQLException e) {
                throw new MigrationException("cannot read the record of applied revisions: " + e.getMessage(), e);
            }
            appliedTableReady = true;
        }
    }

    /**
     * Begins a transaction. On SQLite that takes the database's write lock, waited for up to
     * {@code lock_timeout}: a wait that ran out is said in those words, not as a failed BEGIN.
     */
    private void begin() {
        try {
            sink.begin();
        } catch (StatementFailedException e) {
            if (ddl.isLockWaitTimeout((SQLException) e.getCause())) {
                throw new MigrationException(
                        "another process (a migration or a writer) held the database's write "
                                + "lock for longer than lock_timeout in migrate.yaml; nothing was changed: try again when it "
                                + "is done (" + oneLine(e.getMessage()) + ")",
                        e);
            }
            throw new MigrationException("cannot begin a transaction: " + oneLine(e.getMessage()), e);
        }
    }

    private void commit() {
        try {
            sink.commit();
        } catch (StatementFailedException e) {
            sink.rollback();
            throw new MigrationException(
                    "the commit failed, so nothing of this transaction was kept: " + oneLine(e.getMessage()), e);
        }
    }

    /** Inside the transaction: fails if another process moved the database meanwhile. */
    private void checkUnchanged(Set<String> expected) {
        if (connection == null) {
            return;
        }
        try {
            Set<String> actual =
                    versionTableExists ? versionTable.recordedHeads(connection) : versionTable.heads(connection);
            if (!actual.equals(expected)) {
                throw new ConcurrentMigrationException("the database moved to " + describe(actual)
                        + " while this command ran " + "(another process is migrating it?); run the command again");
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot read the version table: " + e.getMessage(), e);
        }
    }

    private static String describe(Set<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\n\\s*", " ").strip();
    }
}
