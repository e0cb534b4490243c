package microblog.migrate.operations;

import java.util.List;
import microblog.migrate.schema.Schema;

public record DropSequence(String name) implements Operation {
    /** The sequence as it was; it numbers its column again from above the values there by then. */
    @Override
    public List<Operation> inverse(Schema before) {
        return List.of(new CreateSequence(new SchemaBefore(before, this).sequence(name)));
    }

    @Override
    public String describe() {
        return "drop_sequence " + name;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropSequence(this);
    }
}
