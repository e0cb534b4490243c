package microblog.migrate.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import microblog.migrate.MigrationException;
import microblog.migrate.Migrations;
import microblog.migrate.TargetDatabase;
import microblog.migrate.dialect.MigrationDialect;
import microblog.migrate.operations.ExecuteSql;
import microblog.migrate.operations.Operation;
import microblog.migrate.runtime.PartialRun;
import microblog.migrate.runtime.ProgressRecord;
import microblog.migrate.runtime.SchemaSimulator;
import microblog.migrate.schema.Schema;
import microblog.migrate.script.Revision;
import microblog.migrate.script.RevisionGraph;
import microblog.migrate.script.ScriptDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places a revision that stopped half-way (killed, or failed, where schema changes commit one at a
 * time) by the schema itself rather than by its progress record alone. The record counts the
 * statements it saw complete, but a schema change commits before the count does, and one left
 * running on the server may finish after its client died: the count can be one short. The schema
 * after each operation is known (the revisions are simulated), so the live schema says which
 * operations took effect; the record's count only rules out the states before it. A place the
 * schema cannot give (no state matches, or two do with hand-written SQL between them) is refused.
 */
public final class PartialRuns {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private PartialRuns() {}

    /**
     * The revision the progress record says stopped half-way, placed on the live schema; empty if
     * none stopped. First waits, up to {@code wait}, for a statement the stopped run left running
     * on the server.
     *
     * @param heads where the version table says the database stands
     * @throws MigrationException if the schema matches no place, or several that differ in what ran
     */
    public static Optional<PartialRun> locate(
            Connection connection,
            ScriptDirectory scripts,
            RevisionGraph graph,
            TargetDatabase database,
            Set<String> heads,
            Duration wait) {
        List<ProgressRecord.Unfinished> unfinished =
                ProgressRecord.stoppedOn(connection, database.kind(), scripts.versionTable());
        if (unfinished.isEmpty()) {
            return Optional.empty();
        }
        MigrationDialect ddl = MigrationDialect.forKind(database.kind());
        ProgressRecord.Unfinished stopped = unfinished.get(0);
        Revision revision = graph.get(stopped.revision());
        if (revision == null) {
            throw new MigrationException("the " + stopped.direction() + " of revision " + stopped.revision()
                    + ", which no file in " + scripts.versionsDirectory() + " defines, stopped half-way; put its "
                    + "file back to finish or undo it");
        }
        awaitStatementLeftRunning(connection, ddl, stopped, wait);
        List<Operation> operations = stopped.direction().equals("upgrade") ? revision.upgrade() : revision.downgrade();
        return Optional.of(place(connection, scripts, database, ddl, graph, heads, revision, stopped, operations));
    }

    private static PartialRun place(
            Connection connection,
            ScriptDirectory scripts,
            TargetDatabase database,
            MigrationDialect ddl,
            RevisionGraph graph,
            Set<String> heads,
            Revision revision,
            ProgressRecord.Unfinished stopped,
            List<Operation> operations) {
        Schema live = DescribedSchema.live(connection, scripts, database);
        SchemaSimulator simulated = DescribedSchema.at(graph, heads);
        List<Integer> statementsBefore = new ArrayList<>();
        List<Boolean> matches = new ArrayList<>();
        List<List<Operation>> undo = new ArrayList<>();
        List<String> undoRefusals = new ArrayList<>(); // null where the operation can be undone
        List<Boolean> seenOnlyInRecord = new ArrayList<>(); // hand-written data changes: the schema does not show them
        List<String> nearest = List.of();
        int counted = 0;
        for (int i = 0; ; i++) {
            statementsBefore.add(counted);
            List<String> differences = DescribedSchema.differences(simulated, live, ddl);
            matches.add(differences.isEmpty());
            if (counted <= stopped.statementsDone()) {
                nearest = differences; // the last state the record allows, for the message
            }
            if (i == operations.size()) {
                break;
            }
            Operation operation = operations.get(i);
            List<String> statements = ddl.renderTogether(List.of(operation), simulated);
            counted += statements.size();
            seenOnlyInRecord.add(
                    operation instanceof ExecuteSql && statements.stream().noneMatch(ProgressRecord::commitsAtOnce));
            try {
                undo.add(operation.inverse(simulated.knownSchema()));
                undoRefusals.add(null);
            } catch (MigrationException e) {
                undo.add(List.of());
                undoRefusals.add("operation " + (i + 1) + " (" + operation.describe() + ") has no known undoing ("
                        + e.getMessage() + "): finish it with 'db upgrade' instead, or undo it by hand");
            }
            simulated.apply(operation);
        }
        int done = chooseFrom(matches, statementsBefore, seenOnlyInRecord, stopped, operations, nearest, revision);
        String refusal = undoRefusals.subList(0, done).stream()
                .filter(r -> r != null)
                .findFirst()
                .orElse(null);
        PartialRun run = new PartialRun(
                revision, stopped.direction(), operations, done, statementsBefore, undo.subList(0, done), refusal);
        int recorded = countedOperations(statementsBefore, stopped.statementsDone());
        log.warn(
                "The {} of revision {} stopped {}{}",
                stopped.direction(),
                run.name(),
                run.position(),
                done > recorded
                        ? "; its record counted " + stopped.statementsDone() + " statement(s), the schema shows more"
                        : "");
        return run;
    }

    /** The most operations whose statements all fit in {@code statementsDone}. */
    private static int countedOperations(List<Integer> statementsBefore, int statementsDone) {
        int operations = 0;
        while (operations + 1 < statementsBefore.size() && statementsBefore.get(operations + 1) <= statementsDone) {
            operations++;
        }
        return operations;
    }

    /**
     * The place: the first state from what the record counted on that the live schema matches.
     * Two matching states are told apart only when nothing between them could have run unseen:
     * operations with no statements here, and hand-written data changes (which commit with their
     * count).
     */
    private static int chooseFrom(
            List<Boolean> matches,
            List<Integer> statementsBefore,
            List<Boolean> seenOnlyInRecord,
            ProgressRecord.Unfinished stopped,
            List<Operation> operations,
            List<String> nearest,
            Revision revision) {
        int from = countedOperations(statementsBefore, stopped.statementsDone());
        List<Integer> candidates = new ArrayList<>();
        for (int i = from; i < matches.size(); i++) {
            if (matches.get(i)) {
                candidates.add(i);
            }
        }
        String which = "the " + stopped.direction() + " of revision " + revision.id() + " (" + revision.message()
                + "), which stopped after " + stopped.statementsDone() + " statement(s)";
        if (candidates.isEmpty()) {
            throw new MigrationException("the schema matches no point of " + which + " (from where its record "
                    + "says it stopped: " + String.join("; ", nearest.subList(0, Math.min(3, nearest.size())))
                    + "); something else changed it, so it cannot be finished or undone automatically: make the "
                    + "schema match the revision before or after it by hand ('db show " + revision.id() + "' lists "
                    + "its operations), then record that with 'db stamp'");
        }
        int first = candidates.get(0);
        int last = candidates.get(candidates.size() - 1);
        for (int i = first; i < last; i++) {
            Operation between = operations.get(i);
            boolean silent = statementsBefore.get(i + 1).equals(statementsBefore.get(i)) || seenOnlyInRecord.get(i);
            if (!silent) {
                String why = handWrittenSqlBefore(operations, i + 1)
                        .map(sql -> " after the hand-written SQL of operation " + sql + ", whose effect on the "
                                + "schema the revisions cannot know")
                        .orElse("");
                throw new MigrationException("the schema cannot tell how far " + which + " went: operation "
                        + (i + 1) + " (" + between.describe() + ") changes nothing it can see" + why + "; finish or "
                        + "undo it by hand ('db show " + revision.id() + "'), then record that with 'db stamp'");
            }
        }
        return first;
    }

    /** The number of the last hand-written SQL among the first {@code count} operations, if any. */
    private static Optional<Integer> handWrittenSqlBefore(List<Operation> operations, int count) {
        for (int i = count - 1; i >= 0; i--) {
            if (operations.get(i) instanceof ExecuteSql) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    /**
     * A statement the stopped run left running on the server (an ALTER TABLE goes on after its
     * client dies): waited for, so that its effect is seen, and named while it runs.
     */
    private static void awaitStatementLeftRunning(
            Connection connection, MigrationDialect ddl, ProgressRecord.Unfinished stopped, Duration wait) {
        if (stopped.connectionId() == null || ddl.runningStatementSql().isEmpty()) {
            return;
        }
        long end = System.nanoTime() + wait.toNanos();
        boolean told = false;
        try (PreparedStatement st =
                connection.prepareStatement(ddl.runningStatementSql().get())) {
            st.setLong(1, stopped.connectionId());
            while (true) {
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                    String statement = rs.getString(2).replaceAll("\\s+", " ");
                    if (System.nanoTime() > end) {
                        throw new MigrationException("a statement of the stopped " + stopped.direction()
                                + " of revision " + stopped.revision() + " is still running on the server after "
                                + wait.toSeconds() + " s (lock_timeout in migrate.yaml), as connection "
                                + stopped.connectionId() + ": " + statement + "; wait for it, or stop it with KILL "
                                + stopped.connectionId());
                    }
                    if (!told) {
                        log.info(
                                "Waiting for a statement of the stopped run, still running on the server as "
                                        + "connection {} for {} s: {}",
                                stopped.connectionId(),
                                rs.getLong(1),
                                statement);
                        told = true;
                    }
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (SQLException e) {
            log.debug("Cannot look for a statement left running: {}", e.getMessage()); // not allowed to look
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("interrupted while waiting for a statement of the stopped run", e);
        }
    }
}
