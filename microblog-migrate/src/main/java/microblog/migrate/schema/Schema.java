package microblog.migrate.schema;

import java.util.List;
import java.util.Optional;

/** The tables of a database (or of a set of models), in a stable order. */
public record Schema(List<Table> tables) {
    public Schema {
        tables = List.copyOf(tables);
    }

    public static Schema empty() {
        return new Schema(List.of());
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
