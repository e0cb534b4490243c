package microblog.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import microblog.cli.command.MigrationCommands;

/** A throw-away copy of the project layout: the shipped migrations and a fresh database. */
public final class TestProject {
    /** The repository's own migrations directory, as shipped. */
    public static final Path SHIPPED_MIGRATIONS = findShippedMigrations();

    private TestProject() {}

    /** An app on {@code base}, with the shipped migrations copied there and applied to app.db. */
    public static Microblog migratedApp(Path base) throws IOException {
        return migratedApp(base, Map.of());
    }

    /** The same on the database {@code url} (a DATABASE_URL). */
    public static Microblog migratedApp(Path base, String url) throws IOException {
        return migratedApp(base, Map.of("DATABASE_URL", url));
    }

    /** The same with {@code environment} as its settings. */
    public static Microblog migratedApp(Path base, Map<String, String> environment) throws IOException {
        copyMigrations(base);
        Microblog app = new Microblog(Config.load(base, environment));
        new MigrationCommands(app.migrationConfig(), new PrintWriter(new StringWriter())).upgrade("head");
        return app;
    }

    public static void copyMigrations(Path base) throws IOException {
        Path target = base.resolve("migrations");
        try (Stream<Path> files = Files.walk(SHIPPED_MIGRATIONS)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(SHIPPED_MIGRATIONS.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
    }

    private static Path findShippedMigrations() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("migrations/migrate.yaml"))) {
                return dir.resolve("migrations");
            }
        }
        throw new IllegalStateException("cannot find the project's migrations/ directory");
    }
}
