package microblog.migrate.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an index's key as SQL writes it ({@code email, "created"} or
 * {@code lower(email)}): a list of plain column names, or an expression.
 */
public final class IndexKeys {
    private static final Pattern COLUMN = Pattern.compile(
            "\\s*(\"((?:[^\"]|\"\")+)\"|`([^`]+)`|\\[([^\\]]+)]|([A-Za-z_][\\w$]*))(\\s+ASC)?\\s*",
            Pattern.CASE_INSENSITIVE);

    private IndexKeys() {}

    /** The column names {@code key} lists, or empty if it is an expression. */
    public static Optional<List<String>> columns(String key) {
        List<String> columns = new ArrayList<>();
        for (String part : key.split(",", -1)) {
            Matcher m = COLUMN.matcher(part);
            if (!m.matches()) {
                return Optional.empty();
            }
            String name = m.group(2) != null
                    ? m.group(2).replace("\"\"", "\"")
                    : m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
            columns.add(name);
        }
        return Optional.of(columns);
    }

    /**
     * The index {@code name} of {@code table} on {@code key} (columns or an
     * expression), over the rows {@code where} selects (null or blank for all).
     */
    public static Index index(String name, String table, String key, boolean unique, String where) {
        String condition = where == null || where.isBlank() ? null : where.strip();
        return columns(key)
                .map(cols -> new Index(name, table, cols, unique, null, condition))
                .orElseGet(() -> new Index(name, table, List.of(), unique, key.strip(), condition));
    }
}
