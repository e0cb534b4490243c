package microblog.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Reports a command line that cannot be parsed (an unknown option, a missing
 * argument) as {@code Error: ...}, the closest options if it was a typo, and
 * where the help is; exit code 2, as command-line tools use for usage errors.
 */
public final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    public static final int EXIT_CODE = 2;

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("Error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return EXIT_CODE;
    }
}
