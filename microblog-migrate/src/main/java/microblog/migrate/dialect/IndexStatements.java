package microblog.migrate.dialect;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import microblog.migrate.schema.Index;
import microblog.migrate.schema.IndexKeys;

/**
 * Reads a CREATE INDEX statement as a database keeps it (SQLite's
 * {@code sqlite_master}, PostgreSQL's {@code pg_get_indexdef}): whether it is
 * unique, its key in parentheses, and the condition after WHERE.
 */
final class IndexStatements {
    private static final Pattern HEAD = Pattern.compile(
            "^\\s*CREATE\\s+(UNIQUE\\s+)?INDEX\\s.*?\\sON\\s.*?\\(", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern WHERE =
            Pattern.compile("^\\s*WHERE\\s+(.*?)\\s*;?\\s*$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private IndexStatements() {}

    /** The index {@code sql} creates, if it reads as a CREATE INDEX statement. */
    static Optional<Index> read(String name, String table, String sql) {
        Matcher head = HEAD.matcher(sql);
        if (!head.find()) {
            return Optional.empty();
        }
        int open = head.end() - 1;
        int close = SqlText.closingParenthesis(sql, open);
        if (close < 0) {
            return Optional.empty();
        }
        Matcher where = WHERE.matcher(sql.substring(close + 1));
        String condition = where.matches() ? where.group(1) : null;
        return Optional.of(
                IndexKeys.index(name, table, sql.substring(open + 1, close), head.group(1) != null, condition));
    }

    /** The key of a CREATE INDEX statement: what its parentheses after ON hold. */
    static Optional<String> key(String sql) {
        return read("", "", sql).map(Index::key);
    }
}
