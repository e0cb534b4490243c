package microblog.migrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that an entity's table, or a field's column, had another name in
 * earlier revisions. {@code db migrate} then writes {@code rename_table} or
 * {@code rename_column}, which keep the rows, instead of dropping the old one
 * and creating an empty new one.
 *
 * <pre>{@code
 * @RenamedFrom("username")      // the column this field was stored in
 * @Column(length = 64)
 * private String login;
 * }</pre>
 *
 * The annotation may stay after the rename has been applied: a former name
 * that no longer exists in the database is ignored.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
public @interface RenamedFrom {
    /** The former table or column names, as they are in the database. */
    String[] value();
}
