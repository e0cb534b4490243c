package microblog.migrate.operations;

import microblog.migrate.schema.CheckConstraint;

public record CreateCheckConstraint(String table, CheckConstraint constraint) implements Operation {
    @Override
    public String describe() {
        return "create_check_constraint " + constraint.name() + " on " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.createCheckConstraint(this);
    }
}
