package microblog.migrate.schema;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A server default as a database reports it, rewritten in words every database
 * reads: what a downgrade re-creates comes from the live schema, and a revision
 * generated on one database must apply on the others. PostgreSQL adds casts
 * ({@code 'new'::character varying}, {@code '-1'::integer}) that SQLite and
 * MySQL cannot parse; MariaDB writes the clock with its column's precision
 * ({@code current_timestamp(6)}, which SQLite refuses) and a boolean as
 * {@code 1}, which PostgreSQL refuses on a boolean column.
 */
public final class PortableDefault {
    private static final Pattern CAST_NUMBER =
            Pattern.compile("^'(-?\\d+(\\.\\d+)?)'::(integer|bigint|smallint|numeric|real|double precision)$");
    private static final Pattern TRAILING_CAST =
            Pattern.compile("::[a-z ]+(\\(\\d+(,\\s*\\d+)?\\))?(\\[])?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern LITERAL = Pattern.compile("^(-?\\d+(\\.\\d+)?|'([^']|'')*')$");
    private static final Pattern CLOCK =
            Pattern.compile("^(now|current_timestamp)(\\(\\d*\\))?$", Pattern.CASE_INSENSITIVE);

    private PortableDefault() {}

    /** {@code stored}, the default of a column of {@code type}, as every database reads it; null for none. */
    public static String of(String stored, ColumnType type) {
        String text = spelling(stored);
        if (text != null && type.generic() == GenericType.BOOLEAN) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "1", "b'1'", "true" -> "true";
                case "0", "b'0'", "false" -> "false";
                default -> text;
            };
        }
        return text;
    }

    /**
     * {@code stored} without PostgreSQL's casts and with the clock as
     * {@code CURRENT_TIMESTAMP}, whatever the column; null for none.
     */
    public static String spelling(String stored) {
        if (stored == null || stored.strip().equalsIgnoreCase("NULL")) {
            return null; // MariaDB reports a column without a default as having the default NULL
        }
        String text = uncast(stored.strip());
        return CLOCK.matcher(text).matches() ? "CURRENT_TIMESTAMP" : text;
    }

    /**
     * {@code text} without PostgreSQL's casts; without parentheses around a
     * literal, but with those around an expression, which SQLite needs.
     */
    private static String uncast(String text) {
        String plain = TRAILING_CAST
                .matcher(CAST_NUMBER.matcher(text).replaceAll("$1"))
                .replaceAll("")
                .strip();
        if (!wrappedInParentheses(plain)) {
            return plain;
        }
        String inner = uncast(plain.substring(1, plain.length() - 1).strip());
        return LITERAL.matcher(inner).matches() || CLOCK.matcher(inner).matches() ? inner : plain;
    }

    /** Whether the whole of {@code text} is one parenthesised expression: {@code (a)}, not {@code (a) + (b)}. */
    private static boolean wrappedInParentheses(String text) {
        if (!text.startsWith("(") || !text.endsWith(")")) {
            return false;
        }
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0 && i < text.length() - 1) {
                return false;
            }
        }
        return true;
    }
}
