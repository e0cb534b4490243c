package microblog.migrate.autogenerate;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Server defaults as comparable text. Databases give back a default in their
 * own words: PostgreSQL adds casts ({@code 'a'::character varying}), MariaDB
 * writes {@code current_timestamp()} and booleans as 0 and 1, some add
 * parentheses. Those spellings are not drift.
 */
final class ServerDefaults {
    private static final Pattern QUOTED_NUMBER = Pattern.compile("'-?\\d+(\\.\\d+)?'");
    private static final Pattern CAST = Pattern.compile("::[a-z ]+(\\(\\d+(,\\s*\\d+)?\\))?(\\[\\])?$");

    private ServerDefaults() {}

    static String normalize(String expression) {
        if (expression == null) {
            return null;
        }
        String text = expression.strip();
        String previous;
        do {
            previous = text;
            text = CAST.matcher(text).replaceAll("").strip();
            if (text.startsWith("(") && text.endsWith(")")) {
                text = text.substring(1, text.length() - 1).strip();
            }
        } while (!text.equals(previous));
        if (QUOTED_NUMBER.matcher(text).matches()) {
            text = text.substring(1, text.length() - 1); // PostgreSQL stores -1 as '-1'::integer
        }
        if (text.startsWith("'")) {
            return text;
        }
        text = text.toLowerCase(Locale.ROOT);
        return switch (text) {
            case "false" -> "0";
            case "true" -> "1";
            case "now()", "current_timestamp()", "current_timestamp" -> "current_timestamp";
            case "null" -> null;
            default -> text;
        };
    }

    static boolean same(String a, String b) {
        String x = normalize(a);
        String y = normalize(b);
        return x == null ? y == null : x.equals(y);
    }
}
