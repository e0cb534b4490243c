package microblog.migrate.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.url.DatabaseUrl;
import microblog.migrate.MigrationException;
import microblog.migrate.Migrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An empty database of the same kind as a configured one, for trying
 * revisions: a temporary file for an embedded database (SQLite, H2), or a new database on the same server
 * (which needs the right to create databases). {@link #close()} removes it.
 */
public final class ScratchDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private final DatabaseUrl configured;
    private final DatabaseUrl url;
    private final String serverDatabase; // null for an embedded database
    private final Path file; // null for a server

    private ScratchDatabase(DatabaseUrl configured, DatabaseUrl url, String serverDatabase, Path file) {
        this.configured = configured;
        this.url = url;
        this.serverDatabase = serverDatabase;
        this.file = file;
    }

    public static ScratchDatabase create(DatabaseUrl configured) {
        if (configured.isEmbedded()) {
            try {
                Path dir = Files.createTempDirectory("migrate-test-");
                Path file = dir.resolve("scratch.db");
                String url = configured.kind().dialect().fileJdbcUrl(file).orElseThrow();
                return new ScratchDatabase(configured, DatabaseUrl.parse(url, dir), null, file);
            } catch (IOException e) {
                throw new MigrationException("cannot make a scratch database file: " + e.getMessage(), e);
            }
        }
        String name = "migrate_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        adminExecute(configured, "CREATE DATABASE " + name, "create a scratch database '" + name + "'", "create");
        return new ScratchDatabase(configured, configured.withDatabase(name), name, null);
    }

    public DatabaseUrl url() {
        return url;
    }

    /**
     * Removes the scratch database. A failure here is logged rather than
     * thrown, so it never hides the error that ended the test, and it names
     * the database left behind.
     */
    @Override
    public void close() {
        if (serverDatabase != null) {
            try {
                adminExecute(
                        configured,
                        "DROP DATABASE " + serverDatabase,
                        "drop the scratch database '" + serverDatabase + "'",
                        "drop");
            } catch (MigrationException e) {
                log.warn("{}; drop it by hand", e.getMessage());
            }
        } else {
            try (Stream<Path> files = Files.list(file.getParent())) {
                for (Path leftover : files.toList()) { // the database and any journal beside it
                    Files.deleteIfExists(leftover);
                }
                Files.deleteIfExists(file.getParent());
            } catch (IOException e) {
                log.warn("cannot delete the scratch file {}: {}; delete it by hand", file, e.getMessage());
            }
        }
    }

    private static void adminExecute(DatabaseUrl through, String sql, String what, String right) {
        try (Connection connection = new ConnectionFactory(through).open();
                Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new MigrationException(
                    "cannot " + what + " on " + through + ": " + e.getMessage() + " ('db test' needs the right to "
                            + right + " databases)",
                    e);
        }
    }
}
