package microblog.migrate.runtime;

import java.util.List;
import java.util.Optional;
import microblog.migrate.dialect.TableLookup;
import microblog.migrate.schema.LiveSchemaReader;
import microblog.migrate.schema.Sequence;
import microblog.migrate.schema.StoredDefinitions;
import microblog.migrate.schema.Table;

/** Table definitions read from the live database, as the renderers ask for them. */
final class LiveTables implements TableLookup {
    private final LiveSchemaReader reader;

    LiveTables(LiveSchemaReader reader) {
        this.reader = reader;
    }

    @Override
    public Optional<Table> table(String name) {
        return reader.table(name);
    }

    @Override
    public List<Table> referringTo(String table) {
        return reader.read().tables().stream()
                .filter(t -> t.foreignKeys().stream()
                        .anyMatch(fk -> fk.referredTable().equals(table)))
                .toList();
    }

    @Override
    public Optional<Sequence> sequence(String name) {
        return reader.sequence(name);
    }

    @Override
    public StoredDefinitions storedDefinitions(String table) {
        return reader.storedDefinitions(table);
    }
}
