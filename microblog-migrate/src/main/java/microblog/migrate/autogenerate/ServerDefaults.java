package microblog.migrate.autogenerate;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;
import microblog.migrate.schema.PortableDefault;

/**
 * Server defaults as comparable text. Databases give back a default in their
 * own words: PostgreSQL adds casts ({@code 'a'::character varying}), MariaDB
 * writes {@code current_timestamp(6)}, {@code 0.00} for 0 on a decimal and
 * booleans as 0 and 1, some add
 * parentheses. Those spellings are not drift.
 */
final class ServerDefaults {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private ServerDefaults() {}

    /** The default as comparable text: in {@link PortableDefault}'s words, then without case or brackets. */
    static String normalize(String expression) {
        String text = PortableDefault.spelling(expression);
        while (text != null && text.startsWith("(") && text.endsWith(")")) {
            text = PortableDefault.spelling(text.substring(1, text.length() - 1));
        }
        if (text == null || text.startsWith("'")) {
            return text;
        }
        text = text.toLowerCase(Locale.ROOT);
        if (NUMBER.matcher(text).matches()) {
            return new BigDecimal(text).stripTrailingZeros().toPlainString(); // MariaDB keeps 0 on a decimal as 0.00
        }
        return switch (text) {
            case "false" -> "0";
            case "true" -> "1";
            default -> text;
        };
    }

    static boolean same(String a, String b) {
        String x = normalize(a);
        String y = normalize(b);
        return x == null ? y == null : x.equals(y);
    }
}
