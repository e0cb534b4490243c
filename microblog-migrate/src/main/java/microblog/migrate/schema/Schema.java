package microblog.migrate.schema;

import java.util.List;
import java.util.Optional;

/** The tables and sequences of a database (or of a set of models), in a stable order. */
public record Schema(List<Table> tables, List<Sequence> sequences) {
    public Schema {
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
    }

    /** Tables only, as a database with no sequences has them. */
    public Schema(List<Table> tables) {
        this(tables, List.of());
    }

    public static Schema empty() {
        return new Schema(List.of());
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<Sequence> sequence(String name) {
        return sequences.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The same sequences with {@code other} as the tables. */
    public Schema withTables(List<Table> other) {
        return new Schema(other, sequences);
    }

    /** The same tables with {@code other} as the sequences. */
    public Schema withSequences(List<Sequence> other) {
        return new Schema(tables, other);
    }
}
