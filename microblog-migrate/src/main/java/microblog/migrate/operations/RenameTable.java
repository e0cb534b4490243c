package microblog.migrate.operations;

import java.util.List;
import microblog.migrate.schema.Schema;

/** Renames a table in place: its rows, indexes and the foreign keys that point to it stay. */
public record RenameTable(String from, String to) implements Operation {
    @Override
    public List<Operation> inverse(Schema before) {
        return List.of(new RenameTable(to, from));
    }

    @Override
    public String describe() {
        return "rename_table " + from + " to " + to;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.renameTable(this);
    }
}
