package microblog.migrate.schema;

import java.util.List;

/** An index, unique or not, on columns of one table. */
public record Index(String name, String table, List<String> columns, boolean unique) {
    public Index {
        columns = List.copyOf(columns);
    }

    public Index renamedTo(String newName) {
        return new Index(newName, table, columns, unique);
    }
}
