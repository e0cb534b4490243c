package microblog.migrate.schema;

import java.util.List;

/** The naming convention for unique constraints, so every database calls one the same. */
public final class UniqueNames {
    private UniqueNames() {}

    public static String conventional(String table, List<String> columns) {
        return Identifiers.fit("uq_" + table + "_" + String.join("_", columns));
    }
}
