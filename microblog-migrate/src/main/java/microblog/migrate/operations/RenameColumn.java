package microblog.migrate.operations;

/** Renames a column in place: its rows, indexes and constraints stay with it. */
public record RenameColumn(String table, String from, String to) implements Operation {
    public RenameColumn inverse() {
        return new RenameColumn(table, to, from);
    }

    @Override
    public String describe() {
        return "rename_column " + table + "." + from + " to " + to;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.renameColumn(this);
    }
}
