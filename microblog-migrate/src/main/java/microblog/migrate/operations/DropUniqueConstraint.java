package microblog.migrate.operations;

public record DropUniqueConstraint(String table, String name) implements Operation {
    @Override
    public String describe() {
        return "drop_unique_constraint " + name + " on " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropUniqueConstraint(this);
    }
}
