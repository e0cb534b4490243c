package microblog.migrate.dialect;

import java.util.List;
import java.util.Optional;
import microblog.migrate.schema.Sequence;
import microblog.migrate.schema.StoredDefinitions;
import microblog.migrate.schema.Table;

/**
 * How a renderer learns a table's current definition, which SQLite needs to
 * rebuild a table it cannot ALTER: the live database when online, the schema
 * built up from earlier operations when writing offline SQL.
 */
public interface TableLookup {
    Optional<Table> table(String name);

    /** The tables with a foreign key to {@code table}, whose keys' names a rename of it changes. */
    default List<Table> referringTo(String table) {
        return List.of();
    }

    /** The sequence {@code name} as it stands, which SQLite needs to rebuild its emulation table; none if unknown. */
    default Optional<Sequence> sequence(String name) {
        return Optional.empty();
    }

    /**
     * The statements the database itself keeps for the table's indexes and
     * triggers (SQLite stores each CREATE as written), so a rebuild restores
     * them exactly, partial indexes' WHERE included. None when offline.
     */
    default StoredDefinitions storedDefinitions(String table) {
        return StoredDefinitions.NONE;
    }
}
