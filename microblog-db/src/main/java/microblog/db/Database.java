package microblog.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
 * connections, the ORM mapped over the application's entity classes, and a
 * session per thread.
 *
 * <p>The database opened last is also the {@linkplain #current() current} one,
 * which {@link Model#query(Class)} uses, much as Flask-SQLAlchemy binds
 * {@code Model.query} to the application's {@code db}.
 */
public final class Database implements AutoCloseable {
    private static volatile Database current;

    private final DatabaseUrl url;
    private final HikariDataSource pool;
    private final SessionFactory sessionFactory;
    private final ThreadLocal<DbSession> sessions;

    private Database(DatabaseUrl url, HikariDataSource pool, SessionFactory sessionFactory) {
        this.url = url;
        this.pool = pool;
        this.sessionFactory = sessionFactory;
        this.sessions = ThreadLocal.withInitial(() -> new DbSession(sessionFactory));
    }

    /**
     * Opens the database at {@code url} mapped over {@code entityClasses}.
     *
     * @throws DatabaseConnectionException if the database cannot be reached
     */
    public static Database open(DatabaseUrl url, Collection<Class<?>> entityClasses) {
        HikariDataSource pool = pool(url);
        try {
            Map<String, Object> settings = OrmSettings.forKind(url.kind());
            settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool);
            SessionFactory factory = OrmSettings.buildMetadata(settings, List.copyOf(entityClasses))
                    .buildSessionFactory();
            Database database = new Database(url, pool, factory);
            current = database;
            return database;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static HikariDataSource pool(DatabaseUrl url) {
        ConnectionFactory connections = new ConnectionFactory(url);
        HikariConfig config = new HikariConfig();
        config.setPoolName("microblog");
        config.setJdbcUrl(url.jdbcUrl());
        config.setDataSourceProperties(connections.driverProperties());
        if (url.kind() == DatabaseKind.SQLITE) {
            // One writer at a time is all SQLite allows; an idle connection also
            // keeps a shared in-memory database alive.
            config.setMaximumPoolSize(4);
            config.setMinimumIdle(1);
        }
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            if (e.getCause() instanceof SQLException sql) {
                connections.open(); // rethrows the driver's error as a one-line explanation
            }
            throw new DatabaseConnectionException("cannot open " + url + ": " + e.getMessage(), e);
        }
    }

    /** The database opened most recently in this process. */
    public static Database current() {
        Database db = current;
        if (db == null) {
            throw new IllegalStateException("no database is open: call Database.open(...) first");
        }
        return db;
    }

    /** This thread's session. */
    public DbSession session() {
        return sessions.get();
    }

    /** Shorthand for {@code session().query(type)}. */
    public <T> Query<T> query(Class<T> type) {
        return session().query(type);
    }

    public DatabaseUrl url() {
        return url;
    }

    public DataSource dataSource() {
        return pool;
    }

    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    @Override
    public void close() {
        session().close();
        sessionFactory.close();
        pool.close();
        if (current == this) {
            current = null;
        }
    }

    @Override
    public String toString() {
        return "<Database engine=" + url + ">";
    }
}
