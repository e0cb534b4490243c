package microblog.db.sqlite;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.TimestampUtcAsJdbcTimestampJdbcType;

/**
 * Stores instants ({@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime})
 * in SQLite as the UTC date and time in ISO-8601 text with microseconds, in the
 * same format as {@link IsoTextTimestampJdbcType}.
 *
 * <p>Hibernate would otherwise pass a {@code java.sql.Timestamp}, which the xerial
 * driver stores as integer milliseconds: the microseconds would be lost.
 */
public final class IsoTextUtcTimestampJdbcType extends TimestampUtcAsJdbcTimestampJdbcType {
    public static final IsoTextUtcTimestampJdbcType INSTANCE = new IsoTextUtcTimestampJdbcType();

    private static String format(Instant instant) {
        return IsoTextTimestampJdbcType.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static Instant parse(String text) {
        return IsoTextTimestampJdbcType.parse(text).toInstant(ZoneOffset.UTC);
    }

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return TextBinding.binder(javaType, this, Instant.class, IsoTextUtcTimestampJdbcType::format);
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return TextBinding.extractor(javaType, this, IsoTextUtcTimestampJdbcType::parse);
    }
}
