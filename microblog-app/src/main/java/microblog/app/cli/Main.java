package microblog.app.cli;

import microblog.app.ConfigException;
import microblog.app.Microblog;
import microblog.app.logging.ConsoleLogging;

/** Entry point of the {@code ./microblog} launcher. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Preinitializer.start();
        ConsoleLogging.install();
        int exitCode;
        try (Microblog app = Microblog.fromEnvironment()) {
            exitCode = MicroblogCommand.create(app, args).execute(args);
        } catch (ConfigException e) { // before the command line exists, so reported here
            System.err.println("Error: " + e.getMessage());
            exitCode = 1;
        }
        System.exit(exitCode);
    }
}
