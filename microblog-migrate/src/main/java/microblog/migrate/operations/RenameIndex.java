package microblog.migrate.operations;

import java.util.List;
import microblog.migrate.schema.Schema;

/** Renames an index of {@code table}, as after a table rename the models name it after the new table. */
public record RenameIndex(String table, String from, String to) implements Operation {
    @Override
    public List<Operation> inverse(Schema before) {
        return List.of(new RenameIndex(table, to, from));
    }

    @Override
    public String describe() {
        return "rename_index " + from + " to " + to + " on " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.renameIndex(this);
    }
}
