package microblog.migrate.operations;

import java.util.List;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.Schema;

public record CreateForeignKey(String table, ForeignKey foreignKey) implements Operation {
    @Override
    public List<Operation> inverse(Schema before) {
        return List.of(new DropForeignKey(table, foreignKey.name()));
    }

    @Override
    public String describe() {
        return "create_foreign_key " + foreignKey.name() + " on " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.createForeignKey(this);
    }
}
