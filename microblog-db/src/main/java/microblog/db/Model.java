package microblog.db;

import jakarta.persistence.MappedSuperclass;

/**
 * Optional base class for entities, the counterpart of Flask-SQLAlchemy's
 * {@code db.Model}: it gives subclasses query shortcuts bound to the
 * {@linkplain Database#asDefault() default database}.
 *
 * <pre>{@code
 * public static Query<User> query() { return query(User.class); }
 * public Query<Post> posts() { return related(Post.class, "author"); }
 * }</pre>
 */
@MappedSuperclass
public abstract class Model {

    /** A query over all rows of {@code type} in the default database. */
    protected static <T> Query<T> query(Class<T> type) {
        return Database.current().query(type);
    }

    /**
     * The rows of {@code type} whose {@code backReference} points at this object:
     * a one-to-many relationship as a query that can be filtered and ordered
     * further (SQLAlchemy's {@code lazy='dynamic'}).
     */
    protected <T> Query<T> related(Class<T> type, String backReference) {
        return query(type).filterBy(backReference, this);
    }
}
