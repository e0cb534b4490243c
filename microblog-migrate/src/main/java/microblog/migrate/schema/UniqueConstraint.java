package microblog.migrate.schema;

import java.util.List;

/** A named UNIQUE constraint declared with its table. */
public record UniqueConstraint(String name, List<String> columns) {
    public UniqueConstraint {
        columns = List.copyOf(columns);
    }
}
