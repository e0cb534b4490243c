package microblog.migrate.operations;

import java.util.List;
import microblog.migrate.schema.Schema;

/** Renames a column in place: its rows, indexes and constraints stay with it. */
public record RenameColumn(String table, String from, String to) implements Operation {
    @Override
    public List<Operation> inverse(Schema before) {
        return List.of(new RenameColumn(table, to, from));
    }

    @Override
    public String describe() {
        return "rename_column " + table + "." + from + " to " + to;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.renameColumn(this);
    }
}
