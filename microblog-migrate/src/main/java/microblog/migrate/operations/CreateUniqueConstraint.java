package microblog.migrate.operations;

import java.util.List;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.UniqueConstraint;

public record CreateUniqueConstraint(String table, UniqueConstraint constraint) implements Operation {
    @Override
    public List<Operation> inverse(Schema before) {
        return List.of(new DropUniqueConstraint(table, constraint.name()));
    }

    @Override
    public String describe() {
        return "create_unique_constraint " + constraint.name() + " on " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.createUniqueConstraint(this);
    }
}
