package microblog.db;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import microblog.db.url.DatabaseKind;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.TransientPropertyValueException;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.generator.Generator;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.hibernate.id.enhanced.TableGenerator;

/**
 * A unit of work, like SQLAlchemy's {@code db.session}: changes collect in it
 * and reach the database together, atomically, on {@link #commit()}.
 *
 * <p>Reads run outside any transaction, each statement on its own, so an idle
 * session (a shell left open, a thread between requests) holds no lock and no
 * snapshot. A transaction begins with the first change ({@code add},
 * {@code delete}, {@code flush}, or {@code commit} of objects changed in place)
 * and ends at {@code commit} or {@code rollback}; on SQLite it takes the write
 * lock as it begins, so a change never has to upgrade a read lock that another
 * writer holds. (Adding an entity whose ids Hibernate takes from a table of its
 * own, as a sequence on SQLite, begins none: see {@link #add}.) Objects stay
 * attached across commits, so an object added earlier can later be deleted. {@link #rollback()} discards pending changes and detaches
 * everything; after a failed commit the session is rolled back for you and
 * can be used again at once.
 */
public final class DbSession implements AutoCloseable {

    private final SessionFactory factory;
    private final DatabaseKind kind; // whose error codes say what a failed write means
    private final DeleteOrder deleteOrder;
    private final List<Object> pendingDeletes = new ArrayList<>();
    /**
     * Detached objects given to {@link #add}: Hibernate copies them into managed
     * ones, so what the caller changes on them afterwards is copied again at
     * flush, as SQLAlchemy's session, which takes the object itself, would see it.
     */
    private final List<Object> readded = new ArrayList<>();

    private final DetachedReads reads; // where detached queries run: a replica, if any

    private Session session;
    private boolean runsUnitOfWork; // inside Database.transaction, which must not be entered again

    DbSession(SessionFactory factory, DatabaseKind kind) {
        this(factory, kind, Replicas.NONE);
    }

    DbSession(SessionFactory factory, DatabaseKind kind, Replicas replicas) {
        this.factory = factory;
        this.kind = kind;
        this.deleteOrder = new DeleteOrder(factory.getMetamodel());
        this.reads = new DetachedReads(factory, kind, replicas);
    }

    /**
     * Schedules {@code entity} to be inserted (or, if detached, re-attached).
     * With database-generated ids Hibernate inserts at once to learn the id, so
     * a constraint violation can surface here as well as at commit. An entity
     * whose ids come from a table of Hibernate's (a sequence on SQLite) gets its
     * id here and is inserted at commit; added outside a transaction, it begins
     * none (see {@code takesIdsFromATableOfItsOwn}).
     */
    public void add(Object entity) {
        guarded(() -> {
            Session s = active();
            if (s.contains(entity)) {
                return;
            }
            Object id = factory.getPersistenceUnitUtil().getIdentifier(entity);
            if (id == null && !s.getTransaction().isActive() && takesIdsFromATableOfItsOwn(entity)) {
                s.persist(entity); // its insert waits for the commit, which begins the transaction (see the method)
            } else if (id == null) {
                writing().persist(entity);
            } else {
                writing().merge(entity);
                readded.add(entity);
            }
        });
    }

    /**
     * Whether Hibernate takes the entity's ids from a table (the emulation of a sequence where the
     * database has none, as on SQLite, or a table generator), which it reads and updates on a
     * connection of its own, a block of ids at a time. On SQLite that connection needs the write
     * lock, which a transaction of this session holds from its start: such an entity is added
     * before the transaction begins (its insert waits for the commit, as Hibernate's do anyway),
     * or the next block would wait for this very session until the busy timeout.
     */
    private boolean takesIdsFromATableOfItsOwn(Object entity) {
        Generator generator = factory.unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel()
                .getEntityDescriptor(entity.getClass())
                .getGenerator();
        return generator instanceof TableGenerator
                || generator instanceof SequenceStyleGenerator sequence
                        && !sequence.getDatabaseStructure().isPhysicalSequence();
    }

    public void addAll(Iterable<?> entities) {
        entities.forEach(this::add);
    }

    /**
     * Schedules {@code entity} to be deleted at the next flush or commit, where
     * deletions run children first (see {@link DeleteOrder}).
     */
    public void delete(Object entity) {
        guarded(() -> {
            Session s = writing();
            Object attached = s.contains(entity) ? entity : s.merge(entity);
            if (pendingDeletes.stream().noneMatch(pending -> pending == attached)) {
                pendingDeletes.add(attached);
            }
        });
    }

    /**
     * Writes all pending changes in one transaction.
     *
     * @throws IntegrityViolationException if they break a constraint; nothing is written then
     * @throws TransactionConflictException if the database aborted the transaction for a conflict
     *     with another; nothing is written then, and running the work again usually succeeds (as
     *     {@link Database#transaction} does)
     * @throws CommitOutcomeUnknownException if the connection was lost during the COMMIT itself,
     *     so that the changes may or may not have been stored
     */
    public void commit() {
        guarded(() -> {
            Session s = writing();
            mergeReadded(s);
            removePendingDeletes(s);
            s.flush(); // a failure before the COMMIT is sent leaves nothing written, whatever it is
            try {
                s.getTransaction().commit();
            } catch (RuntimeException e) {
                if (ServerRefusals.explain(e, kind) != null) {
                    throw e; // refused, as a pooler's lost COMMIT (08P01 too): nothing was committed
                }
                SQLException lost = TransactionFailures.connectionLost(e, kind);
                if (lost != null) {
                    throw TransactionFailures.outcomeUnknown(e, lost);
                }
                throw PersistenceFailures.asDatabaseException(e, "the commit failed");
            }
            readded.clear();
        });
    }

    /** Discards pending changes; objects loaded so far become detached. */
    public void rollback() {
        discard();
    }

    /** Sends pending changes to the database without committing. */
    public void flush() {
        guarded(() -> {
            Session s = writing();
            mergeReadded(s);
            removePendingDeletes(s);
            s.flush();
        });
    }

    /**
     * Runs one SQL statement that changes rows ({@code UPDATE}, {@code INSERT}, {@code DELETE}),
     * in the session's transaction (begun if none is), with {@code ?} for each of {@code
     * parameters}; returns how many rows it changed. Pending changes of objects are flushed
     * first where the statement touches their tables, as SQLAlchemy's {@code session.execute}.
     * An update that must not lose another's, such as {@code SET n = n + 1}, belongs here rather
     * than in a read, a change in Java and a flush.
     */
    public int execute(String sql, Object... parameters) {
        int[] changed = new int[1];
        guarded(() -> {
            var statement = writing().createNativeMutationQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                statement.setParameter(i + 1, parameters[i]);
            }
            changed[0] = statement.executeUpdate();
        });
        return changed[0];
    }

    /** Re-reads {@code entity} from the database. */
    public void refresh(Object entity) {
        active().refresh(entity);
    }

    public <T> Query<T> query(Class<T> type) {
        return new Query<>(this::active, reads, type);
    }

    public <T> T get(Class<T> type, Object id) {
        try {
            return active().find(type, id);
        } catch (RuntimeException e) {
            throw PersistenceFailures.asDatabaseException(
                    e, "reading the " + type.getSimpleName() + " with id " + id + " failed");
        }
    }

    /**
     * Whether changes wait for a commit: a transaction begun, deletions or re-added objects
     * pending, objects changed in place.
     */
    boolean hasPendingChanges() {
        if (!pendingDeletes.isEmpty() || !readded.isEmpty()) {
            return true;
        }
        return session != null && session.isOpen() && (session.getTransaction().isActive() || session.isDirty());
    }

    boolean runsUnitOfWork() {
        return runsUnitOfWork;
    }

    void runsUnitOfWork(boolean running) {
        runsUnitOfWork = running;
    }

    /** The kind of database, whose error codes say what a failure means. */
    DatabaseKind kind() {
        return kind;
    }

    /** The Hibernate session underneath, for what this class does not cover. */
    public Session unwrap() {
        return active();
    }

    @Override
    public void close() {
        discard();
    }

    /** The session, for reading: no transaction is begun. */
    private Session active() {
        if (session == null || !session.isOpen()) {
            session = factory.openSession();
        }
        return session;
    }

    /** The session inside a transaction, for a change. */
    private Session writing() {
        Session s = active();
        if (!s.getTransaction().isActive()) {
            s.getTransaction().begin();
        }
        return s;
    }

    private void mergeReadded(Session s) {
        readded.forEach(s::merge);
    }

    private void removePendingDeletes(Session s) {
        pendingDeletes.sort(Comparator.comparingInt((Object e) -> deleteOrder.depth(e.getClass()))
                .reversed());
        pendingDeletes.forEach(s::remove);
        pendingDeletes.clear();
    }

    private void discard() {
        pendingDeletes.clear();
        readded.clear();
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

    /**
     * Runs a write. A failed write leaves a Hibernate session unusable, so the
     * session is rolled back and replaced; conflicts with other transactions, lock
     * timeouts, constraint violations and values that do not fit are reported as
     * such.
     */
    private void guarded(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            try {
                discard();
            } catch (RuntimeException cannotRollBack) { // as on a lost connection: the database rolls back
                e.addSuppressed(cannotRollBack);
            }
            if (e instanceof CommitOutcomeUnknownException) {
                throw e;
            }
            TransactionConflictException conflict = TransactionFailures.conflict(e, kind);
            if (conflict != null) {
                throw conflict;
            }
            DatabaseException refused = ServerRefusals.explain(e, kind); // a read-only replica, a pooler
            if (refused != null) {
                throw refused;
            }
            TransientPropertyValueException dangling = find(e, TransientPropertyValueException.class);
            if (dangling != null) {
                throw new IntegrityViolationException(
                        simpleName(dangling.getPropertyOwnerEntityName()) + "."
                                + dangling.getPropertyName() + " refers to a "
                                + simpleName(dangling.getTransientEntityName())
                                + " that is deleted or was never added: delete or re-point the "
                                + simpleName(dangling.getPropertyOwnerEntityName())
                                + " too, or add the other object; the transaction was rolled back",
                        ConstraintKind.FOREIGN_KEY,
                        null,
                        e);
            }
            SQLException busy = lockTimeout(e);
            if (busy != null) {
                throw new DatabaseBusyException(
                        "another transaction held the lock for too long; nothing was written, try again ("
                                + firstLine(busy.getMessage()) + ")",
                        e);
            }
            SQLException violation = ConstraintViolations.find(e, kind);
            if (violation != null) {
                throw ConstraintViolations.describe(
                        e,
                        violation,
                        kind,
                        "the change violates a constraint; the transaction was rolled back: "
                                + firstLine(violation.getMessage()));
            }
            SQLException badValue = find(e, SQLException.class);
            String unstorable = badValue == null ? null : kind.unstorableValue(badValue);
            if (unstorable != null) {
                throw new DatabaseException(unstorable + "; the transaction was rolled back", e);
            }
            if (badValue != null
                    && badValue.getSQLState() != null
                    && badValue.getSQLState().startsWith("22")) {
                throw new DatabaseException( // SQL state class 22: too long, out of range, not a date
                        "a value does not fit its column; the transaction was rolled back: "
                                + firstLine(badValue.getMessage()),
                        e);
            }
            throw PersistenceFailures.asDatabaseException(e, "the write failed; the transaction was rolled back");
        }
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String simpleName(String entityName) {
        return entityName.substring(entityName.lastIndexOf('.') + 1);
    }

    /** The driver's error if {@code e} is a lock wait that timed out (see {@link DatabaseKind#isLockTimeout}). */
    private SQLException lockTimeout(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && kind.isLockTimeout(sql)) {
                return sql;
            }
        }
        return null;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        String line = (newline < 0 ? text : text.substring(0, newline)).strip();
        return line.replaceFirst(";?\\s*SQL statement:$", ""); // H2 puts the statement on the next line
    }
}
