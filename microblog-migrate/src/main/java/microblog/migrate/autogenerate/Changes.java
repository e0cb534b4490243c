package microblog.migrate.autogenerate;

import java.util.List;
import microblog.migrate.operations.Operation;

/**
 * What autogenerate found: operations that bring the database to the models,
 * the operations that undo them, and one line per finding for the log.
 */
public record Changes(List<Operation> upgrade, List<Operation> downgrade, List<String> findings) {
    public Changes {
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
        findings = List.copyOf(findings);
    }

    public boolean isEmpty() {
        return upgrade.isEmpty();
    }
}
