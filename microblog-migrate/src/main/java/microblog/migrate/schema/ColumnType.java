package microblog.migrate.schema;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import microblog.migrate.MigrationException;

/**
 * A database-neutral column type, written in revision files as SQLAlchemy spells
 * its generic types: {@code Integer}, {@code String(64)},
 * {@code DateTime}, {@code Numeric(10, 2)}, {@code DateTime(timezone=True)}. Each
 * database renders it in its own words (see {@code microblog.migrate.dialect}).
 *
 * @param generic   which type
 * @param length    the length of a String, else null
 * @param precision the precision of a Numeric, else null
 * @param scale     the scale of a Numeric, else null
 * @param timezone  whether a DateTime holds an instant (stored in UTC) rather than
 *                  a local date and time; false for every other type
 */
public record ColumnType(GenericType generic, Integer length, Integer precision, Integer scale, boolean timezone) {
    private static final Pattern SPELLING =
            Pattern.compile("\\s*(\\w+)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*");
    /** SQLAlchemy's keyword spelling, which reads better in a revision than a new type name would. */
    private static final Pattern WITH_TIMEZONE =
            Pattern.compile("\\s*DateTime\\s*\\(\\s*timezone\\s*=\\s*True\\s*\\)\\s*", Pattern.CASE_INSENSITIVE);

    public static final ColumnType INTEGER = of(GenericType.INTEGER);
    /** An instant: Java's {@code Instant}, {@code OffsetDateTime} and {@code ZonedDateTime}. */
    public static final ColumnType DATE_TIME_WITH_TIMEZONE =
            new ColumnType(GenericType.DATE_TIME, null, null, null, true);

    /** The type with no length, precision or zone. */
    public static ColumnType of(GenericType generic) {
        return new ColumnType(generic, null, null, null, false);
    }

    public static ColumnType string(Integer length) {
        return new ColumnType(GenericType.STRING, length, null, null, false);
    }

    public static ColumnType numeric(Integer precision, Integer scale) {
        return new ColumnType(GenericType.NUMERIC, null, precision, scale, false);
    }

    /** Reads {@code String(64)}, {@code Integer}, {@code Numeric(10, 2)} or {@code DateTime(timezone=True)}. */
    public static ColumnType parse(String spelling) {
        if (spelling != null && WITH_TIMEZONE.matcher(spelling).matches()) {
            return DATE_TIME_WITH_TIMEZONE;
        }
        Matcher m = SPELLING.matcher(spelling == null ? "" : spelling);
        GenericType generic = m.matches() ? GenericType.ofSpelling(m.group(1)).orElse(null) : null;
        if (generic == null) {
            throw new MigrationException("unknown column type '" + spelling + "': use one of "
                    + Arrays.stream(GenericType.values())
                            .map(GenericType::spelling)
                            .sorted()
                            .collect(Collectors.joining(", "))
                    + " or DateTime(timezone=True)");
        }
        Integer first = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer second = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        return generic == GenericType.NUMERIC
                ? numeric(first, second)
                : new ColumnType(generic, first, null, null, false);
    }

    /** The neutral type a type name reads back as in {@code catalog}, such as {@code CHAR(32)} as String(32). */
    public static ColumnType fromSql(SchemaCatalog catalog, String sqlType) {
        return TypeNormalizer.normalize(catalog, "of type " + sqlType, sqlType, 0, 0);
    }

    public boolean isInteger() {
        return generic.isInteger();
    }

    /**
     * Whether every value of {@code other} fits this type unchanged, so that
     * changing a column from {@code other} to this loses nothing.
     */
    public boolean holdsAllOf(ColumnType other) {
        if (equals(other)) {
            return true;
        }
        return switch (generic) {
            case TEXT -> other.generic == GenericType.STRING;
            case STRING -> other.generic == GenericType.STRING
                    && (length == null || other.length != null && length >= other.length);
            case BIG_INTEGER -> other.isInteger();
            case INTEGER -> other.generic == GenericType.SMALL_INTEGER;
            case DOUBLE -> other.generic == GenericType.FLOAT
                    || other.isInteger() && other.generic != GenericType.BIG_INTEGER;
            case NUMERIC -> other.generic == GenericType.NUMERIC && holdsDigitsOf(other);
            case SMALL_INTEGER, BOOLEAN, DATE_TIME, DATE, TIME, FLOAT, LARGE_BINARY, UUID -> false;
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
        return generic == GenericType.STRING && length != null;
    }

    @Override
    public String toString() {
        String name = generic.spelling();
        if (timezone) {
            return name + "(timezone=True)";
        }
        if (precision != null) {
            return name + "(" + precision + (scale == null ? "" : ", " + scale) + ")";
        }
        return length == null ? name : name + "(" + length + ")";
    }
}
