package microblog.migrate.operations;

import java.util.List;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Table;

/** Creates a table with its columns, primary key, unique constraints and foreign keys (indexes come apart). */
public record CreateTable(Table table) implements Operation {
    /** Dropping the table takes its indexes along. */
    @Override
    public List<Operation> inverse(Schema before) {
        return List.of(new DropTable(table.name()));
    }

    @Override
    public String describe() {
        return "create_table " + table.name();
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.createTable(this);
    }
}
