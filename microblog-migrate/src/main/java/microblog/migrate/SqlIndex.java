package microblog.migrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an index that Jakarta Persistence's {@code @Index} cannot: on an
 * SQL expression, or partial (over the rows a condition selects). Autogenerate
 * writes it as a {@code create_index} with {@code expression} or {@code where},
 * and compares it by name (each database rewrites the SQL it stores, so the
 * text is not compared: rename the index when you change it).
 *
 * <pre>{@code
 * @Entity
 * @SqlIndex(name = "ix_user_email_lower", on = "lower(email)", unique = true)
 * @SqlIndex(name = "ix_post_pending", on = "timestamp", where = "published = false")
 * public class User { ... }
 * }</pre>
 *
 * PostgreSQL and SQLite make both kinds. MySQL, MariaDB and H2 make neither:
 * there the revision's {@code create_index} does nothing, and autogenerate
 * says so when it writes it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(SqlIndex.List.class)
public @interface SqlIndex {
    /** The index's name. */
    String name();

    /** The key: column names separated by commas ({@code "email"}), or an SQL expression ({@code "lower(email)"}). */
    String on();

    /** The condition of a partial index, as SQL ({@code "published = false"}); empty for every row. */
    String where() default "";

    boolean unique() default false;

    /** Several {@link SqlIndex} on one entity. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        SqlIndex[] value();
    }
}
