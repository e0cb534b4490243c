package microblog.migrate;

import java.util.List;
import microblog.migrate.operations.Operation;

/**
 * What {@link Migrations#check()} found: the operations a new revision would
 * need to bring the database to the entities, and each change as the log of
 * {@code migrate} describes it ({@code Detected added table 'tag'}), and what a
 * reviewer must read before generating it: steps that can lose data, likely
 * renames ({@code @RenamedFrom}).
 */
public record CheckResult(List<Operation> operations, List<String> findings, List<String> warnings) {
    public CheckResult {
        operations = List.copyOf(operations);
        findings = List.copyOf(findings);
        warnings = List.copyOf(warnings);
    }

    /** Whether the revisions already describe the entities: nothing to generate. */
    public boolean upToDate() {
        return operations.isEmpty();
    }
}
