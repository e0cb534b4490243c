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
        if (text.chars().allMatch(Character::isDigit)) {
            return LocalDateTime.ofInstant(Instant.ofEpochMilli(Long.parseLong(text)), ZoneOffset.UTC);
        }
        return LocalDateTime.parse(text.length() == 10 ? text + " 00:00:00" : text, READ);
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
