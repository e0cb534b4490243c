package microblog.db;

import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;

/**
 * A unit of work, like SQLAlchemy's {@code db.session}: changes collect in it
 * and reach the database together, atomically, on {@link #commit()}.
 *
 * <p>A transaction begins on first use and after each commit or rollback.
 * Objects stay attached across commits, so an object added earlier can later be
 * deleted. {@link #rollback()} discards pending changes and detaches
 * everything; after a failed commit the session is rolled back for you and
 * can be used again at once.
 */
public final class DbSession implements AutoCloseable {
    private final SessionFactory factory;
    private final DeleteOrder deleteOrder;
    private final List<Object> pendingDeletes = new ArrayList<>();
    private Session session;

    DbSession(SessionFactory factory) {
        this.factory = factory;
        this.deleteOrder = new DeleteOrder(factory.getMetamodel());
    }

    /** Schedules {@code entity} to be inserted (or, if detached, re-attached). */
    public void add(Object entity) {
        Session s = active();
        if (s.contains(entity)) {
            return;
        }
        Object id = factory.getPersistenceUnitUtil().getIdentifier(entity);
        if (id == null) {
            s.persist(entity);
        } else {
            s.merge(entity);
        }
    }

    public void addAll(Iterable<?> entities) {
        entities.forEach(this::add);
    }

    /**
     * Schedules {@code entity} to be deleted at the next flush or commit, where
     * deletions run children first (see {@link DeleteOrder}).
     */
    public void delete(Object entity) {
        Session s = active();
        Object attached = s.contains(entity) ? entity : s.merge(entity);
        if (pendingDeletes.stream().noneMatch(pending -> pending == attached)) {
            pendingDeletes.add(attached);
        }
    }

    /** Writes all pending changes in one transaction. */
    public void commit() {
        Session s = active();
        try {
            removePendingDeletes(s);
            s.getTransaction().commit();
        } catch (ConstraintViolationException e) {
            discard();
            throw integrityViolation(e);
        } catch (PersistenceException e) {
            discard();
            if (e.getCause() instanceof ConstraintViolationException violation) {
                throw integrityViolation(violation);
            }
            throw e;
        }
    }

    /** Discards pending changes; objects loaded so far become detached. */
    public void rollback() {
        discard();
    }

    /** Sends pending changes to the database without committing. */
    public void flush() {
        Session s = active();
        removePendingDeletes(s);
        s.flush();
    }

    /** Re-reads {@code entity} from the database. */
    public void refresh(Object entity) {
        active().refresh(entity);
    }

    public <T> Query<T> query(Class<T> type) {
        return new Query<>(this::active, type);
    }

    public <T> T get(Class<T> type, Object id) {
        return active().find(type, id);
    }

    /** The Hibernate session underneath, for what this class does not cover. */
    public Session unwrap() {
        return active();
    }

    @Override
    public void close() {
        discard();
    }

    private Session active() {
        if (session == null || !session.isOpen()) {
            session = factory.openSession();
        }
        if (!session.getTransaction().isActive()) {
            session.getTransaction().begin();
        }
        return session;
    }

    private void removePendingDeletes(Session s) {
        pendingDeletes.sort(Comparator.comparingInt((Object e) -> deleteOrder.depth(e.getClass())).reversed());
        pendingDeletes.forEach(s::remove);
        pendingDeletes.clear();
    }

    private void discard() {
        pendingDeletes.clear();
        if (session == null) {
            return;
        }
        try {
            if (session.getTransaction().isActive()) {
                session.getTransaction().rollback();
            }
        } finally {
            session.close();
            session = null;
        }
    }

    private static IntegrityViolationException integrityViolation(ConstraintViolationException e) {
        String detail = e.getSQLException() == null ? e.getMessage() : e.getSQLException().getMessage();
        String constraint = e.getConstraintName() == null ? "" : " '" + e.getConstraintName() + "'";
        return new IntegrityViolationException("commit violates constraint" + constraint + " and was rolled back: "
                + firstLine(detail), e);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }
}
