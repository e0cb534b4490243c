package microblog.db.testing;

import java.sql.SQLException;
import microblog.db.url.DatabaseUrl;

/**
 * A fresh, empty database for one test, reached through {@link #url()} in the
 * form users write in DATABASE_URL; {@link #close()} drops it.
 */
public final class TestDatabase implements AutoCloseable {
    private final Backend backend;
    private final String url;
    private final DatabaseUrl parsed;
    private final String name;

    TestDatabase(Backend backend, String url, DatabaseUrl parsed, String name) {
        this.backend = backend;
        this.url = url;
        this.parsed = parsed;
        this.name = name;
    }

    public Backend backend() {
        return backend;
    }

    /** The URL as a user writes it, such as {@code postgresql://postgres@127.0.0.1:5432/mb_test_...}. */
    public String url() {
        return url;
    }

    public DatabaseUrl databaseUrl() {
        return parsed;
    }

    @Override
    public void close() throws SQLException {
        switch (backend) {
            case POSTGRESQL -> TestDatabases.adminExecute(backend, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            case MARIADB -> TestDatabases.adminExecute(backend, "DROP DATABASE IF EXISTS " + name);
            case SQLITE, H2 -> {
                // The file lives in the test's temporary directory.
            }
        }
    }

    @Override
    public String toString() {
        return backend.name();
    }
}
