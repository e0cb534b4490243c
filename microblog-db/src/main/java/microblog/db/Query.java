package microblog.db;

import jakarta.persistence.NoResultException;
import jakarta.persistence.NonUniqueResultException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.SingularAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/**
 * A query over one entity type, built step by step as in Flask-SQLAlchemy:
 * {@code User.query().orderBy(Sort.desc("username")).all()}.
 *
 * <p>Each step returns a new query, so a query can be kept and refined
 * ({@code user.posts().filterBy("body", "hi")}). Nothing runs until a terminal
 * call: {@link #all()}, {@link #first()}, {@link #one()}, {@link #get(Object)},
 * {@link #count()}. A {@link #detached()} query runs on a read-only replica where the database
 * has one.
 */
public final class Query<T> {
    private record Filter(String attribute, Object value) {}

    private final Supplier<Session> session;
    private final DetachedReads reads;
    private final Class<T> type;
    private final List<Filter> filters;
    private final List<Sort> sorts;
    private final List<String> eager;
    private final Integer limit;
    private final Integer offset;
    private final boolean detached;

    Query(Supplier<Session> session, DetachedReads reads, Class<T> type) {
        this(session, reads, type, List.of(), List.of(), List.of(), null, null, false);
    }

    private Query(
            Supplier<Session> session,
            DetachedReads reads,
            Class<T> type,
            List<Filter> filters,
            List<Sort> sorts,
            List<String> eager,
            Integer limit,
            Integer offset,
            boolean detached) {
        this.session = session;
        this.reads = reads;
        this.type = type;
        this.filters = filters;
        this.sorts = sorts;
        this.eager = eager;
        this.limit = limit;
        this.offset = offset;
        this.detached = detached;
    }

    /** Keeps rows whose {@code attribute} equals {@code value} (IS NULL for null). */
    public Query<T> filterBy(String attribute, Object value) {
        List<Filter> more = new ArrayList<>(filters);
        more.add(new Filter(attribute, value));
        return new Query<>(session, reads, type, List.copyOf(more), sorts, eager, limit, offset, detached);
    }

    /** Type-checked {@link #filterBy(String, Object)}: {@code filter(User_.username, "john")}. */
    public <V> Query<T> filter(SingularAttribute<? super T, V> attribute, V value) {
        return filterBy(attribute.getName(), value);
    }

    public Query<T> orderBy(Sort... terms) {
        List<Sort> more = new ArrayList<>(sorts);
        more.addAll(List.of(terms));
        return new Query<>(session, reads, type, filters, List.copyOf(more), eager, limit, offset, detached);
    }

    /**
     * Loads the related object {@code association} in the same query (a fetch
     * join), so listing posts with their authors is one query, not one per post.
     */
    public Query<T> with(String association) {
        List<String> more = new ArrayList<>(eager);
        more.add(association);
        return new Query<>(session, reads, type, filters, sorts, List.copyOf(more), limit, offset, detached);
    }

    /** Type-checked {@link #with(String)}: {@code with(Post_.author)}. */
    public Query<T> with(Attribute<? super T, ?> association) {
        return with(association.getName());
    }

    public Query<T> limit(int rows) {
        return new Query<>(session, reads, type, filters, sorts, eager, rows, offset, detached);
    }

    public Query<T> offset(int rows) {
        return new Query<>(session, reads, type, filters, sorts, eager, limit, rows, detached);
    }

    /**
     * The same query, run outside the session (in a stateless one): the objects come back
     * detached, so nothing the session does is spent on them, and changes to them are never
     * saved. For pages that only show rows; fetch what they show with {@link #with}, as an
     * association not loaded cannot be loaded later. Where the database has read-only replicas,
     * such a query runs on one of them (see {@link Database#open(microblog.db.url.DatabaseUrl,
     * List, java.util.Collection, SessionScope)}).
     */
    public Query<T> detached() {
        return new Query<>(session, reads, type, filters, sorts, eager, limit, offset, true);
    }

    /** Every matching row. */
    public List<T> all() {
        if (!detached) {
            Session s = session.get();
            return reads.explained(
                    () -> page(s.createQuery(criteria(s.getCriteriaBuilder()))).getResultList());
        }
        return reads.run(stateless -> page(stateless.createQuery(criteria(stateless.getCriteriaBuilder())))
                .getResultList());
    }

    private <Q extends SelectionQuery<T>> Q page(Q query) {
        if (limit != null) {
            query.setMaxResults(limit);
        }
        if (offset != null) {
            query.setFirstResult(offset);
        }
        return query;
    }

    /** The first matching row, or null if there is none. */
    public T first() {
        List<T> rows = limit(1).all();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * The only matching row.
     *
     * @throws NoResultException if there is none, as JPA's {@code getSingleResult} does
     * @throws NonUniqueResultException if there are several
     */
    public T one() {
        List<T> rows = limit(2).all();
        if (rows.isEmpty()) {
            throw new NoResultException("expected exactly one " + type.getSimpleName() + ", found none");
        }
        if (rows.size() > 1) {
            throw new NonUniqueResultException("expected exactly one " + type.getSimpleName() + ", found several");
        }
        return rows.get(0);
    }

    /** The row with this primary key, or null: {@code User.query().get(1)}. */
    public T get(Object id) {
        if (!detached) {
            return reads.explained(() -> session.get().find(type, id));
        }
        return reads.run(stateless -> stateless.get(type, id));
    }

    public long count() {
        Session s = session.get();
        CriteriaBuilder cb = s.getCriteriaBuilder();
        CriteriaQuery<Long> q = cb.createQuery(Long.class);
        Root<T> root = q.from(type);
        q.select(cb.count(root)).where(predicates(cb, root));
        return reads.explained(() -> s.createQuery(q).getSingleResult());
    }

    private CriteriaQuery<T> criteria(CriteriaBuilder cb) {
        CriteriaQuery<T> q = cb.createQuery(type);
        Root<T> root = q.from(type);
        for (String association : eager) {
            try {
                root.fetch(association, JoinType.LEFT);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        type.getSimpleName() + " has no association '" + association + "'", e);
            }
        }
        q.select(root).where(predicates(cb, root));
        q.orderBy(sorts.stream()
                .map(sort ->
                        sort.ascending() ? cb.asc(path(root, sort.attribute())) : cb.desc(path(root, sort.attribute())))
                .toList());
        return q;
    }

    private Predicate[] predicates(CriteriaBuilder cb, Root<T> root) {
        return filters.stream()
                .map(f -> f.value() == null
                        ? cb.isNull(path(root, f.attribute()))
                        : cb.equal(path(root, f.attribute()), f.value()))
                .toArray(Predicate[]::new);
    }

    private Path<?> path(Root<T> root, String attribute) {
        try {
            return root.get(attribute);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no attribute '" + attribute + "'", e);
        }
    }

    @Override
    public String toString() {
        return "<Query " + type.getSimpleName() + (filters.isEmpty() ? "" : " where " + filters)
                + (sorts.isEmpty() ? "" : " order by " + sorts) + ">";
    }
}
