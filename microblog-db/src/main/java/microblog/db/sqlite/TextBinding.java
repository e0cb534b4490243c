package microblog.db.sqlite;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.JdbcType;

/**
 * Binds and extracts a value as text, through a format and a parse function:
 * the plumbing the SQLite timestamp types share, whatever Java type they carry.
 */
final class TextBinding {
    private TextBinding() {}

    static <X, T> ValueBinder<X> binder(
            JavaType<X> javaType, JdbcType jdbcType, Class<T> carried, Function<T, String> format) {
        return new BasicBinder<>(javaType, jdbcType) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options)
                    throws SQLException {
                st.setString(index, format.apply(javaType.unwrap(value, carried, options)));
            }

            @Override
            protected void doBind(CallableStatement st, X value, String name, WrapperOptions options)
                    throws SQLException {
                st.setString(name, format.apply(javaType.unwrap(value, carried, options)));
            }
        };
    }

    static <X> ValueExtractor<X> extractor(JavaType<X> javaType, JdbcType jdbcType, Function<String, ?> parse) {
        return new BasicExtractor<>(javaType, jdbcType) {
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
                return text == null ? null : javaType.wrap(parse.apply(text), options);
            }
        };
    }
}
