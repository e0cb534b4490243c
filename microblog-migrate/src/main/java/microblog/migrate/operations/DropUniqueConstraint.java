package microblog.migrate.operations;

import java.util.List;
import microblog.migrate.schema.Schema;

public record DropUniqueConstraint(String table, String name) implements Operation {
    @Override
    public List<Operation> inverse(Schema before) {
        return List.of(new CreateUniqueConstraint(table, new SchemaBefore(before, this).uniqueConstraint(table, name)));
    }

    @Override
    public String describe() {
        return "drop_unique_constraint " + name + " on " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropUniqueConstraint(this);
    }
}
