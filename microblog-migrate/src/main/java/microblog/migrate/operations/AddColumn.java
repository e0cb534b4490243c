package microblog.migrate.operations;

import java.util.List;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.Schema;

public record AddColumn(String table, Column column) implements Operation {
    @Override
    public List<Operation> inverse(Schema before) {
        return List.of(new DropColumn(table, column.name()));
    }

    @Override
    public String describe() {
        return "add_column " + table + "." + column.name();
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.addColumn(this);
    }
}
