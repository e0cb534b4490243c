import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import microblog.app.Config;
import microblog.app.Microblog;
import microblog.app.logging.ConsoleLogging;
import microblog.app.models.Post;
import microblog.app.models.User;
import microblog.app.web.WebServer;

/**
 * The load test of the soak suite: writers doing what the README teaches
 * (in db.runTransaction, load a user and add a post) beside readers of the index page, for a
 * while, on a fresh database (a SQLite file, or an empty server database given
 * as DATABASE_URL); then every committed post is counted. Run by soak/load;
 * prints one line per figure.
 */
public final class Load {
    public static void main(String[] args) throws Exception {
        ConsoleLogging.install(); // the app's log format, as ./microblog has it
        Path root = Path.of(args[0]);
        int seconds = Integer.parseInt(args[1]);
        String url = args.length > 2 ? args[2] : "sqlite:///load.db";
        int writers = 32;
        int readers = 8;
        Path project = Files.createTempDirectory("load-");
        copy(root.resolve("migrations"), project.resolve("migrations"));
        Config config = Config.load(project, Map.of("DATABASE_URL", url));
        try (Microblog app = new Microblog(config)) {
            app.migrations().upgrade();
            app.db().runTransaction(session -> {
                for (int i = 1; i <= writers; i++) {
                    session.add(new User("writer" + i, "writer" + i + "@example.com"));
                }
            });
            app.db().session().close();
            var server = WebServer.create(app).start("127.0.0.1", 0);
            int port = server.port();
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            AtomicLong attempted = new AtomicLong();
            AtomicLong committed = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            AtomicLong pages = new AtomicLong();
            AtomicLong badPages = new AtomicLong();
            List<Long> commitMicros = Collections.synchronizedList(new ArrayList<>());
            Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
            List<Thread> threads = new ArrayList<>();
            for (int w = 1; w <= writers; w++) {
                int id = w;
                threads.add(started(() -> {
                    while (System.nanoTime() < deadline) {
                        long number = attempted.incrementAndGet();
                        long start = System.nanoTime();
                        try {
                            // One unit of work, run again should it conflict with another writer's.
                            app.db().runTransaction(session -> {
                                User author = User.query().get(id);
                                session.add(new Post("post " + number + " by " + id, author));
                            });
                            committed.incrementAndGet();
                            commitMicros.add((System.nanoTime() - start) / 1000);
                        } catch (RuntimeException e) {
                            failed.incrementAndGet(); // rolled back by runTransaction
                            errors.computeIfAbsent(e.getClass().getSimpleName() + ": " + e.getMessage(),
                                    k -> new AtomicLong()).incrementAndGet();
                        } finally {
                            app.db().session().close();
                        }
                    }
                }));
            }
            HttpClient http = HttpClient.newHttpClient();
            for (int r = 0; r < readers; r++) {
                threads.add(started(() -> {
                    while (System.nanoTime() < deadline) {
                        try {
                            HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/")).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            pages.incrementAndGet();
                            if (page.statusCode() != 200) {
                                badPages.incrementAndGet();
                            }
                        } catch (Exception e) {
                            badPages.incrementAndGet();
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            server.stop();
            long stored = Post.query().count();
            List<Long> sorted = new ArrayList<>(commitMicros);
            Collections.sort(sorted);
            System.out.println("database: " + app.config().databaseUrl() + ", seconds: " + seconds + ", writers: "
                    + writers + ", readers: " + readers);
            System.out.println("writes attempted: " + attempted.get() + ", committed: " + committed.get()
                    + ", stored: " + stored + ", failed: " + failed.get());
            System.out.println("commit p50: " + percentile(sorted, 50) + " ms, p99: " + percentile(sorted, 99)
                    + " ms, max: " + percentile(sorted, 100) + " ms");
            System.out.println("pages served: " + pages.get() + ", non-200: " + badPages.get());
            errors.forEach((message, count) -> System.out.println("error x" + count + ": " + message));
            if (failed.get() > 0 || badPages.get() > 0 || stored != committed.get()) {
                System.exit(1);
            }
        }
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    private static String percentile(List<Long> sortedMicros, int p) {
        if (sortedMicros.isEmpty()) {
            return "-";
        }
        int index = Math.min(sortedMicros.size() - 1, (int) Math.ceil(p / 100.0 * sortedMicros.size()) - 1);
        return String.format("%.1f", sortedMicros.get(Math.max(index, 0)) / 1000.0);
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
