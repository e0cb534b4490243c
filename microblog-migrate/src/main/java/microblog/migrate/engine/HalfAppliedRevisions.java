package microblog.migrate.engine;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import microblog.migrate.MigrationException;
import microblog.migrate.Migrations;
import microblog.migrate.TargetDatabase;
import microblog.migrate.dialect.MigrationDialect;
import microblog.migrate.runtime.LockHolder;
import microblog.migrate.runtime.MigrationLock;
import microblog.migrate.runtime.ProgressRecord;
import microblog.migrate.script.Revision;
import microblog.migrate.script.ScriptDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a database without transactional DDL, a revision that stopped half-way
 * left some statements applied; going on from there would fail in confusing
 * ways ("already exists"), so the writing commands stop and say what ran and
 * how to recover.
 */
public final class HalfAppliedRevisions {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private HalfAppliedRevisions() {}

    /** For the commands that change the schema or plan changes: stops them. */
    public static void refuseToGoOn(Connection connection, ScriptDirectory scripts, TargetDatabase database) {
        describe(connection, scripts, database).ifPresent(message -> {
            throw new MigrationException(message);
        });
    }

    /** For the commands that only report (current, and the start of a server): a warning. */
    public static void warn(Connection connection, ScriptDirectory scripts, TargetDatabase database) {
        describe(connection, scripts, database).ifPresent(message -> log.warn("{}", message));
    }

    private static Optional<String> describe(Connection connection, ScriptDirectory scripts, TargetDatabase database) {
        List<ProgressRecord.Unfinished> unfinished =
                ProgressRecord.stoppedOn(connection, database.kind(), scripts.versionTable());
        if (unfinished.isEmpty()) {
            return Optional.empty();
        }
        MigrationDialect ddl = MigrationDialect.forKind(database.kind());
        Optional<LockHolder> live = MigrationLock.liveHolder(connection, ddl, scripts.versionTable());
        for (ProgressRecord.Unfinished run : unfinished) {
            Optional<Revision> revision = Optional.ofNullable(scripts.graph().get(run.revision()));
            if (live.filter(holder -> holder.id().equals(run.runBy())).isPresent()) {
                return Optional.of("the " + run.direction() + " of revision " + run.revision()
                        + revision.map(r -> " (" + r.message() + ")").orElse("") + " is running now, by "
                        + live.get().describe() + " (started " + run.startedAt() + ", " + run.statementsDone()
                        + " statement(s) done so far); try again when it is done");
            }
            boolean up = run.direction().equals("upgrade");
            return Optional.of("the " + run.direction() + " of revision " + run.revision()
                    + revision.map(r -> " (" + r.message() + ")").orElse("") + " started " + run.startedAt()
                    + " and stopped after " + run.statementsDone() + " statement(s); "
                    + database.kind().displayName()
                    + " kept those, so the schema is between two revisions. 'db " + (up ? "upgrade" : "downgrade")
                    + "' finishes it and 'db " + (up ? "downgrade" : "upgrade") + "' undoes what ran, each first "
                    + "reading the schema to see exactly which of its statements took effect (where hand-written "
                    + "SQL leaves that unclear, they say what to do by hand)");
        }
        return Optional.empty();
    }
}
