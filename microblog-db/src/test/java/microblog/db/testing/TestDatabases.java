package microblog.db.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import microblog.db.url.DatabaseUrl;
import org.junit.jupiter.api.Assumptions;

/**
 * Makes a fresh database per test on each backend: a SQLite or H2 file in the test's
 * directory, or a new database on the local PostgreSQL (127.0.0.1:5432, trust
 * auth) or MariaDB (127.0.0.1:3306, root without password).
 *
 * <p>A server that is down fails the test when {@code CI=true}, and skips it
 * with a note otherwise.
 */
public final class TestDatabases {
    private static final String POSTGRES_ADMIN = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String MARIADB_ADMIN = "jdbc:mariadb://127.0.0.1:3306/test";

    private TestDatabases() {}

    public static TestDatabase create(Backend backend, Path dir) {
        String name = "mb_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String url =
                switch (backend) {
                    case SQLITE -> "sqlite:///" + name + ".db";
                    case POSTGRESQL -> "postgresql://postgres@127.0.0.1:5432/" + name;
                    case MARIADB -> "mysql://root@127.0.0.1:3306/" + name;
                    case H2 -> "jdbc:h2:" + dir.resolve(name).toAbsolutePath();
                };
        try {
            switch (backend) {
                case POSTGRESQL -> adminExecute(backend, "CREATE DATABASE " + name);
                case MARIADB -> adminExecute(
                        backend, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                case SQLITE, H2 -> {
                    // Each makes its file on first connection.
                }
            }
        } catch (SQLException e) {
            unavailable(backend, e);
        }
        return new TestDatabase(backend, url, DatabaseUrl.parse(url, dir), name);
    }

    static void adminExecute(Backend backend, String sql) throws SQLException {
        switch (backend) {
            case POSTGRESQL -> execute(POSTGRES_ADMIN, "postgres", sql);
            case MARIADB -> execute(MARIADB_ADMIN, "root", sql);
            case SQLITE, H2 -> throw new IllegalArgumentException(backend + " has no server here");
        }
    }

    private static void execute(String jdbcUrl, String user, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Whether the server for {@code backend} answers now. */
    public static boolean isAvailable(Backend backend) {
        if (backend == Backend.SQLITE || backend == Backend.H2) {
            return true;
        }
        DriverManager.setLoginTimeout(3);
        String url = backend == Backend.POSTGRESQL ? POSTGRES_ADMIN : MARIADB_ADMIN;
        String user = backend == Backend.POSTGRESQL ? "postgres" : "root";
        try (Connection ignored = DriverManager.getConnection(url, user, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void unavailable(Backend backend, SQLException e) {
        String message = backend + " is not reachable on 127.0.0.1 (" + e.getMessage()
                + "); start it, or see .ci/run for how CI does";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(message + " (CI=true: the server tests must run)", e);
        }
        Assumptions.abort(message);
    }
}
