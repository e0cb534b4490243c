package microblog.db.sqlite;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.TimestampJdbcType;

/**
 * Stores SQLite timestamps as ISO-8601 text with microseconds
 * ({@code 2017-12-26 05:05:05.654321}), the format SQLAlchemy writes.
 *
 * <p>The xerial driver would otherwise store integer milliseconds, which the
 * {@code sqlite3} tool shows as a bare number and which misreads databases made
 * by the Python microblog. Reading accepts both text forms and legacy numbers.
 */
public final class IsoTextTimestampJdbcType extends TimestampJdbcType {
    public static final IsoTextTimestampJdbcType INSTANCE = new IsoTextTimestampJdbcType();

    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter();

    static String format(LocalDateTime value) {
        return WRITE.format(value);
    }

    static LocalDateTime parse(String text) {
        LocalDateTime usual = parseUsualShape(text);
        if (usual != null) {
            return usual;
        }
        if (!text.isEmpty() && allDigits(text, 0, text.length())) {
            return LocalDateTime.ofInstant(Instant.ofEpochMilli(Long.parseLong(text)), ZoneOffset.UTC);
        }
        return LocalDateTime.parse(text.length() == 10 ? text + " 00:00:00" : text, READ);
    }

    /**
     * Reads {@code yyyy-MM-dd HH:mm:ss} with an optional fraction, the shape every row written
     * here or by SQLAlchemy has, digit by digit; null for any other shape, which the formatter
     * reads. A page of posts reads one per row, and the formatter's general parse was a fifth of
     * the index page's CPU under load (profiled with JFR, 2026-11-26).
     */
    private static LocalDateTime parseUsualShape(String text) {
        int length = text.length();
        if (length < 19
                || length == 20
                || length > 29
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || (text.charAt(10) != ' ' && text.charAt(10) != 'T')
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || (length > 19 && text.charAt(19) != '.')
                || !allDigits(text, 0, 4)
                || !allDigits(text, 5, 7)
                || !allDigits(text, 8, 10)
                || !allDigits(text, 11, 13)
                || !allDigits(text, 14, 16)
                || !allDigits(text, 17, 19)
                || !allDigits(text, 20, length)) {
            return null;
        }
        int nanos = 0;
        for (int i = 20; i < 29; i++) {
            nanos = nanos * 10 + (i < length ? text.charAt(i) - '0' : 0);
        }
        return LocalDateTime.of(
                number(text, 0, 4),
                number(text, 5, 7),
                number(text, 8, 10),
                number(text, 11, 13),
                number(text, 14, 16),
                number(text, 17, 19),
                nanos);
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return TextBinding.binder(javaType, this, LocalDateTime.class, IsoTextTimestampJdbcType::format);
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return TextBinding.extractor(javaType, this, IsoTextTimestampJdbcType::parse);
    }
}
