package microblog.migrate.ddl;

import java.util.Optional;
import microblog.migrate.schema.Table;

/**
 * How a renderer learns a table's current definition, which SQLite needs to
 * rebuild a table it cannot ALTER: the live database when online, the schema
 * built up from earlier operations when writing offline SQL.
 */
@FunctionalInterface
public interface TableLookup {
    Optional<Table> table(String name);
}
