package microblog.migrate.operations;

import microblog.migrate.schema.Table;

/** Creates a table with its columns, primary key, unique constraints and foreign keys (indexes come apart). */
public record CreateTable(Table table) implements Operation {
    @Override
    public String describe() {
        return "create_table " + table.name();
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.createTable(this);
    }
}
