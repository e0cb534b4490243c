package microblog.migrate.script;

import java.nio.file.Path;
import java.util.List;
import microblog.migrate.operations.Operation;

/**
 * One revision file: where it sits in the history and what it changes.
 *
 * @param id            twelve hex digits, unique in the repository
 * @param downRevisions the revisions it follows: none for a base, several for a merge
 * @param path          the file it was read from, or will be written to
 * @param branchLabels  names for the branch this revision starts (Alembic's {@code branch_labels}),
 *                      usable in targets as {@code NAME@head}
 */
public record Revision(
        String id,
        List<String> downRevisions,
        String message,
        String createDate,
        List<Operation> upgrade,
        List<Operation> downgrade,
        Path path,
        List<String> branchLabels) {
    public Revision {
        downRevisions = List.copyOf(downRevisions);
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
        branchLabels = List.copyOf(branchLabels);
    }

    /** A revision with no branch label. */
    public Revision(
            String id,
            List<String> downRevisions,
            String message,
            String createDate,
            List<Operation> upgrade,
            List<Operation> downgrade,
            Path path) {
        this(id, downRevisions, message, createDate, upgrade, downgrade, path, List.of());
    }

    public boolean isMerge() {
        return downRevisions.size() > 1;
    }

    /** The parents as Alembic prints them: {@code <base>}, an id, or {@code (a, b)}. */
    public String downRevisionText() {
        if (downRevisions.isEmpty()) {
            return "<base>";
        }
        return downRevisions.size() == 1 ? downRevisions.get(0) : "(" + String.join(", ", downRevisions) + ")";
    }
}
