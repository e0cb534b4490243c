package microblog.app.cli;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
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

    @Option(
            names = {"-h", "--host"},
            defaultValue = "127.0.0.1",
            description = "The interface to bind to (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = {"-p", "--port"},
            defaultValue = "5000",
            description = "The port to bind to (default: ${DEFAULT-VALUE}).")
    int port;

    private final Microblog app;

    public RunCommand(Microblog app) {
        this.app = app;
    }

    /** A bad --host or --port, or a port in use, is said in one line, saying which. */
    private void requireFreeAddress() {
        if (port < 0 || port > 65535) {
            throw new CommandFailedException(
                    "--port " + port + " is not a port: use 1 to 65535 (or 0 for any free one)");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new CommandFailedException("--host " + host + " is not an address of this machine nor a known name: "
                    + "use 127.0.0.1, 0.0.0.0 or one of its addresses");
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, port));
        } catch (BindException e) {
            throw new CommandFailedException(
                    port == 0 || !e.getMessage().contains("in use")
                            ? "cannot listen on " + host + ": it is not an address of this machine (" + e.getMessage()
                                    + ")"
                            : "port " + port + " on " + host
                                    + " is in use (another server?): choose another with --port");
        } catch (IOException e) {
            throw new CommandFailedException("cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        requireFreeAddress(); // before booting and migrating anything
        if (app.config().usesDevelopmentSecretKey()) {
            log.warn(
                    "SECRET_KEY is not set: signing sessions with {}; set SECRET_KEY, the same on every instance, "
                            + "before deploying",
                    app.config().generatedSecretKeySource());
        }
        // Hibernate's boot is most of the start: it runs beside the migrations and Jetty's start,
        // and a page asked for before it ends waits for it (WebServer).
        app.openDatabaseInBackground();
        app.prepareDatabase(); // before serving, so that no page ever sees a schema being migrated
        Javalin server = WebServer.create(app);
        try {
            server.start(host, port);
        } catch (RuntimeException e) {
            app.close();
            throw new CommandFailedException("cannot serve on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        try {
            app.db(); // waits for the boot: a database that cannot be opened stops the app with its one-line error
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        log.info(
                "Running on http://{}:{}/ with database {} (Press CTRL+C to quit)",
                host,
                server.port(),
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
