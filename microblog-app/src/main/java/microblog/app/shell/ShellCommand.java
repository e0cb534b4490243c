package microblog.app.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import microblog.app.Microblog;
import picocli.CommandLine.Command;

/**
 * {@code microblog shell}: JShell with the app's context ready, as {@code flask shell}.
 *
 * <p>The app the shell works on is opened, and its embedded database migrated,
 * before the shell starts; the start-up snippets ({@link ShellStartup}) name it.
 *
 * <p>JShell runs in this process (its local execution, with errors in one line:
 * {@link BriefErrors}): no second JVM to start, and the snippets see the same
 * classes the app was loaded with.
 */
@Command(
        name = "shell",
        mixinStandardHelpOptions = true,
        description = "Run a Java shell (JShell) in the context of the app: app, db, User and Post are defined.")
public final class ShellCommand implements Callable<Integer> {
    private static volatile Microblog current;

    private final Microblog app;

    public ShellCommand(Microblog app) {
        this.app = app;
    }

    /** The app the shell works on, opened before its first prompt: {@code app} in the shell. */
    public static Microblog app() {
        return current;
    }

    @Override
    public Integer call() throws Exception {
        // Opened here, not in a start-up snippet, so that a database that cannot be reached is one
        // "Error:" line and exit status 1, as for every other command, and no shell opens.
        Microblog shellApp = app.forShell();
        shellApp.prepareDatabase();
        shellApp.db();
        current = shellApp;
        Path startup = Files.createTempFile("microblog-shell", ".jsh");
        Path historyFile = ShellHistory.location();
        Map<String, String> history = ShellHistory.load(historyFile, ShellHistory.jshellStore());
        try {
            Files.writeString(startup, ShellStartup.snippets(), StandardCharsets.UTF_8);
            return JavaShellToolBuilder.builder()
                    .persistence(history)
                    .start(
                            "--class-path",
                            System.getProperty("java.class.path"),
                            "--execution",
                            BriefErrors.NAME,
                            "--startup",
                            "DEFAULT",
                            "--startup",
                            startup.toString(),
                            "--feedback",
                            "normal");
        } finally {
            deleteQuietly(startup);
            saveQuietly(historyFile, history);
            shellApp.close();
        }
    }

    private static void saveQuietly(Path file, Map<String, String> history) {
        try {
            ShellHistory.save(file, history);
        } catch (IOException e) {
            System.err.println("Warning: the shell's history was not saved to " + file + ": " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A temporary file left behind is harmless.
        }
    }
}
