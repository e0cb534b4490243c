package microblog.app.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;

/**
 * {@code microblog shell}: JShell with the app's context ready, as {@code flask shell}.
 *
 * <p>The app the shell works on is made, and its embedded database migrated, by
 * the start-up snippets in the shell itself ({@link ShellStartup}).
 *
 * <p>JShell runs in this process (its local execution, with errors in one line:
 * {@link BriefErrors}): no second JVM to start, and the snippets see the same
 * classes the app was loaded with.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "Run a Java shell (JShell) in the context of the app: app, db, User and Post are defined.")
public final class ShellCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        Path startup = Files.createTempFile("microblog-shell", ".jsh");
        try {
            Files.writeString(startup, ShellStartup.snippets(), StandardCharsets.UTF_8);
            return JavaShellToolBuilder.builder().start(
                    "--class-path", System.getProperty("java.class.path"),
                    "--execution", BriefErrors.NAME,
                    "--startup", "DEFAULT",
                    "--startup", startup.toString(),
                    "--feedback", "normal");
        } finally {
            deleteQuietly(startup);
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
