package microblog.app.cli;

import io.javalin.Javalin;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import microblog.app.Microblog;
import microblog.app.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code microblog run}: serves the app, as {@code flask run}. */
@Command(name = "run", description = "Run a development server.")
public final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--help", usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = {"-h", "--host"}, defaultValue = "127.0.0.1", description = "The interface to bind to (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = {"-p", "--port"}, defaultValue = "5000", description = "The port to bind to (default: ${DEFAULT-VALUE}).")
    int port;

    private final Microblog app;

    public RunCommand(Microblog app) {
        this.app = app;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (app.config().usesDevelopmentSecretKey()) {
            log.warn("SECRET_KEY is not set: using the development key; set SECRET_KEY before deploying");
        }
        app.prepareDatabase();
        Javalin server = WebServer.create(app);
        try {
            server.start(host, port);
        } catch (RuntimeException e) {
            app.close();
            throw new CommandFailedException("cannot serve on " + host + ":" + port + ": " + e.getMessage()
                    + " (is another server running there? choose another with --port)", e);
        }
        log.info("Running on http://{}:{}/ with database {} (Press CTRL+C to quit)", host, server.port(),
                app.config().databaseUrl());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            app.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
