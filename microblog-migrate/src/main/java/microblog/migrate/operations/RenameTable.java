package microblog.migrate.operations;

/** Renames a table in place: its rows, indexes and the foreign keys that point to it stay. */
public record RenameTable(String from, String to) implements Operation {
    public RenameTable inverse() {
        return new RenameTable(to, from);
    }

    @Override
    public String describe() {
        return "rename_table " + from + " to " + to;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.renameTable(this);
    }
}
