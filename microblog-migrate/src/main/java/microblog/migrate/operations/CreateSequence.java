package microblog.migrate.operations;

import java.util.List;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Sequence;

/**
 * Creates a sequence (on SQLite, Hibernate's one-row table). If it numbers a
 * table's column, it starts above the largest value that column already holds.
 */
public record CreateSequence(Sequence sequence) implements Operation {
    @Override
    public List<Operation> inverse(Schema before) {
        return List.of(new DropSequence(sequence.name()));
    }

    @Override
    public String describe() {
        return "create_sequence " + sequence.name();
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.createSequence(this);
    }
}
