package microblog.app.shell;

/**
 * The snippets JShell runs before the first prompt: the shell context of the
 * tutorial's {@code flask shell} ({@code app}, {@code db}, {@code User},
 * {@code Post}), plus the query helpers and the typed metamodel
 * ({@code User_}, {@code Post_}) that {@code desc(User_.username)} needs.
 *
 * <p>JShell compiles every snippet on its own, 10 to 35 ms each at start, so the imports are by
 * package ({@code microblog.db.*} also gives the shell the exceptions a commit may throw) and the
 * variables are declared with their types, not {@code var}, which JShell would compile twice to
 * infer the type.
 */
final class ShellStartup {
    private ShellStartup() {}

    static String snippets() {
        return """
                import microblog.app.Microblog;
                import microblog.app.models.*;
                import microblog.db.*;
                import static microblog.db.Sort.*;
                import static microblog.app.shell.BriefErrors.lastError;
                Microblog app = microblog.app.shell.ShellCommand.app();
                Database db = app.db();
                """;
    }
}
