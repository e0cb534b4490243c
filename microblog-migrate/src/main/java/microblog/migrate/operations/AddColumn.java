package microblog.migrate.operations;

import microblog.migrate.schema.Column;

public record AddColumn(String table, Column column) implements Operation {
    @Override
    public String describe() {
        return "add_column " + table + "." + column.name();
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.addColumn(this);
    }
}
