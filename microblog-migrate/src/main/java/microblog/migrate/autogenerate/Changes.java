package microblog.migrate.autogenerate;

import java.util.List;
import microblog.migrate.operations.Operation;

/**
 * What autogenerate found: operations that bring the database to the models,
 * the operations that undo them, one line per finding for the log, and
 * warnings a reviewer must read (steps that can lose data, likely renames).
 */
public record Changes(
        List<Operation> upgrade, List<Operation> downgrade, List<String> findings, List<String> warnings) {
    public Changes {
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
        findings = List.copyOf(findings);
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return upgrade.isEmpty();
    }
}
