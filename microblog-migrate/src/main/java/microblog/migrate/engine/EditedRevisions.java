package microblog.migrate.engine;

import java.sql.Connection;
import java.sql.SQLException;
import microblog.migrate.MigrationException;
import microblog.migrate.TargetDatabase;
import microblog.migrate.dialect.MigrationDialect;
import microblog.migrate.runtime.AppliedRevisions;
import microblog.migrate.script.Revision;
import microblog.migrate.script.RevisionFile;
import microblog.migrate.script.RevisionGraph;
import microblog.migrate.script.ScriptDirectory;

/**
 * A revision edited after it was applied no longer says what the database
 * went through: undoing it, or planning on top of it, would act on a schema
 * that is not there. Commands that run or plan revisions stop on one.
 */
public final class EditedRevisions {
    private EditedRevisions() {}

    public static void refuse(
            Connection connection, ScriptDirectory scripts, RevisionGraph graph, TargetDatabase database) {
        try {
            AppliedRevisions record =
                    new AppliedRevisions(scripts.versionTable(), MigrationDialect.forKind(database.kind()));
            for (AppliedRevisions.Applied applied : record.read(connection).values()) {
                Revision revision = graph.get(applied.revision());
                if (revision != null && !RevisionFile.checksum(revision).equals(applied.checksum())) {
                    throw new MigrationException("revision " + revision.id() + " (" + revision.message()
                            + ") was edited after it was applied to this database (" + applied.appliedAt()
                            + "): its operations no longer match those recorded when it was applied; undo the "
                            + "edit, or, if the database "
                            + "already matches the edited revision, record it with 'db repair'");
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot read the record of applied revisions: " + e.getMessage(), e);
        }
    }
}
