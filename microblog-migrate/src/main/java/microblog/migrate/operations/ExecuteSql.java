package microblog.migrate.operations;

import java.util.List;
import java.util.Map;
import microblog.migrate.MigrationException;
import microblog.migrate.schema.Schema;

/**
 * Runs SQL written by hand: {@code sql} everywhere, or the variant in
 * {@code perDatabase} keyed by {@code sqlite}, {@code postgresql} or {@code mysql}.
 *
 * <p>It has no inverse. What the SQL did (an UPDATE, a trigger, DDL no other
 * operation says) is known only to its author, who writes the SQL that undoes
 * it under the revision's {@code downgrade}; that list is the one place a
 * revision says how it is undone, so this operation carries no second one.
 * Autogenerate never writes it.
 */
public record ExecuteSql(String sql, Map<String, String> perDatabase) implements Operation {
    public ExecuteSql {
        perDatabase = Map.copyOf(perDatabase);
    }

    /** Refused: see the class comment. */
    @Override
    public List<Operation> inverse(Schema before) {
        throw new MigrationException("execute has no inverse that can be worked out: what hand-written SQL did "
                + "is known only to its author; write the SQL that undoes it under the revision's downgrade");
    }

    @Override
    public String describe() {
        return "execute";
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.execute(this);
    }
}
