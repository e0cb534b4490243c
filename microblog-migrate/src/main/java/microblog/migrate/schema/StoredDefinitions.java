package microblog.migrate.schema;

import java.util.List;
import java.util.Map;

/**
 * A table's indexes and triggers as the database stores their CREATE
 * statements: what a SQLite rebuild must run again after it drops the table.
 *
 * @param indexes  CREATE INDEX statements by index name
 * @param triggers CREATE TRIGGER statements
 */
public record StoredDefinitions(Map<String, String> indexes, List<String> triggers) {
    public static final StoredDefinitions NONE = new StoredDefinitions(Map.of(), List.of());

    public StoredDefinitions {
        indexes = Map.copyOf(indexes);
        triggers = List.copyOf(triggers);
    }
}
