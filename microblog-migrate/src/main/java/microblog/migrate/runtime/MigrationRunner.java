package microblog.migrate.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import microblog.migrate.MigrationException;
import microblog.migrate.ddl.DdlRenderer;
import microblog.migrate.ddl.TableLookup;
import microblog.migrate.operations.DataLossRisk;
import microblog.migrate.operations.Operation;
import microblog.migrate.schema.LiveSchemaReader;
import microblog.migrate.script.Revision;
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

    private final DdlRenderer ddl;
    private final VersionTable versionTable;
    private final SqlSink sink;
    private final Connection connection; // null when writing offline SQL
    private final SchemaSimulator simulator; // null when online
    private final TableLookup tables;
    private final DataLossPolicy dataLoss;
    private final ProgressRecord progress; // null where DDL is transactional, or offline
    private boolean versionTableExists;

    private MigrationRunner(DdlRenderer ddl, VersionTable versionTable, SqlSink sink, Connection connection,
                            SchemaSimulator simulator, boolean versionTableExists, DataLossPolicy dataLoss) {
        this.ddl = ddl;
        this.versionTable = versionTable;
        this.sink = sink;
        this.connection = connection;
        this.simulator = simulator;
        this.versionTableExists = versionTableExists;
        this.dataLoss = dataLoss;
        this.progress = connection != null && ProgressRecord.isNeeded(ddl.kind())
                ? new ProgressRecord(connection, ddl, versionTable.name()) : null;
        this.tables = connection == null ? simulator
                : new LiveTables(new LiveSchemaReader(connection, ddl.kind(), versionTable.bookkeepingTables()));
    }

    public static MigrationRunner online(Connection connection, DdlRenderer ddl, VersionTable versionTable,
                                         DataLossPolicy dataLoss) {
        try {
            return new MigrationRunner(ddl, versionTable, new ConnectionSink(connection), connection, null,
                    versionTable.exists(connection), dataLoss);
        } catch (SQLException e) {
            throw new MigrationException("cannot read the version table: " + e.getMessage(), e);
        }
    }

    /** Writes SQL to {@code sink}; {@code simulator} holds the schema as of the starting point. */
    public static MigrationRunner offline(SqlSink sink, DdlRenderer ddl, VersionTable versionTable,
                                          SchemaSimulator simulator, boolean versionTableExists) {
        return new MigrationRunner(ddl, versionTable, sink, null, simulator, versionTableExists,
                DataLossPolicy.ACCEPT);
    }

    /** Runs {@code path} (oldest first) on top of {@code heads}; returns the heads reached. */
    public Set<String> upgrade(RevisionGraph graph, Set<String> heads, List<Revision> path) {
        Set<String> current = new LinkedHashSet<>(heads);
        for (Revision revision : path) {
            Set<String> next = graph.headsAfterUpgrade(current, revision);
            log.info("Running upgrade {} -> {}, {}", String.join(", ", revision.downRevisions()), revision.id(),
                    revision.message());
            run(revision, "upgrade", revision.upgrade(), current, next);
            current = next;
        }
        return current;
    }

    /** Undoes {@code path} (newest first) from {@code heads}; returns the heads reached. */
    public Set<String> downgrade(RevisionGraph graph, Set<String> heads, List<Revision> path) {
        Set<String> current = new LinkedHashSet<>(heads);
        for (Revision revision : path) {
            Set<String> next = graph.headsAfterDowngrade(current, revision);
            log.info("Running downgrade {} -> {}, {}", revision.id(), String.join(", ", revision.downRevisions()),
                    revision.message());
            run(revision, "downgrade", revision.downgrade(), current, next);
            current = next;
        }
        return current;
    }

    /** Records {@code target} as the current heads without running any revision. */
    public void stamp(Set<String> current, Set<String> target) {
        log.info("Running stamp_revision {} -> {}", String.join(", ", current), String.join(", ", target));
        sink.begin();
        try {
            checkUnchanged(current);
            List<String> statements = new ArrayList<>();
            if (!versionTableExists) {
                statements.add(versionTable.createSql());
            }
            statements.addAll(versionTable.moveSql(current, target));
            statements.forEach(sink::execute);
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

    private void run(Revision revision, String direction, List<Operation> operations, Set<String> before,
                     Set<String> after) {
        ddl.beforeRevision().forEach(sink::execute);
        try {
            runInTransaction(revision, direction, operations, before, after);
        } finally {
            ddl.afterRevision().forEach(sink::execute);
        }
    }

    private void runInTransaction(Revision revision, String direction, List<Operation> operations,
                                  Set<String> before, Set<String> after) {
        sink.begin();
        int statement = 0;
        try {
            checkUnchanged(before);
            guardData(revision, direction, operations);
            if (progress != null) {
                progress.start(revision.id(), direction);
            }
            if (!versionTableExists) {
                sink.execute(versionTable.createSql());
            }
            for (Operation operation : operations) {
                if (simulator != null) { // offline: nothing to count, so the script says what may be lost
                    DataLossRisk.of(operation).ifPresent(risk -> sink.comment("Data loss: this step " + risk));
                }
                for (String sql : ddl.render(operation, tables)) {
                    statement++;
                    sink.execute(sql);
                    if (progress != null) {
                        progress.statementDone(revision.id());
                    }
                }
                if (simulator != null) {
                    simulator.apply(operation);
                }
            }
            checkForeignKeys(revision, direction);
            for (String sql : versionTable.moveSql(before, after)) {
                sink.execute(sql);
            }
            if (progress != null) {
                sink.execute(progress.finishSql(revision.id()));
            }
            sink.commit();
            versionTableExists = true;
        } catch (StatementFailedException e) {
            sink.rollback();
            String undone = ddl.kind().hasTransactionalDdl()
                    ? "its changes were rolled back"
                    : ddl.kind().displayName() + " commits DDL at once, so the " + (statement - 1)
                    + " statement(s) before it stay applied (recorded in "
                    + ProgressRecord.tableName(versionTable.name()) + ")";
            throw new MigrationException(direction + " of revision " + revision.id() + " (" + revision.message()
                    + ") failed at statement " + statement + ": " + oneLine(e.getMessage()) + "; " + undone
                    + "; the version table still says " + describe(before) + ". Statement: " + oneLine(e.sql()), e);
        } catch (RuntimeException e) { // includes ConcurrentMigrationException: nothing was written
            sink.rollback();
            throw e;
        }
    }

    /**
     * Before the first statement: refuses (unless accepted) an operation that
     * would destroy rows or values this database holds, so nothing is half-done.
     * Operations on tables or columns the revision itself creates are not counted.
     */
    private void guardData(Revision revision, String direction, List<Operation> operations) {
        if (connection == null) {
            return;
        }
        for (String loss : new DataLossGuard(connection, ddl, tables).check(operations)) {
            if (dataLoss == DataLossPolicy.REFUSE) {
                throw new DataLossException(direction + " of revision " + revision.id() + " (" + revision.message()
                        + ") would " + loss + "; nothing was changed. To accept the loss, run it again with "
                        + "--accept-data-loss");
            }
            log.warn("Accepted data loss: {} will {}", revision.id(), loss);
        }
    }

    /** Where foreign keys were off for the revision (SQLite), proves the rows still satisfy them. */
    private void checkForeignKeys(Revision revision, String direction) {
        if (connection == null || ddl.foreignKeyCheckSql().isEmpty()) {
            return;
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(ddl.foreignKeyCheckSql().get())) {
            if (rs.next()) {
                throw new MigrationException(direction + " of revision " + revision.id() + " (" + revision.message()
                        + ") would break a foreign key: row " + rs.getLong("rowid") + " of '" + rs.getString("table")
                        + "' refers to a missing row of '" + rs.getString("parent")
                        + "'; its changes were rolled back; fix or delete that row first");
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot check foreign keys: " + e.getMessage(), e);
        }
    }

    /** Inside the transaction: fails if another process moved the database meanwhile. */
    private void checkUnchanged(Set<String> expected) {
        if (connection == null) {
            return;
        }
        try {
            Set<String> actual = versionTable.heads(connection);
            if (!actual.equals(expected)) {
                throw new ConcurrentMigrationException("the database moved to " + describe(actual) + " while this command ran "
                        + "(another process is migrating it?); run the command again");
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
