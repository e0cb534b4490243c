package microblog.app.cli;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import microblog.app.Config;
import microblog.app.Microblog;
import microblog.app.logging.ConsoleLogging;
import microblog.app.models.Post;
import microblog.app.models.User;
import microblog.app.web.WebServer;
import microblog.cli.command.MigrationCommands;

/**
 * The training runs for the ahead-of-time caches that the launcher makes on JDK 25 and later
 * ({@code -XX:AOTCacheOutput}, JEP 483 and 514): what one kind of command does at start-up, on
 * a throw-away project in a temporary directory, so that the JVM finds those classes already
 * loaded and linked at every later start. It never touches the user's database.
 *
 * <p>One cache per kind ({@code db}, {@code shell}, {@code run}), since one cache holding
 * everything (98 MB) made a {@code db} command slower to map it than to load its own classes.
 *
 * <p>Usage: {@code java -XX:AOTCacheOutput=FILE -cp ... microblog.app.cli.Training MIGRATIONS_DIR db|shell|run}
 */
public final class Training {
    private Training() {}

    public static void main(String[] args) throws Exception {
        ConsoleLogging.install();
        Path project = Files.createTempDirectory("microblog-training");
        try {
            copy(Path.of(args[0]), project.resolve("migrations"));
            try (Microblog app = new Microblog(Config.load(project, Map.of()))) {
                switch (args[1]) {
                    case "db" -> migrate(app);
                    case "shell" -> shell(app);
                    case "run" -> servePages(app);
                    default -> throw new IllegalArgumentException("training for db, shell or run, not " + args[1]);
                }
            }
        } finally {
            delete(project);
        }
    }

    private static void migrate(Microblog app) {
        MicroblogCommand.create(app).getCommandSpec(); // every command's options, as --help reads them
        MigrationCommands db = new MigrationCommands(app.migrationConfig(), new PrintWriter(Writer.nullWriter()));
        db.upgrade("head");
        db.current(true);
        db.history();
        db.check();
        db.downgrade("base");
        db.upgradeSql("head");
    }

    private static void shell(Microblog app) {
        app.forShell().prepareDatabase();
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.eval("var greeting = \"hello\";");
        }
    }

    private static void servePages(Microblog app) throws IOException, InterruptedException {
        app.openDatabaseInBackground(); // as RunCommand starts
        app.prepareDatabase();
        User john = new User("john", "john@example.com");
        app.db().session().add(john);
        app.db().session().add(new Post("my first post!", john));
        app.db().session().commit();
        Javalin server = WebServer.create(app).start("127.0.0.1", 0);
        try {
            HttpClient client = HttpClient.newHttpClient();
            for (String page : new String[] {"/", "/login"}) {
                client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + page))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        } finally {
            server.stop();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
