package microblog.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the {@code microblog} command line as a user does: a separate process, its output, its exit code. */
public final class MicroblogProcess {
    public record Result(int exitCode, String out, String err) {}

    private MicroblogProcess() {}

    public static Result run(Path projectDir, Map<String, String> env, String stdin, String... args)
            throws IOException, InterruptedException {
        return runWithJvmOptions(projectDir, List.of(), env, stdin, args);
    }

    /** As {@link #run(Path, Map, String, String...)}, with extra options for the JVM. */
    public static Result runWithJvmOptions(
            Path projectDir, List<String> jvmOptions, Map<String, String> env, String stdin, String... args)
            throws IOException, InterruptedException {
        return launch(projectDir, jvmOptions, Main.class, env, stdin, false, args);
    }

    /**
     * As a terminal shows it: standard error and output in one stream, in {@link Result#out()}; the
     * entry point is {@code mainClass} (a {@link Main} with other models, say).
     */
    public static Result runInTerminal(Path projectDir, List<String> jvmOptions, Class<?> mainClass, String... args)
            throws IOException, InterruptedException {
        return launch(projectDir, jvmOptions, mainClass, Map.of(), null, true, args);
    }

    private static Result launch(
            Path projectDir,
            List<String> jvmOptions,
            Class<?> mainClass,
            Map<String, String> env,
            String stdin,
            boolean mergeError,
            String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBin()));
        command.addAll(jvmOptions);
        command.add("-Duser.home=" + projectDir); // the shell's history goes there, not to the real home
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath(), mainClass.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(projectDir.toFile());
        builder.environment().remove("DATABASE_URL");
        builder.environment().remove("SECRET_KEY");
        builder.environment().put("MICROBLOG_HOME", projectDir.toString());
        builder.environment().putAll(env);
        Path out = Files.createTempFile("microblog-out", ".txt");
        Path err = Files.createTempFile("microblog-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectErrorStream(mergeError);
        Process process = builder.start();
        try (var input = process.getOutputStream()) {
            if (stdin != null) {
                input.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("microblog " + String.join(" ", args) + " did not finish in 120 s");
        }
        try {
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    public static Result run(Path projectDir, String... args) throws IOException, InterruptedException {
        return run(projectDir, Map.of(), null, args);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classPath() {
        return System.getProperty("java.class.path");
    }
}
