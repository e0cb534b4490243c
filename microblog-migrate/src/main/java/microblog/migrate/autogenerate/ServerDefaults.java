package microblog.migrate.autogenerate;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Server defaults as comparable text. Databases give back a default in their
 * own words: PostgreSQL adds casts ({@code 'a'::character varying}), MariaDB
 * writes {@code current_timestamp(6)}, {@code 0.00} for 0 on a decimal and
 * booleans as 0 and 1, some add
 * parentheses. Those spellings are not drift.
 */
final class ServerDefaults {
    /** PostgreSQL stores -1 on a number column as {@code '-1'::integer}: a number, not text. */
    private static final Pattern CAST_NUMBER =
            Pattern.compile("^\\(?'(-?\\d+(\\.\\d+)?)'::(integer|bigint|smallint|numeric|real|double precision)\\)?$");

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern CLOCK = Pattern.compile("^(now|current_timestamp)(\\(\\d*\\))?$");
    private static final Pattern CAST = Pattern.compile("::[a-z ]+(\\(\\d+(,\\s*\\d+)?\\))?(\\[\\])?$");

    private ServerDefaults() {}

    static String normalize(String expression) {
        if (expression == null) {
            return null;
        }
        String text = CAST_NUMBER.matcher(expression.strip()).replaceAll("$1");
        String previous;
        do {
            previous = text;
            text = CAST.matcher(text).replaceAll("").strip();
            if (text.startsWith("(") && text.endsWith(")")) {
                text = text.substring(1, text.length() - 1).strip();
            }
        } while (!text.equals(previous));
        if (text.startsWith("'")) {
            return text;
        }
        text = text.toLowerCase(Locale.ROOT);
        if (NUMBER.matcher(text).matches()) {
            return new BigDecimal(text).stripTrailingZeros().toPlainString(); // MariaDB keeps 0 on a decimal as 0.00
        }
        // MariaDB writes the precision of the column it fills: current_timestamp(6) on a DATETIME(6).
        text = CLOCK.matcher(text).replaceAll("current_timestamp");
        return switch (text) {
            case "false" -> "0";
            case "true" -> "1";
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
