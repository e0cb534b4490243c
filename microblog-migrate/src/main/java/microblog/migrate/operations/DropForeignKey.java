package microblog.migrate.operations;

public record DropForeignKey(String table, String name) implements Operation {
    @Override
    public String describe() {
        return "drop_foreign_key " + name + " on " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropForeignKey(this);
    }
}
