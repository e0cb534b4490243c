package microblog.db.sqlite;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
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
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options)
                    throws SQLException {
                st.setString(index, format(javaType.unwrap(value, Instant.class, options)));
            }

            @Override
            protected void doBind(CallableStatement st, X value, String name, WrapperOptions options)
                    throws SQLException {
                st.setString(name, format(javaType.unwrap(value, Instant.class, options)));
            }
        };
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rs, int index, WrapperOptions options) throws SQLException {
                return wrap(rs.getString(index), options);
            }

            @Override
            protected X doExtract(CallableStatement st, int index, WrapperOptions options) throws SQLException {
                return wrap(st.getString(index), options);
            }

            @Override
            protected X doExtract(CallableStatement st, String name, WrapperOptions options) throws SQLException {
                return wrap(st.getString(name), options);
            }

            private X wrap(String text, WrapperOptions options) {
                return text == null ? null : javaType.wrap(parse(text), options);
            }
        };
    }
}
