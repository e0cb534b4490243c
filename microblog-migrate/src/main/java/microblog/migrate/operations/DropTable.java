package microblog.migrate.operations;

import java.util.ArrayList;
import java.util.List;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Table;

public record DropTable(String table) implements Operation {
    /** The table as it was, then its indexes, which create_table leaves apart. */
    @Override
    public List<Operation> inverse(Schema before) {
        Table dropped = new SchemaBefore(before, this).table(table);
        List<Operation> undo = new ArrayList<>();
        undo.add(new CreateTable(dropped.withIndexes(indexes -> List.of())));
        dropped.indexes().forEach(index -> undo.add(new CreateIndex(index)));
        return undo;
    }

    @Override
    public String describe() {
        return "drop_table " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropTable(this);
    }
}
