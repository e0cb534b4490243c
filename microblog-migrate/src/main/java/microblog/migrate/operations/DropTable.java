package microblog.migrate.operations;

public record DropTable(String table) implements Operation {
    @Override
    public String describe() {
        return "drop_table " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropTable(this);
    }
}
