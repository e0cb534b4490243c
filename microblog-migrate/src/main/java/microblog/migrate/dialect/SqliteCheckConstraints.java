package microblog.migrate.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import microblog.migrate.schema.CheckConstraint;

/**
 * Finds the named CHECK constraints in a SQLite CREATE TABLE statement: SQLite
 * keeps no catalogue of them, only the statement as it was written. Unnamed
 * checks are left out, as no migration could name them to drop them.
 */
final class SqliteCheckConstraints {
    private static final Pattern NAMED_CHECK = Pattern.compile(
            "CONSTRAINT\\s+(\"(?:[^\"]|\"\")+\"|`[^`]+`|\\[[^\\]]+]|\\w+)\\s+CHECK\\s*\\(", Pattern.CASE_INSENSITIVE);

    private SqliteCheckConstraints() {}

    static List<CheckConstraint> in(String createTable) {
        List<CheckConstraint> checks = new ArrayList<>();
        Matcher m = NAMED_CHECK.matcher(createTable);
        while (m.find()) {
            int end = SqlText.closingParenthesis(createTable, m.end() - 1);
            if (end < 0) {
                break;
            }
            checks.add(new CheckConstraint(
                    unquote(m.group(1)), createTable.substring(m.end(), end).strip()));
        }
        return checks;
    }

    private static String unquote(String name) {
        char first = name.charAt(0);
        if (first == '"') {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return first == '`' || first == '[' ? name.substring(1, name.length() - 1) : name;
    }
}
