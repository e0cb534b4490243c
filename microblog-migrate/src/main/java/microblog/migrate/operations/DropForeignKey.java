package microblog.migrate.operations;

import java.util.List;
import microblog.migrate.schema.Schema;

public record DropForeignKey(String table, String name) implements Operation {
    @Override
    public List<Operation> inverse(Schema before) {
        return List.of(new CreateForeignKey(table, new SchemaBefore(before, this).foreignKey(table, name)));
    }

    @Override
    public String describe() {
        return "drop_foreign_key " + name + " on " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropForeignKey(this);
    }
}
