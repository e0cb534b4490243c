package microblog.migrate.autogenerate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import microblog.migrate.operations.Operation;
import microblog.migrate.runtime.SchemaSimulator;
import microblog.migrate.schema.Schema;

/**
 * The downgrade of an upgrade, written from the operations' own inverses: each
 * step's inverse is worked out from the schema as the steps before it left it
 * (replayed offline), and the inverses run last step first.
 */
final class Downgrade {
    private Downgrade() {}

    /**
     * @param current the schema the upgrade starts from
     * @param undoneWithOthers steps to leave out, as the inverse of another step undoes them too
     */
    static List<Operation> of(Schema current, List<Operation> upgrade, Predicate<Operation> undoneWithOthers) {
        SchemaSimulator schema = SchemaSimulator.startingFrom(current);
        List<Operation> downgrade = new ArrayList<>();
        for (Operation step : upgrade) {
            if (!undoneWithOthers.test(step)) {
                downgrade.addAll(0, step.inverse(schema.knownSchema()));
            }
            schema.apply(step);
        }
        return downgrade;
    }
}
