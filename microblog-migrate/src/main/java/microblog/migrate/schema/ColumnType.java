package microblog.migrate.schema;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import microblog.migrate.MigrationException;

/**
 * A database-neutral column type, written in revision files as SQLAlchemy
 * spells its generic types: {@code Integer}, {@code String(64)},
 * {@code DateTime}, {@code Numeric(10, 2)}, {@code DateTime(timezone=True)}. Each
 * database renders it in its own words (see {@code ddl}).
 *
 * @param name      one of {@link #NAMES}
 * @param length    the length of a String, else null
 * @param precision the precision of a Numeric, else null
 * @param scale     the scale of a Numeric, else null
 * @param timezone  whether a DateTime holds an instant (stored in UTC) rather than
 *                  a local date and time; false for every other type
 */
public record ColumnType(String name, Integer length, Integer precision, Integer scale, boolean timezone) {
    public static final Set<String> NAMES = Set.of(
            "Integer",
            "BigInteger",
            "SmallInteger",
            "String",
            "Text",
            "Boolean",
            "DateTime",
            "Date",
            "Time",
            "Float",
            "Double",
            "Numeric",
            "LargeBinary",
            "Uuid");

    private static final Pattern SPELLING =
            Pattern.compile("\\s*(\\w+)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*");
    /** SQLAlchemy's keyword spelling, which reads better in a revision than a new type name would. */
    private static final Pattern WITH_TIMEZONE =
            Pattern.compile("\\s*DateTime\\s*\\(\\s*timezone\\s*=\\s*True\\s*\\)\\s*", Pattern.CASE_INSENSITIVE);

    public static final ColumnType INTEGER = of("Integer");
    /** An instant: Java's {@code Instant}, {@code OffsetDateTime} and {@code ZonedDateTime}. */
    public static final ColumnType DATE_TIME_WITH_TIMEZONE = new ColumnType("DateTime", null, null, null, true);

    public static ColumnType of(String name) {
        return new ColumnType(name, null, null, null, false);
    }

    public static ColumnType string(Integer length) {
        return new ColumnType("String", length, null, null, false);
    }

    public static ColumnType numeric(Integer precision, Integer scale) {
        return new ColumnType("Numeric", null, precision, scale, false);
    }

    /** Reads {@code String(64)}, {@code Integer}, {@code Numeric(10, 2)} or {@code DateTime(timezone=True)}. */
    public static ColumnType parse(String spelling) {
        if (spelling != null && WITH_TIMEZONE.matcher(spelling).matches()) {
            return DATE_TIME_WITH_TIMEZONE;
        }
        Matcher m = SPELLING.matcher(spelling == null ? "" : spelling);
        String name = m.matches() ? canonicalName(m.group(1)) : null;
        if (name == null) {
            throw new MigrationException("unknown column type '" + spelling + "': use one of "
                    + String.join(", ", NAMES.stream().sorted().toList()) + " or DateTime(timezone=True)");
        }
        Integer first = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer second = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        return name.equals("Numeric") ? numeric(first, second) : new ColumnType(name, first, null, null, false);
    }

    /** The neutral type a type name reads back as in {@code catalog}, such as {@code CHAR(32)} as String(32). */
    public static ColumnType fromSql(SchemaCatalog catalog, String sqlType) {
        return TypeNormalizer.normalize(catalog, "of type " + sqlType, sqlType, 0, 0);
    }

    private static String canonicalName(String word) {
        return NAMES.stream()
                .filter(n -> n.toLowerCase(Locale.ROOT).equals(word.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElse(null);
    }

    public boolean isInteger() {
        return name.equals("Integer") || name.equals("BigInteger") || name.equals("SmallInteger");
    }

    /**
     * Whether every value of {@code other} fits this type unchanged, so that
     * changing a column from {@code other} to this loses nothing.
     */
    public boolean holdsAllOf(ColumnType other) {
        if (equals(other)) {
            return true;
        }
        return switch (name) {
            case "Text" -> other.name.equals("String");
            case "String" -> other.name.equals("String")
                    && (length == null || other.length != null && length >= other.length);
            case "BigInteger" -> other.isInteger();
            case "Integer" -> other.name.equals("SmallInteger");
            case "Double" -> other.name.equals("Float") || other.isInteger() && !other.name.equals("BigInteger");
            case "Numeric" -> other.name.equals("Numeric") && holdsDigitsOf(other);
            default -> false;
        };
    }

    /** A Numeric holds another when it keeps at least as many digits on each side of the point. */
    private boolean holdsDigitsOf(ColumnType other) {
        if (precision == null) {
            return true;
        }
        if (other.precision == null) {
            return false;
        }
        int scale = this.scale == null ? 0 : this.scale;
        int otherScale = other.scale == null ? 0 : other.scale;
        return scale >= otherScale && precision - scale >= other.precision - otherScale;
    }

    /** Whether this is a bounded String, where narrowing can be checked value by value. */
    public boolean isBoundedString() {
        return name.equals("String") && length != null;
    }

    @Override
    public String toString() {
        if (timezone) {
            return name + "(timezone=True)";
        }
        if (precision != null) {
            return name + "(" + precision + (scale == null ? "" : ", " + scale) + ")";
        }
        return length == null ? name : name + "(" + length + ")";
    }
}
