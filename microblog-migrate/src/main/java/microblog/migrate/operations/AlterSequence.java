package microblog.migrate.operations;

import java.util.List;
import microblog.migrate.schema.Schema;

/**
 * Changes what each call of a sequence adds, as when an {@code allocationSize}
 * changes. The next value handed out stays above those already handed out: a
 * sequence's start matters only when it is created, so it is not changed here.
 */
public record AlterSequence(String name, long fromIncrement, long toIncrement) implements Operation {
    public AlterSequence {
        if (fromIncrement == 0 || toIncrement == 0) {
            throw new IllegalArgumentException("sequence '" + name + "' needs a non-zero increment");
        }
    }

    /** The same change the other way: both increments are kept, so no schema is needed. */
    @Override
    public List<Operation> inverse(Schema before) {
        return List.of(new AlterSequence(name, toIncrement, fromIncrement));
    }

    @Override
    public String describe() {
        return "alter_sequence " + name;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.alterSequence(this);
    }
}
