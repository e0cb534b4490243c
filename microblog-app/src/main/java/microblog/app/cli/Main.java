package microblog.app.cli;

import microblog.app.Microblog;

/** Entry point of the {@code ./microblog} launcher. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int exitCode;
        try (Microblog app = Microblog.fromEnvironment()) {
            exitCode = MicroblogCommand.create(app).execute(args);
        }
        System.exit(exitCode);
    }
}
