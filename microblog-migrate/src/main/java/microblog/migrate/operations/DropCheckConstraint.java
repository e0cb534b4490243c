package microblog.migrate.operations;

import java.util.List;
import microblog.migrate.schema.Schema;

public record DropCheckConstraint(String table, String name) implements Operation {
    @Override
    public List<Operation> inverse(Schema before) {
        return List.of(new CreateCheckConstraint(table, new SchemaBefore(before, this).checkConstraint(table, name)));
    }

    @Override
    public String describe() {
        return "drop_check_constraint " + name + " on " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropCheckConstraint(this);
    }
}
