package microblog.migrate.operations;

public record DropIndex(String name, String table) implements Operation {
    @Override
    public String describe() {
        return "drop_index " + name + " on " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropIndex(this);
    }
}
