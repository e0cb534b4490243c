package microblog.app.shell;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's in-process execution, reporting an exception from a snippet in one line (its class and
 * message) instead of every frame of every cause: a duplicate username is one line, not fifty. The
 * whole exception is kept for {@code lastError()}, which the shell imports.
 *
 * <p>JShell prints what its execution engine reports, so the engine is where the trace is cut:
 * registered as the execution provider {@value #NAME}.
 */
public final class BriefErrors implements ExecutionControlProvider {
    static final String NAME = "microblog";

    private static volatile Throwable last;

    /** The exception the last failing snippet threw, whole: {@code lastError().printStackTrace()}. */
    public static Throwable lastError() {
        return last;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return new LocalExecutionControl() {
            @Override
            protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
                try {
                    return super.throwConvertedInvocationException(cause);
                } catch (UserException e) {
                    last = cause instanceof InvocationTargetException && cause.getCause() != null
                            ? cause.getCause()
                            : cause;
                    throw new UserException(
                            e.getMessage() + " (the whole trace: lastError().printStackTrace())",
                            e.causeExceptionClass(),
                            new StackTraceElement[0]);
                }
            }
        };
    }
}
