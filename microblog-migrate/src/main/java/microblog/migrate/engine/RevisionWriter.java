package microblog.migrate.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import microblog.migrate.MigrationException;
import microblog.migrate.operations.Operation;
import microblog.migrate.script.Revision;
import microblog.migrate.script.RevisionFile;
import microblog.migrate.script.RevisionGraph;
import microblog.migrate.script.ScriptDirectory;

/** Writes a new revision file into the repository: what migrate, revision and merge share. */
public final class RevisionWriter {
    private static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private static final Set<String> RESERVED = Set.of("head", "heads", "base", "current");

    private final ScriptDirectory scripts;
    private final RevisionGraph graph;

    public RevisionWriter(ScriptDirectory scripts, RevisionGraph graph) {
        this.scripts = scripts;
        this.graph = graph;
    }

    /**
     * Writes the revision and returns its file, for the caller to report where, as Flask-Migrate does.
     *
     * @param revision its message, and the id and branch label it is given, if any
     */
    public Path write(NewRevision revision, List<String> parents, List<Operation> upgrade, List<Operation> downgrade) {
        scripts.requireWritable("write a revision");
        String id = revision.revId() == null ? ScriptDirectory.newRevisionId() : checked(revision.revId());
        List<String> labels =
                revision.branchLabel() == null ? List.of() : List.of(checkedLabel(revision.branchLabel(), id));
        String text = revision.message() == null ? "" : revision.message().strip();
        Path path = scripts.pathFor(id, text);
        Revision written = new Revision(
                id,
                parents,
                text,
                LocalDateTime.now(ZoneOffset.UTC).format(CREATE_DATE),
                upgrade,
                downgrade,
                path,
                labels);
        try {
            Files.writeString(path, RevisionFile.render(written), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("cannot write " + path + ": " + e.getMessage(), e);
        }
        return path;
    }

    private String checkedLabel(String label, String id) {
        RevisionFile.requireBranchLabel("--branch-label", label);
        graph.labelled(label).ifPresent(other -> {
            throw new MigrationException("--branch-label '" + label + "' already names the branch of revision "
                    + other.id() + ": choose another label");
        });
        if (graph.get(label) != null || label.equals(id)) {
            throw new MigrationException("--branch-label '" + label + "' is a revision id: choose another label");
        }
        return label;
    }

    private String checked(String revId) {
        if (RESERVED.contains(revId) || revId.startsWith("-") || revId.startsWith("+")) {
            throw new MigrationException("--rev-id '" + revId + "' would be read as a target ('head', 'base', "
                    + "'-1', ...), not as this revision: choose another id");
        }
        if (!RevisionFile.isRevisionId(revId)) {
            throw new MigrationException(
                    "--rev-id '" + revId + "' is not a revision id: use 1 to 32 letters, digits, " + "'_', '-' or '.'");
        }
        if (graph.get(revId) != null) {
            throw new MigrationException("--rev-id '" + revId + "': revision " + revId + " already exists");
        }
        return revId;
    }
}
