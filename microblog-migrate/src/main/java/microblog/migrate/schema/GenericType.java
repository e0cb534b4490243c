package microblog.migrate.schema;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The database-neutral types a column can have, spelled in revision files as SQLAlchemy spells
 * its generic types. Every place that says what a type means on a database switches over these,
 * so a new one does not compile until each database renders it.
 */
public enum GenericType {
    INTEGER("Integer"),
    BIG_INTEGER("BigInteger"),
    SMALL_INTEGER("SmallInteger"),
    STRING("String"),
    TEXT("Text"),
    BOOLEAN("Boolean"),
    DATE_TIME("DateTime"),
    DATE("Date"),
    TIME("Time"),
    FLOAT("Float"),
    DOUBLE("Double"),
    NUMERIC("Numeric"),
    LARGE_BINARY("LargeBinary"),
    UUID("Uuid");

    private final String spelling;

    GenericType(String spelling) {
        this.spelling = spelling;
    }

    /** The name as revision files write it: {@code BigInteger}. */
    public String spelling() {
        return spelling;
    }

    /** The type a revision file's word names, in any letter case. */
    public static Optional<GenericType> ofSpelling(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> t.spelling.toLowerCase(Locale.ROOT).equals(lower))
                .findFirst();
    }

    public boolean isInteger() {
        return this == INTEGER || this == BIG_INTEGER || this == SMALL_INTEGER;
    }

    /** Whether values are character strings, bounded or not. */
    public boolean isText() {
        return this == STRING || this == TEXT;
    }

    @Override
    public String toString() {
        return spelling;
    }
}
