package microblog.app.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import microblog.app.Config;
import microblog.app.Microblog;
import microblog.app.logging.ConsoleLogging;
import microblog.app.models.Post;
import microblog.app.models.User;

/**
 * {@link Main} for a project whose models are only partly written, as in the chapter before
 * {@code Post} exists: the system property {@code models} lists the entities by simple name.
 */
public final class ChapterStepMain {
    private static final Map<String, Class<?>> ENTITIES = Map.of("User", User.class, "Post", Post.class);

    private ChapterStepMain() {}

    public static void main(String[] args) {
        List<Class<?>> models = Arrays.stream(System.getProperty("models").split(","))
                .<Class<?>>map(name -> ENTITIES.get(name.strip()))
                .toList();
        ConsoleLogging.install();
        int exitCode;
        try (Microblog app = new Microblog(Config.load(Config.baseDirFrom(System.getenv()), System.getenv()), models)) {
            exitCode = MicroblogCommand.create(app, args).execute(args);
        }
        System.exit(exitCode);
    }
}
