package microblog.migrate.testing;

import java.nio.file.Path;
import microblog.migrate.Migrations;

/** {@code upgrade} to head in a process of its own, for the tests that kill one: arguments are the repository and the URL. */
public final class UpgradeInAnotherProcess {
    private UpgradeInAnotherProcess() {}

    public static void main(String[] args) {
        Migrations.builder().directory(Path.of(args[0])).url(args[1]).build().upgrade();
    }

    /** Starts it, its output in {@code log}. */
    public static Process start(Path repository, String url, Path log) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        UpgradeInAnotherProcess.class.getName(),
                        repository.toString(),
                        url)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }
}
