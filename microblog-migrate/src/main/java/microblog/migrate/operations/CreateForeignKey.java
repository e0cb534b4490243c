package microblog.migrate.operations;

import microblog.migrate.schema.ForeignKey;

public record CreateForeignKey(String table, ForeignKey foreignKey) implements Operation {
    @Override
    public String describe() {
        return "create_foreign_key " + foreignKey.name() + " on " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.createForeignKey(this);
    }
}
