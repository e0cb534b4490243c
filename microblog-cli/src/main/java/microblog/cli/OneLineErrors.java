package microblog.cli;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import microblog.db.DatabaseException;
import microblog.db.url.DatabaseKind;
import picocli.CommandLine;

/**
 * Reports a failed command as one line on standard error and exit code 1.
 * Expected failures (bad input, unreachable database) show their message;
 * anything else says it was unexpected and how to see the stack trace
 * (the application's debug variable, such as MICROBLOG_DEBUG=1), never a Java
 * class name.
 */
public final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {
    /** The libraries' own failures, every one with a message meant for the user. */
    private static final Set<Class<? extends Exception>> COMMON = Set.of(DatabaseException.class);

    private final String debugVariable;
    private final Set<Class<? extends Exception>> expected;

    /**
     * Shows the stack trace of an unexpected failure when the environment variable
     * {@code debugVariable} is set; also treats {@code moreExpected} as expected
     * failures, reported by message only.
     */
    @SafeVarargs
    public OneLineErrors(String debugVariable, Class<? extends Exception>... moreExpected) {
        this.debugVariable = debugVariable;
        Set<Class<? extends Exception>> all = new HashSet<>(COMMON);
        all.addAll(Set.of(moreExpected));
        this.expected = Set.copyOf(all);
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        var err = commandLine.getErr();
        boolean isExpected = expected.stream().anyMatch(type -> type.isInstance(e));
        err.println("Error: " + oneLine(e.getMessage()) + poolerHint(e)
                + (isExpected
                        ? ""
                        : " (an unexpected failure; run again with " + debugVariable + "=1 to see where it happened)"));
        if (!isExpected && System.getenv(debugVariable) != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /**
     * Where the driver's prepared statement was lost to a transaction pooler (the URL set
     * prepareThreshold through PgBouncer), what to change: the libraries' own messages say it where
     * they catch the error, but a command can meet it anywhere.
     */
    private static String poolerHint(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && DatabaseKind.POSTGRESQL.dialect().isPreparedStatementLostToPooler(sql)
                    && !String.valueOf(e.getMessage()).contains("pgbouncer=true")) {
                return "; a transaction pooler (PgBouncer) stands before the server and lost the driver's prepared "
                        + "statement: remove prepareThreshold from the database URL, or add ?pgbouncer=true";
            }
        }
        return "";
    }

    private static String oneLine(String message) {
        return message == null
                ? "(no message)"
                : message.replaceAll("\\s*\\n\\s*", " ").strip();
    }
}
