package microblog.migrate.operations;

import java.util.List;
import microblog.migrate.schema.Schema;

public record DropIndex(String name, String table) implements Operation {
    @Override
    public List<Operation> inverse(Schema before) {
        return List.of(new CreateIndex(new SchemaBefore(before, this).index(table, name)));
    }

    @Override
    public String describe() {
        return "drop_index " + name + " on " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropIndex(this);
    }
}
