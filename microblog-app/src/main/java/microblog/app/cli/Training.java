package microblog.app.cli;

import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import microblog.app.Config;
import microblog.app.Microblog;
import microblog.app.logging.ConsoleLogging;
import microblog.app.models.Post;
import microblog.app.models.User;
import microblog.app.shell.ShellCommand;
import microblog.app.web.WebServer;

/**
 * The training runs for the ahead-of-time caches that the launcher makes on JDK 25 and later
 * ({@code -XX:AOTCacheOutput}, JEP 483 and 514): what one kind of command does at start-up, on
 * a throw-away project in a temporary directory, so that the JVM finds those classes already
 * loaded and linked at every later start. It never writes to the user's database.
 *
 * <p>Where the user's project is configured for a database server, the {@code db} trainings also
 * run read-only commands against it ({@link #SERVER_COMMANDS}), as the user's own command is about
 * to: a throw-away database on a server cannot be assumed, and without its driver's protocol
 * classes {@code db current} on PostgreSQL loaded some 300 classes from the jars at every start
 * (about 80 ms, measured with a cache trained so against one trained on SQLite only). The launcher
 * keeps such caches apart by database family ({@code db-postgresql}, {@code db-mysql}).
 *
 * <p>One cache per kind ({@code db}, {@code db-models}, {@code shell}, {@code run}), since every
 * class in a cache is loaded at each start that uses it: one cache holding everything (98 MB) made
 * a {@code db} command slower than loading its own classes, and Hibernate's 2,000 classes, which
 * only the commands that read the models need, cost {@code db current} about 80 ms of CPU.
 *
 * <p>Usage: {@code java -XX:AOTCacheOutput=FILE -cp ... microblog.app.cli.Training MIGRATIONS_DIR db|db-models|shell|run}
 */
public final class Training {
    /** The commands that use plain JDBC, as a user types them (the launcher's kind {@code db}). */
    private static final List<List<String>> JDBC_COMMANDS = List.of(
            List.of("db", "upgrade"),
            List.of("db", "current", "-v"),
            List.of("db", "history", "-i"),
            List.of("db", "heads"),
            List.of("db", "stamp", "head"),
            List.of("db", "downgrade", "base"),
            List.of("db", "upgrade", "--sql"),
            List.of("db", "upgrade"));

    /** The commands that read the models, and so boot Hibernate (the launcher's kind {@code db-models}), at head. */
    private static final List<List<String>> MODEL_COMMANDS =
            List.of(List.of("db", "check"), List.of("db", "migrate", "-m", "training"));

    /**
     * The read-only commands run against a configured database server: the version table read, as
     * {@code db current} does (nothing is created where there is none), and the SQL of every
     * revision rendered offline for its dialect, as {@code --sql} does without connecting.
     */
    private static final List<List<String>> SERVER_COMMANDS =
            List.of(List.of("db", "current", "-v"), List.of("db", "upgrade", "--sql"));

    /** For the commands that read the models, {@code db check} too: it reads the live schema, writes nothing. */
    private static final List<List<String>> SERVER_MODEL_COMMANDS = Stream.concat(
                    SERVER_COMMANDS.stream(), Stream.of(List.of("db", "check")))
            .toList();

    private Training() {}

    public static void main(String[] args) throws Exception {
        ConsoleLogging.install();
        Path project = Files.createTempDirectory("microblog-training");
        try {
            copy(Path.of(args[0]), project.resolve("migrations"));
            try (Microblog app = new Microblog(Config.load(project, Map.of()))) {
                switch (args[1]) {
                    case "db" -> {
                        commands(app, JDBC_COMMANDS);
                        onConfiguredServer(SERVER_COMMANDS);
                    }
                    case "db-models" -> {
                        commands(app, JDBC_COMMANDS);
                        commands(app, MODEL_COMMANDS);
                        onConfiguredServer(SERVER_MODEL_COMMANDS);
                    }
                    case "shell" -> shell(app);
                    case "run" -> servePages(app);
                    default -> throw new IllegalArgumentException(
                            "training for db, db-models, shell or run, not " + args[1]);
                }
            }
        } finally {
            delete(project);
        }
    }

    /**
     * Runs each command line as {@link Main} does, parsing included, after building all of them as
     * --help does. A command that fails has still loaded its classes, which is all a training is
     * for: {@code db check} fails while the models are ahead of the revisions, which is just when
     * a developer runs {@code db migrate}, and a failed training would leave no cache at all.
     */
    private static void commands(Microblog app, List<List<String>> commandLines) {
        MicroblogCommand.create(app).getCommandSpec();
        for (List<String> commandLine : commandLines) {
            String[] args = commandLine.toArray(String[]::new);
            MicroblogCommand.create(app, args)
                    .setOut(new PrintWriter(Writer.nullWriter()))
                    .setErr(new PrintWriter(Writer.nullWriter()))
                    .execute(args);
        }
    }

    /**
     * Runs the read-only {@code commandLines} in the user's project, configured as the command
     * about to run is, if its database is a server; nothing where it is embedded (the scratch
     * project covered that) or where the configuration cannot be read (the command reports it).
     */
    private static void onConfiguredServer(List<List<String>> commandLines) {
        Map<String, String> environment = System.getenv();
        Config config;
        try {
            config = Config.load(Config.baseDirFrom(environment), environment);
            if (config.databaseUrl().isEmbedded()) {
                return;
            }
        } catch (RuntimeException e) {
            return;
        }
        try (Microblog app = new Microblog(config)) {
            commands(app, commandLines);
        }
    }

    /**
     * The shell as a user starts it: its database opened (Hibernate booted), JShell's start-up
     * snippets compiled, one line typed, then {@code /exit}. JShell reads standard input itself.
     */
    private static void shell(Microblog app) throws Exception {
        System.setIn(new ByteArrayInputStream("var greeting = \"hello\";\n/exit\n".getBytes(StandardCharsets.UTF_8)));
        new ShellCommand(app).call();
    }

    private static void servePages(Microblog app) throws IOException, InterruptedException {
        app.openDatabaseInBackground(); // as RunCommand starts
        app.prepareDatabase();
        app.db().runTransaction(session -> {
            User john = new User("john", "john@example.com");
            session.add(john);
            session.add(new Post("my first post!", john));
        });
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
