package microblog.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.jdbc.DatabaseConnectionException;
import microblog.db.orm.OrmSettings;
import microblog.db.url.DatabaseKind;
import microblog.db.url.DatabaseUrl;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;

/**
 * The database of an application, like Flask-SQLAlchemy's {@code db}: a pool of
 * connections, the ORM mapped over the application's entity classes, and its
 * sessions (one per thread by default).
 *
 * <p>Nothing global is kept unless asked: {@link #asDefault()} makes a database
 * the one {@link Model#query(Class)} uses, much as Flask-SQLAlchemy binds
 * {@code Model.query} to the application's {@code db}. An application with
 * several databases, or none of {@link Model}'s shortcuts, never calls it.
 */
public final class Database implements AutoCloseable {
    private static volatile Database defaultDatabase;

    private final DatabaseUrl url; // null when opened over the application's DataSource
    private final DataSource dataSource;
    private final AutoCloseable ownPool; // the pool this class made and so closes; null for the application's
    private final SessionFactory sessionFactory;
    private final boolean ownFactory; // false for the application's own EntityManagerFactory
    private final Supplier<DbSession> sessions;
    private final Replicas replicas; // read-only pools for detached queries; NONE for none

    private Database(
            DatabaseUrl url,
            DataSource dataSource,
            AutoCloseable ownPool,
            DatabaseKind kind,
            SessionFactory sessionFactory,
            boolean ownFactory,
            SessionScope scope,
            Replicas replicas) {
        this.url = url;
        this.dataSource = dataSource;
        this.ownPool = ownPool;
        this.sessionFactory = sessionFactory;
        this.ownFactory = ownFactory;
        this.replicas = replicas;
        if (scope == SessionScope.THREAD) {
            ThreadLocal<DbSession> perThread =
                    ThreadLocal.withInitial(() -> new DbSession(sessionFactory, kind, replicas));
            this.sessions = perThread::get;
        } else {
            DbSession shared = new DbSession(sessionFactory, kind, replicas);
            this.sessions = () -> shared;
        }
    }

    /**
     * Opens the database at {@code url} mapped over {@code entityClasses}.
     *
     * @throws DatabaseConnectionException if the database cannot be reached
     */
    public static Database open(DatabaseUrl url, Collection<Class<?>> entityClasses) {
        return open(url, entityClasses, SessionScope.THREAD);
    }

    /** Opens the database with sessions shared as {@code scope} says. */
    public static Database open(DatabaseUrl url, Collection<Class<?>> entityClasses, SessionScope scope) {
        return open(url, List.of(), entityClasses, scope);
    }

    /**
     * Opens the database at {@code url} with read-only replicas at {@code replicaUrls}: {@link
     * Query#detached() detached} queries, which change nothing, run on them in turn (on the
     * primary while none answers); everything else, writes first, runs on the primary.
     *
     * @throws DatabaseConnectionException if the primary cannot be reached (a replica down is no failure)
     * @throws DatabaseException if a replica is not a server of the primary's kind
     */
    public static Database open(
            DatabaseUrl url, List<DatabaseUrl> replicaUrls, Collection<Class<?>> entityClasses, SessionScope scope) {
        HikariDataSource pool = pool(url);
        Replicas replicas = Replicas.NONE;
        try {
            replicas = Replicas.open(replicaUrls, url.kind());
            return new Database(
                    url,
                    pool,
                    pool,
                    url.kind(),
                    sessionFactory(pool, OrmSettings.forKind(url.kind()), entityClasses),
                    true,
                    scope,
                    replicas);
        } catch (RuntimeException e) {
            replicas.close();
            pool.close();
            throw e;
        }
    }

    /**
     * Opens the database behind the application's own {@code dataSource}, mapped
     * over {@code entityClasses}; its kind is read from the driver. The pool stays
     * the application's: {@link #close()} leaves it open.
     *
     * @throws DatabaseConnectionException if no connection can be had
     * @throws DatabaseException if the database is not one of those supported, or a class is no entity
     */
    public static Database open(DataSource dataSource, Collection<Class<?>> entityClasses, SessionScope scope) {
        DatabaseKind kind;
        try (Connection connection = dataSource.getConnection()) {
            kind = DatabaseKind.ofProductName(connection.getMetaData().getDatabaseProductName());
            kind.dialect().requireSettings(connection);
        } catch (SQLException e) {
            throw new DatabaseConnectionException("cannot use the DataSource: " + e.getMessage(), e);
        }
        Map<String, Object> settings = OrmSettings.forKind(kind);
        if (kind.dialect().detectsDialectVersion()) {
            // The application's pool is there to ask: Hibernate then picks the dialect for the server's
            // real version, and does not warn that the dialect need not be named.
            settings.remove(AvailableSettings.DIALECT);
            settings.remove(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME);
            settings.put("hibernate.boot.allow_jdbc_metadata_access", "true");
        }
        return new Database(
                null,
                dataSource,
                null,
                kind,
                sessionFactory(dataSource, settings, entityClasses),
                true,
                scope,
                Replicas.NONE);
    }

    /**
     * Serves sessions from the application's own {@code EntityManagerFactory} (or Hibernate
     * {@code SessionFactory}), with its mapping and settings as they are. The factory stays the
     * application's: {@link #close()} leaves it open.
     *
     * @throws DatabaseException if it is no Hibernate factory, its database is not one of those
     *     supported, or it connects through no DataSource this class can reach
     */
    public static Database of(EntityManagerFactory factory, SessionScope scope) {
        SessionFactory sessionFactory;
        try {
            sessionFactory = factory.unwrap(SessionFactory.class);
        } catch (PersistenceException e) {
            throw new DatabaseException("the EntityManagerFactory is not Hibernate's: " + e.getMessage(), e);
        }
        DataSource dataSource = FactoryDataSource.of(sessionFactory);
        DatabaseKind kind;
        try (Connection connection = dataSource.getConnection()) {
            kind = DatabaseKind.ofProductName(connection.getMetaData().getDatabaseProductName());
            kind.dialect().requireSettings(connection);
        } catch (SQLException e) {
            throw new DatabaseConnectionException("cannot use the factory's connections: " + e.getMessage(), e);
        }
        return new Database(null, dataSource, null, kind, sessionFactory, false, scope, Replicas.NONE);
    }

    private static SessionFactory sessionFactory(
            DataSource dataSource, Map<String, Object> settings, Collection<Class<?>> entityClasses) {
        settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        return OrmSettings.buildMetadata(settings, List.copyOf(entityClasses)).buildSessionFactory();
    }

    private static HikariDataSource pool(DatabaseUrl url) {
        ConnectionFactory connections = new ConnectionFactory(url);
        connections.requireDriver(); // else the pool fails with a message that names no dependency
        // the library's name, as in its log lines and threads; no application's
        HikariConfig config = Pools.config(url, connections, "microblog-db");
        url.kind().dialect().addWriterSettings(config.getDataSourceProperties());
        if (url.isEmbedded()) {
            config.setMinimumIdle(1); // an idle connection keeps a shared in-memory database alive
        }
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw connections.failure(sql); // the driver's error as a one-line explanation, not a second try
            }
            throw new DatabaseConnectionException("cannot open " + url + ": " + e.getMessage(), e);
        }
    }

    /** Makes this the database {@link Model}'s query shortcuts use, until it closes; returns it. */
    public Database asDefault() {
        defaultDatabase = this;
        return this;
    }

    /**
     * The default database, made so by {@link #asDefault()}.
     *
     * @throws IllegalStateException if there is none
     */
    public static Database current() {
        Database db = defaultDatabase;
        if (db == null) {
            throw new IllegalStateException("no default database: open one and call asDefault() on it, as in "
                    + "Database.open(...).asDefault(), for Model's query shortcuts to use");
        }
        return db;
    }

    /** The current session: this thread's, or the process's (see {@link SessionScope}). */
    public DbSession session() {
        return sessions.get();
    }

    /**
     * Runs {@code work} as one transaction of the {@linkplain #session() current session} and
     * commits it, returning what the work returned; when the database aborts it because it
     * conflicted with another transaction (a deadlock, a serialization or Galera certification
     * failure: {@link TransactionConflictException}), rolls it back, waits a little and runs the
     * whole work again, as {@link RetryPolicy#DEFAULT} says (5 attempts in all). Each retry is
     * logged at debug level, with the attempt's number and the conflict.
     *
     * <pre>{@code
     * Post post = db.transaction(session -> {
     *     User author = User.query().filterBy("username", "john").one();
     *     Post p = new Post("hello", author);
     *     session.add(p);
     *     return p;
     * });
     * }</pre>
     *
     * <p>Each attempt starts from an empty session: objects loaded before are detached, and the
     * work reads what it decides on afresh. Any failure but a conflict rolls back and is thrown at
     * once; so is {@link CommitOutcomeUnknownException}, whose work may have been stored.
     *
     * <p>Since the work may run several times, it must
     * <ul>
     *   <li>do nothing outside the database that it would regret doing twice (send a mail, call
     *       another service, write a file, add to a counter in memory): do that after this
     *       returns, with what it returned;
     *   <li>not catch {@link TransactionConflictException} (or {@link DatabaseException}) and
     *       go on: the transaction is rolled back by then, and what follows would be committed
     *       alone;
     *   <li>not commit or roll back the session itself, nor begin another transaction of this
     *       database on the same thread (that fails);
     *   <li>take no decision from objects loaded before it began: they may be out of date.
     * </ul>
     *
     * <p>With sessions per thread (the default) any number of threads may run transactions at
     * once, each in its own session; with one session for the process ({@link
     * SessionScope#PROCESS}) only one thread at a time may.
     *
     * @throws IllegalStateException if the session has changes not committed yet (commit or roll
     *     them back first), or the thread is in this database's transaction already
     * @throws TransactionConflictException after the last attempt, saying how many were made;
     *     or when the thread is interrupted while it waits to try again (the interrupt is kept)
     * @throws CommitOutcomeUnknownException if the connection was lost during the commit
     */
    public <T> T transaction(UnitOfWork<T> work) {
        return transaction(RetryPolicy.DEFAULT, work);
    }

    /** {@link #transaction(UnitOfWork)}, making attempts and waiting between them as {@code policy} says. */
    public <T> T transaction(RetryPolicy policy, UnitOfWork<T> work) {
        return TransactionLoop.run(session(), policy, work);
    }

    /**
     * {@link #transaction(UnitOfWork)} for work with no result: {@code db.runTransaction(session
     * -> session.add(new User("susan", "susan@example.com")))}.
     */
    public void runTransaction(UnitOfWork.WithoutResult work) {
        runTransaction(RetryPolicy.DEFAULT, work);
    }

    /** {@link #runTransaction(UnitOfWork.WithoutResult)} as {@code policy} says. */
    public void runTransaction(RetryPolicy policy, UnitOfWork.WithoutResult work) {
        transaction(policy, session -> {
            work.run(session);
            return null;
        });
    }

    /** Shorthand for {@code session().query(type)}. */
    public <T> Query<T> query(Class<T> type) {
        return session().query(type);
    }

    /** The URL it was opened with; empty when opened over the application's DataSource or factory. */
    public Optional<DatabaseUrl> url() {
        return Optional.ofNullable(url);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    /** The read-only replicas' pools, in the order of their URLs; empty for none. */
    public List<DataSource> replicaDataSources() {
        return List.copyOf(replicas.dataSources());
    }

    @Override
    public void close() {
        session().close();
        if (ownFactory) {
            sessionFactory.close();
        }
        replicas.close();
        if (ownPool != null) {
            try {
                ownPool.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the connection pool: " + e.getMessage(), e);
            }
        }
        if (defaultDatabase == this) {
            defaultDatabase = null;
        }
    }

    @Override
    public String toString() {
        return "<Database engine=" + (url != null ? url : dataSource) + ">";
    }
}
