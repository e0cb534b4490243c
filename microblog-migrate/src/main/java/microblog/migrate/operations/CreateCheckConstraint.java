package microblog.migrate.operations;

import java.util.List;
import microblog.migrate.schema.CheckConstraint;
import microblog.migrate.schema.Schema;

public record CreateCheckConstraint(String table, CheckConstraint constraint) implements Operation {
    @Override
    public List<Operation> inverse(Schema before) {
        return List.of(new DropCheckConstraint(table, constraint.name()));
    }

    @Override
    public String describe() {
        return "create_check_constraint " + constraint.name() + " on " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.createCheckConstraint(this);
    }
}
