package microblog.migrate.operations;

import microblog.migrate.schema.Index;

public record CreateIndex(Index index) implements Operation {
    @Override
    public String describe() {
        return "create_index " + index.name() + " on " + index.table();
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.createIndex(this);
    }
}
