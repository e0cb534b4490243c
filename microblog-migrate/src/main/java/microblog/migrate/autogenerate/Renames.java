package microblog.migrate.autogenerate;

import java.util.List;
import java.util.Map;

/**
 * The renames the models declare ({@code @RenamedFrom}): former table names by
 * table, and former column names by {@code table.column}. Autogenerate turns a
 * declared rename into {@code rename_table} or {@code rename_column}, which keep
 * the data, where it would otherwise drop one and create another.
 */
public record Renames(Map<String, List<String>> formerTableNames, Map<String, List<String>> formerColumnNames) {
    public static final Renames NONE = new Renames(Map.of(), Map.of());

    public Renames {
        formerTableNames = Map.copyOf(formerTableNames);
        formerColumnNames = Map.copyOf(formerColumnNames);
    }

    public List<String> formerNamesOfTable(String table) {
        return formerTableNames.getOrDefault(table, List.of());
    }

    public List<String> formerNamesOfColumn(String table, String column) {
        return formerColumnNames.getOrDefault(table + "." + column, List.of());
    }
}
