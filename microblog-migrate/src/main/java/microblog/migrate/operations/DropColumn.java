package microblog.migrate.operations;

public record DropColumn(String table, String column) implements Operation {
    @Override
    public String describe() {
        return "drop_column " + table + "." + column;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropColumn(this);
    }
}
