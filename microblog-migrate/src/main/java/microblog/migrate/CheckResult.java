package microblog.migrate;

import java.util.List;
import microblog.migrate.operations.Operation;

/**
 * What {@link Migrations#check()} found: the operations a new revision would
 * need to bring the database to the entities, and each change as the log of
 * {@code migrate} describes it ({@code Detected added table 'tag'}).
 */
public record CheckResult(List<Operation> operations, List<String> findings) {
    public CheckResult {
        operations = List.copyOf(operations);
        findings = List.copyOf(findings);
    }

    /** Whether the revisions already describe the entities: nothing to generate. */
    public boolean upToDate() {
        return operations.isEmpty();
    }
}
