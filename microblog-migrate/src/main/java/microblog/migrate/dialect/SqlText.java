package microblog.migrate.dialect;

/** Finding one's way in SQL text that a database kept: statements and conditions read back from catalogues. */
final class SqlText {
    private SqlText() {}

    /** The index of the parenthesis closing the one at {@code open}, skipping quoted text; -1 if none. */
    static int closingParenthesis(String sql, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
