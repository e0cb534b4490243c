package microblog.migrate.operations;

public record DropCheckConstraint(String table, String name) implements Operation {
    @Override
    public String describe() {
        return "drop_check_constraint " + name + " on " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropCheckConstraint(this);
    }
}
