package microblog.migrate;

import java.util.List;
import java.util.Set;

/**
 * What an upgrade, a downgrade or a stamp did: where the database stood
 * before ({@code from}) and stands now ({@code to}), as revision ids (empty
 * for base), and each revision run, in order (none for a stamp).
 */
public record MigrationResult(Set<String> from, Set<String> to, List<MigrationStep> steps) {
    public MigrationResult {
        from = Set.copyOf(from);
        to = Set.copyOf(to);
        steps = List.copyOf(steps);
    }

    /** Whether the database now stands somewhere else than before. */
    public boolean moved() {
        return !from.equals(to);
    }
}
