package microblog.migrate.operations;

import java.util.List;
import microblog.migrate.schema.Index;
import microblog.migrate.schema.Schema;

public record CreateIndex(Index index) implements Operation {
    @Override
    public List<Operation> inverse(Schema before) {
        return List.of(new DropIndex(index.name(), index.table()));
    }

    @Override
    public String describe() {
        return "create_index " + index.name() + " on " + index.table();
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.createIndex(this);
    }
}
